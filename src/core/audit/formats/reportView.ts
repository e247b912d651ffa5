import { formatCo2, formatEnergy, formatRange, formatTokens, formatUsd, formatWater } from '../../units';
import type { MinTypMax } from '../../types';
import type { AggregateRow, ImpactTotals } from '../types';
import type { JsonCall, JsonReport } from './jsonReport';

// What every human-facing rendering shows (text, Markdown, HTML export, the report webview), computed once from the
// JSON document. Pure and dependency-free apart from unit formatting, so the webview bundle can import it too.

export const METHODOLOGY_PATH = 'docs/methodology.md';

export interface Bar {
  label: string;
  value: number;
  /** Value as the user reads it, with its unit. */
  text: string;
}

export interface ScatterPoint {
  label: string;
  energyWh: number;
  costUsd: number;
}

export interface HeadlineFigures {
  perRun: string;
  perDay: string | null;
  perMonth: string | null;
  savings: string | null;
  coverage: string;
}

export function describeImpact(impact: ImpactTotals): string {
  const parts = [
    `${formatEnergy(impact.energyWh.typical)} (${formatRange(impact.energyWh, formatEnergy)})`,
    formatCo2(impact.co2eGrams.typical),
    `${formatWater(impact.waterMl.typical)} water`,
  ];
  if (impact.costUsd) parts.push(formatUsd(impact.costUsd.typical));
  return parts.join(' · ');
}

/** A group's figures, or why there are none (all its calls have an unknown model, or no volume for per-day). */
export function describeRow(row: AggregateRow, scope: 'perCall' | 'perDay'): string {
  if (row.estimatedCalls === 0) return 'not estimated (unknown model)';
  if (scope === 'perDay' && row.perDay.energyWh.typical === 0) return '—';
  return describeImpact(row[scope]);
}

export function headline(report: JsonReport): HeadlineFigures {
  const t = report.totals;
  const estimated = t.calls - t.unknownModelCalls;
  const perRun = t.calls === 0 ? 'no LLM calls found' : describeImpact(t.perCall);
  const hasDay = t.callsWithVolume > 0 && estimated > 0;
  const s = t.savings;
  const savings = s.callsWithFixes > 0
    ? `−${formatEnergy(s.perCallEnergyWh)} per run (−${Math.round(s.energyFraction * 100)} % energy)`
      + (s.perCallCostUsd > 0 ? `, −${formatUsd(s.perCallCostUsd)} per run` : '')
      + (s.perDayEnergyWh > 0 ? `; −${formatEnergy(s.perDayEnergyWh)}/day` : '')
      + (s.perDayCostUsd > 0 ? `, −${formatUsd(s.perDayCostUsd)}/day` : '')
      + ` (${s.callsWithFixes} call site${s.callsWithFixes === 1 ? '' : 's'} with fixes)`
    : null;
  const coverage = [
    `${t.calls} call site${t.calls === 1 ? '' : 's'} in ${t.filesWithCalls} file${t.filesWithCalls === 1 ? '' : 's'}`,
    `${t.filesAnalysed} files analysed`,
    t.skipped > 0 ? `${t.skipped} skipped` : '',
    t.unknownModelCalls > 0 ? `${t.unknownModelCalls} with an unknown model (not in the sums)` : '',
    report.cancelled ? 'CANCELLED — partial results' : '',
  ].filter(Boolean).join(', ');
  return {
    perRun,
    perDay: hasDay ? `${describeImpact(t.perDay)} (${t.callsWithVolume} call site${t.callsWithVolume === 1 ? '' : 's'} with a volume, ${formatCount(t.callsPerDay)} calls/day)` : null,
    perMonth: hasDay ? describeImpact(t.perMonth) : null,
    savings,
    coverage,
  };
}

/** 1234567 → "1.2M"; call volumes read like token counts. */
export function formatCount(n: number): string {
  return formatTokens(n);
}

export function typicalEnergy(call: JsonCall): number | null {
  return call.energyWh?.typical ?? null;
}

export function perDayEnergy(call: JsonCall): number | null {
  return call.perDay?.energyWh.typical ?? null;
}

/** Call sites ranked as people act on them: energy per day where a volume is known, then per call. */
export function rankedCalls(report: JsonReport): JsonCall[] {
  return [...report.calls].sort((a, b) =>
    (perDayEnergy(b) ?? -1) - (perDayEnergy(a) ?? -1)
    || (typicalEnergy(b) ?? -1) - (typicalEnergy(a) ?? -1)
    || a.file.localeCompare(b.file) || a.line - b.line);
}

export function callModelLabel(call: JsonCall): string {
  return call.model ?? 'model unknown';
}

export function energyCell(range: MinTypMax | null): string {
  return range ? `${formatEnergy(range.typical)} (${formatRange(range, formatEnergy)})` : 'unknown';
}

export function costCell(range: MinTypMax | null): string {
  return range ? formatUsd(range.typical) : '—';
}

export function co2Cell(range: MinTypMax | null): string {
  return range ? formatCo2(range.typical) : '—';
}

export function tokensCell(call: JsonCall): string {
  const input = `${call.inputTokens.exact ? '' : '≈'}${formatTokens(call.inputTokens.count)}${call.inputTokens.dynamic ? '+' : ''} in`;
  return `${input} / ≤${formatTokens(call.outputTokens.max)} out`;
}

export function perDayCell(call: JsonCall): string {
  if (call.callsPerDay === null) return '—';
  const energy = call.perDay ? ` → ${formatEnergy(call.perDay.energyWh.typical)}/day` : '';
  return `${formatCount(call.callsPerDay)} calls/day${energy}`;
}

function bars(rows: readonly AggregateRow[], pick: (r: AggregateRow) => number, fmt: (n: number) => string, limit: number): Bar[] {
  return rows
    .map((r) => ({ label: r.key, value: pick(r), text: fmt(pick(r)) }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, limit);
}

export interface ChartData {
  byModel: Bar[];
  byFile: Bar[];
  byProvider: Bar[];
  energyVsCost: ScatterPoint[];
  /** Which basis the bars use: per day when any volume is known, else one run of every call. */
  basis: 'per day' | 'per run';
}

export function chartData(report: JsonReport, limit = 12): ChartData {
  // Per day only when every estimated call site has a volume: otherwise the per-day bars would silently leave out
  // the call sites without one, and one run of every call is the fairer comparison.
  const estimated = report.totals.calls - report.totals.unknownModelCalls;
  const useDay = estimated > 0 && report.calls.every((c) => !c.energyWh || c.callsPerDay !== null)
    && report.totals.perDay.energyWh.typical > 0;
  const pick = (r: AggregateRow) => (useDay ? r.perDay : r.perCall).energyWh.typical;
  const fmt = (n: number) => formatEnergy(n) + (useDay ? '/day' : '');
  return {
    byModel: bars(report.byModel, pick, fmt, limit),
    byFile: bars(report.byFile, pick, fmt, limit),
    byProvider: bars(report.byProvider, pick, fmt, limit),
    energyVsCost: report.calls
      // Log scales: a zero (an embedding priced at $0 in the catalog, say) has no place on them.
      .filter((c) => c.energyWh && c.costUsd && c.energyWh.typical > 0 && c.costUsd.typical > 0)
      .map((c) => ({ label: `${c.file}:${c.line} ${callModelLabel(c)}`, energyWh: c.energyWh!.typical, costUsd: c.costUsd!.typical })),
    basis: useDay ? 'per day' : 'per run',
  };
}

export function skippedSummary(report: JsonReport): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const s of report.skipped) {
    const reason = s.reason.replace(/\s*\(.*\)$/, '');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
