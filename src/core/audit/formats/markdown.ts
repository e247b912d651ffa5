import { formatCo2, formatEnergy, formatUsd, formatWater } from '../../units';
import { describeViolation } from '../budgets';
import type { JsonReport } from './jsonReport';
import {
  callModelLabel, describeRow, co2Cell, costCell, energyCell, headline, perDayCell, rankedCalls, skippedSummary,
  tokensCell, METHODOLOGY_PATH,
} from './reportView';
import { signed } from './text';

// Markdown for pull-request comments and wikis. Markdown renderers pass raw HTML through, so every string that comes
// from the audited code (file names, model names, messages) is escaped: HTML-significant characters become entities
// and Markdown punctuation is backslash-escaped, so a file called `<script>.py` or `a|b.py` cannot break the page.

export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function formatMarkdown(report: JsonReport): string {
  const h = headline(report);
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push('# LLM Footprint audit', '');
  out.push(`${e(h.coverage)}. Data as of ${e(report.tool.dataAsOf)}, region ${e(report.region ?? 'provider default')}. `
    + `Methodology: \`${METHODOLOGY_PATH}\`.`, '');
  out.push('## Totals', '');
  out.push(row(['Scope', 'Footprint']), row(['---', '---']));
  out.push(row(['Per run (every call site once)', e(h.perRun)]));
  out.push(row(['Per day', e(h.perDay ?? 'no call volumes known')]));
  if (h.perMonth) out.push(row(['Per month (30 days)', e(h.perMonth)]));
  out.push(row(['If every suggested fix were applied', e(h.savings ?? 'no fixes with a known saving')]));
  out.push('');

  if (report.calls.length > 0) {
    out.push('## Call sites (ranked)', '');
    out.push(row(['#', 'Location', 'Provider / API', 'Model', 'Energy per call', 'CO₂e', 'Cost', 'Tokens', 'Volume', 'Findings']));
    out.push(row(['---:', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
    rankedCalls(report).forEach((c, i) => {
      out.push(row([
        String(i + 1), `${e(c.file)}:${c.line}:${c.column}`, `${e(c.provider)} ${e(c.api)}`, e(callModelLabel(c)),
        e(energyCell(c.energyWh)), e(co2Cell(c.co2eGrams)), e(costCell(c.costUsd)), e(tokensCell(c)), e(perDayCell(c)),
        c.findings.map((f) => `${e(f.code)}: ${e(f.message)}`).join('<br>') || '—',
      ]));
    });
    out.push('');
    for (const [title, rows] of [['By model', report.byModel], ['By provider', report.byProvider], ['By file', report.byFile]] as const) {
      out.push(`## ${title}`, '');
      out.push(row(['Key', 'Call sites', 'Per run', 'Per day']), row(['---', '---:', '---', '---']));
      for (const r of rows) {
        out.push(row([e(r.key), String(r.calls), e(describeRow(r, 'perCall')), e(describeRow(r, 'perDay'))]));
      }
      out.push('');
    }
  }

  if (report.baseline) {
    const b = report.baseline;
    out.push('## Change against the baseline', '');
    out.push(`Compared with \`${e(b.file)}\`: ${b.added.length} added, ${b.removed.length} removed, ${b.changed.length} changed, ${b.unchanged} unchanged.`, '');
    out.push(row(['Metric', 'Change']), row(['---', '---']));
    out.push(row(['Energy per run', e(signed(b.totals.perCall.energyWh, formatEnergy))]));
    out.push(row(['Energy per day', e(signed(b.totals.perDay.energyWh, formatEnergy))]));
    out.push(row(['CO₂e per day', e(signed(b.totals.perDay.co2eGrams, formatCo2))]));
    out.push(row(['Water per day', e(signed(b.totals.perDay.waterMl, formatWater))]));
    out.push(row(['Cost per day', e(signed(b.totals.perDay.costUsd, formatUsd))]));
    out.push('');
    for (const a of b.added) out.push(`- Added: ${e(a.file)}:${a.line} ${e(a.provider)} ${e(a.api)} ${e(a.model ?? 'model unknown')}`);
    for (const r of b.removed) out.push(`- Removed: ${e(r.file)}:${r.line} ${e(r.provider)} ${e(r.api)} ${e(r.model ?? 'model unknown')}`);
    for (const c of b.changed) out.push(`- Changed: ${e(c.after.file)}:${c.after.line} ${e(c.changes.join('; '))}`);
    out.push('');
  }

  if (report.budgets) {
    out.push('## Budgets', '');
    if (!report.budgets.exceeded) out.push('All within limits.');
    for (const v of report.budgets.violations) out.push(`- **Exceeded**: ${e(describeViolation(v))}`);
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push('## Skipped files', '');
    out.push(skippedSummary(report).map((s) => `${s.count} ${e(s.reason)}`).join(', ') + '.', '');
  }
  return out.join('\n');
}
