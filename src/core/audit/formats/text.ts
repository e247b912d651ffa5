import { formatCo2, formatEnergy, formatUsd, formatWater } from '../../units';
import { describeViolation } from '../budgets';
import type { MetricDelta } from '../baseline';
import type { JsonReport } from './jsonReport';
import {
  callModelLabel, describeRow, costCell, energyCell, headline, perDayCell, rankedCalls, skippedSummary, tokensCell,
  METHODOLOGY_PATH,
} from './reportView';

// The human default of the CLI: what a developer reads in a terminal or a CI log. No colours (CI logs mangle them).

const MAX_CALLS = 50;

export function formatText(report: JsonReport): string {
  const h = headline(report);
  const out: string[] = [];
  out.push(`LLM Footprint audit — ${h.coverage}`);
  out.push(`Data as of ${report.tool.dataAsOf}; region ${report.region ?? 'provider default'}; methodology: ${METHODOLOGY_PATH}`);
  out.push('');
  if (report.calls.length > 0) {
    out.push(`Per run (every call site once): ${h.perRun}`);
    out.push(h.perDay ? `Per day: ${h.perDay}` : 'Per day: no call volumes known (annotate with "llm-footprint: 20k calls/day" or set defaultCallsPerDay)');
    if (h.perMonth) out.push(`Per month (30 days): ${h.perMonth}`);
    out.push(`If every suggested fix were applied: ${h.savings ?? 'no fixes with a known saving'}`);
    out.push('');
    out.push('Call sites, ranked by energy per day, then per call:');
    const ranked = rankedCalls(report);
    ranked.slice(0, MAX_CALLS).forEach((call, i) => {
      out.push(`${String(i + 1).padStart(3)}. ${call.file}:${call.line}:${call.column}  ${call.provider} ${call.api}  ${callModelLabel(call)}`);
      const figures = call.energyWh
        ? `${energyCell(call.energyWh)} · ${formatCo2(call.co2eGrams?.typical ?? 0)} · ${costCell(call.costUsd)} per call`
        : `no estimate: ${call.unknownModelReason ?? 'unknown model'}`;
      out.push(`       ${figures} · ${tokensCell(call)} · ${perDayCell(call)}`);
      for (const f of call.findings) out.push(`       ${f.severity}: ${f.message} [${f.code}]`);
    });
    if (ranked.length > MAX_CALLS) out.push(`  … and ${ranked.length - MAX_CALLS} more (use --format json|csv for all)`);
    out.push('');
    const groups: Array<[string, typeof report.byModel]> = [['By model', report.byModel], ['By provider', report.byProvider]];
    for (const [title, rows] of groups) {
      out.push(`${title}:`);
      for (const row of rows) {
        out.push(`  ${row.key}: ${row.calls} call site${row.calls === 1 ? '' : 's'} · ${describeRow(row, 'perCall')} per run`);
      }
    }
  } else {
    out.push('No LLM API calls found.');
  }
  if (report.skipped.length > 0) {
    out.push('');
    out.push(`Skipped ${report.skipped.length} file(s): ${skippedSummary(report).map((s) => `${s.count} ${s.reason}`).join(', ')}`);
  }
  if (report.baseline) out.push('', ...baselineText(report));
  if (report.budgets) {
    out.push('');
    out.push(report.budgets.exceeded
      ? `BUDGET EXCEEDED (${report.budgets.violations.length}):`
      : 'Budgets: all within limits.');
    for (const v of report.budgets.violations) out.push(`  - ${describeViolation(v)}`);
  }
  return out.join('\n') + '\n';
}

export function signed(delta: MetricDelta, fmt: (n: number) => string): string {
  if (delta.delta === 0) return `±0 (${fmt(delta.after)})`;
  const sign = delta.delta > 0 ? '+' : '−';
  return `${sign}${fmt(Math.abs(delta.delta))} (${fmt(delta.before)} → ${fmt(delta.after)})`;
}

function baselineText(report: JsonReport): string[] {
  const b = report.baseline!;
  const out = [`Compared with ${b.file}: ${b.added.length} added, ${b.removed.length} removed, ${b.changed.length} changed, ${b.unchanged} unchanged`];
  out.push(`  calls ${b.totals.calls.before} → ${b.totals.calls.after}; energy per run ${signed(b.totals.perCall.energyWh, formatEnergy)}; per day ${signed(b.totals.perDay.energyWh, formatEnergy)}`);
  out.push(`  CO₂e per day ${signed(b.totals.perDay.co2eGrams, formatCo2)}; water per day ${signed(b.totals.perDay.waterMl, formatWater)}; cost per day ${signed(b.totals.perDay.costUsd, formatUsd)}`);
  for (const a of b.added) out.push(`  + ${a.file}:${a.line} ${a.provider} ${a.api} ${a.model ?? 'model unknown'}${a.energyWh !== null ? ` ${formatEnergy(a.energyWh)}/call` : ''}`);
  for (const r of b.removed) out.push(`  - ${r.file}:${r.line} ${r.provider} ${r.api} ${r.model ?? 'model unknown'}`);
  for (const c of b.changed) out.push(`  ~ ${c.after.file}:${c.after.line} ${c.changes.join('; ')}`);
  return out;
}
