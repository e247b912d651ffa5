import type { CallAnalysis, Fix, MinTypMax } from '../types';
import type { AggregateRow, AuditedCall, AuditTotals, ImpactTotals, Savings } from './types';

// Sums over call sites. Ranges add bound by bound (min+min, max+max): the calls share the same uncertain coefficients
// (PUE, grid, model size), so their errors are correlated and the extremes do not average out.

export const DAYS_PER_MONTH = 30;
export const UNKNOWN_MODEL_KEY = 'unknown model';

const zero = (): MinTypMax => ({ min: 0, typical: 0, max: 0 });

export function emptyImpact(): ImpactTotals {
  return { energyWh: zero(), co2eGrams: zero(), waterMl: zero(), costUsd: null };
}

function addInto(target: MinTypMax, add: MinTypMax, factor: number): void {
  target.min += add.min * factor;
  target.typical += add.typical * factor;
  target.max += add.max * factor;
}

function addImpact(target: ImpactTotals, call: CallAnalysis, factor: number): void {
  const fp = call.footprint;
  if (!fp) return;
  addInto(target.energyWh, fp.energyWh, factor);
  addInto(target.co2eGrams, fp.co2eGrams, factor);
  addInto(target.waterMl, fp.waterMl, factor);
  if (fp.costUsd) {
    target.costUsd ??= zero();
    addInto(target.costUsd, fp.costUsd, factor);
  }
}

export function scaleImpact(impact: ImpactTotals, factor: number): ImpactTotals {
  const scale = (r: MinTypMax): MinTypMax => ({ min: r.min * factor, typical: r.typical * factor, max: r.max * factor });
  return {
    energyWh: scale(impact.energyWh), co2eGrams: scale(impact.co2eGrams), waterMl: scale(impact.waterMl),
    costUsd: impact.costUsd ? scale(impact.costUsd) : null,
  };
}

/** The fix a user would apply for a finding: the preferred one, else the first with a known saving. */
export function preferredFix(fixes: readonly Fix[]): Fix | undefined {
  return fixes.find((f) => f.isPreferred) ?? fixes.find((f) => f.energySaving !== undefined);
}

/**
 * Share of a call's typical energy and cost left after applying the preferred fix of every finding. Fixes address
 * different levers (model, output cap, caching …), so their relative savings compose multiplicatively.
 */
export function remainingAfterFixes(call: CallAnalysis): { energy: number; cost: number; fixed: boolean } {
  let energy = 1;
  let cost = 1;
  let fixed = false;
  for (const finding of call.findings) {
    const fix = preferredFix(finding.fixes);
    if (!fix) continue;
    if (fix.energySaving !== undefined && Number.isFinite(fix.energySaving)) {
      energy *= 1 + clampSaving(fix.energySaving);
      fixed = true;
    }
    if (fix.costSaving !== undefined && Number.isFinite(fix.costSaving)) {
      cost *= 1 + clampSaving(fix.costSaving);
      fixed = true;
    }
  }
  return { energy, cost, fixed };
}

/** Savings are negative relative changes; a fix never removes more than everything nor is counted as adding. */
function clampSaving(saving: number): number {
  return Math.min(0, Math.max(-1, saving));
}

export function computeSavings(calls: readonly AuditedCall[], perCallEnergy: number): Savings {
  const savings: Savings = {
    perCallEnergyWh: 0, perCallCostUsd: 0, perDayEnergyWh: 0, perDayCostUsd: 0, energyFraction: 0, callsWithFixes: 0,
  };
  for (const { analysis } of calls) {
    const fp = analysis.footprint;
    if (!fp) continue;
    const left = remainingAfterFixes(analysis);
    if (!left.fixed) continue;
    savings.callsWithFixes += 1;
    const energy = fp.energyWh.typical * (1 - left.energy);
    const cost = (fp.costUsd?.typical ?? 0) * (1 - left.cost);
    savings.perCallEnergyWh += energy;
    savings.perCallCostUsd += cost;
    if (analysis.callsPerDay !== null) {
      savings.perDayEnergyWh += energy * analysis.callsPerDay;
      savings.perDayCostUsd += cost * analysis.callsPerDay;
    }
  }
  savings.energyFraction = perCallEnergy > 0 ? savings.perCallEnergyWh / perCallEnergy : 0;
  return savings;
}

export function computeTotals(
  calls: readonly AuditedCall[], filesAnalysed: number, filesWithCalls: number, skipped: number,
): AuditTotals {
  const perCall = emptyImpact();
  const perDay = emptyImpact();
  const findingsBySeverity: Record<string, number> = {};
  let findings = 0;
  let unknownModelCalls = 0;
  let unknownCostCalls = 0;
  let callsPerDay = 0;
  let callsWithVolume = 0;
  for (const { analysis } of calls) {
    addImpact(perCall, analysis, 1);
    if (!analysis.footprint) unknownModelCalls += 1;
    else if (!analysis.footprint.costUsd) unknownCostCalls += 1;
    if (analysis.callsPerDay !== null) {
      callsWithVolume += 1;
      callsPerDay += analysis.callsPerDay;
      addImpact(perDay, analysis, analysis.callsPerDay);
    }
    for (const finding of analysis.findings) {
      findings += 1;
      findingsBySeverity[finding.severity] = (findingsBySeverity[finding.severity] ?? 0) + 1;
    }
  }
  return {
    filesAnalysed, filesWithCalls, skipped, calls: calls.length, unknownModelCalls, unknownCostCalls, findings,
    findingsBySeverity, perCall, perDay, perMonth: scaleImpact(perDay, DAYS_PER_MONTH), callsPerDay, callsWithVolume,
    savings: computeSavings(calls, perCall.energyWh.typical),
  };
}

/** Rows per group, ranked by typical energy per day, then per call (the order people act on). */
export function aggregateBy(calls: readonly AuditedCall[], keyOf: (call: AuditedCall) => string): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  for (const call of calls) {
    const key = keyOf(call);
    let row = rows.get(key);
    if (!row) {
      row = { key, calls: 0, estimatedCalls: 0, perCall: emptyImpact(), perDay: emptyImpact(), findings: 0 };
      rows.set(key, row);
    }
    row.calls += 1;
    if (call.analysis.footprint) row.estimatedCalls += 1;
    row.findings += call.analysis.findings.length;
    addImpact(row.perCall, call.analysis, 1);
    if (call.analysis.callsPerDay !== null) addImpact(row.perDay, call.analysis, call.analysis.callsPerDay);
  }
  return [...rows.values()].sort(
    (a, b) => b.perDay.energyWh.typical - a.perDay.energyWh.typical
      || b.perCall.energyWh.typical - a.perCall.energyWh.typical
      || a.key.localeCompare(b.key),
  );
}

export const byFileKey = (c: AuditedCall): string => c.file;
export const byModelKey = (c: AuditedCall): string =>
  c.analysis.footprint?.modelId ?? c.analysis.call.model ?? UNKNOWN_MODEL_KEY;
export const byProviderKey = (c: AuditedCall): string => c.analysis.call.provider;

/** Ranking of call sites: per-day typical energy where a volume is known, else per-call. */
export function rankCalls(calls: readonly AuditedCall[]): AuditedCall[] {
  const score = (c: AuditedCall): [number, number] => {
    const e = c.analysis.footprint?.energyWh.typical ?? -1;
    return [c.analysis.callsPerDay !== null && e >= 0 ? e * c.analysis.callsPerDay : -1, e];
  };
  return [...calls].sort((a, b) => {
    const [da, ea] = score(a);
    const [db, eb] = score(b);
    return db - da || eb - ea || a.file.localeCompare(b.file) || a.analysis.call.range.start.line - b.analysis.call.range.start.line;
  });
}
