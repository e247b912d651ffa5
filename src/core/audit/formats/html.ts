import { formatEnergy, formatUsd } from '../../units';
import { describeViolation } from '../budgets';
import type { JsonReport } from './jsonReport';
import {
  callModelLabel, describeRow, chartData, co2Cell, costCell, energyCell, headline, perDayCell, rankedCalls,
  skippedSummary, tokensCell, METHODOLOGY_PATH, type Bar, type ScatterPoint,
} from './reportView';

// A self-contained HTML report: inline CSS, inline SVG charts, no script, no external resource, so it opens offline
// from a CI artifact or an e-mail. Everything that comes from the audited code is escaped, and a CSP meta tag
// forbids scripts altogether as a second wall (file names and prompts can contain `</script><img onerror=…>`).

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.meta{color:#59636e}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.75rem;margin-top:1rem}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.75rem}.card b{display:block;font-size:.8rem;color:#59636e;text-transform:uppercase;letter-spacing:.03em}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #d0d7de;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}.finding{color:#9a6700}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(32rem,1fr));gap:1rem 2rem}figure{margin:0}.scroll{overflow-x:auto}figcaption{font-weight:600;margin-bottom:.3rem}svg{display:block}
svg text{font:11px system-ui,sans-serif;fill:#1f2328}.bar{fill:#2f81f7}.dot{fill:#1a7f37;fill-opacity:.7}.axis{stroke:#8c959f}
.violation{color:#cf222e}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}
th,td,.card,h2{border-color:#30363d}svg text{fill:#e6edf3}.meta,.card b{color:#9198a1}}`;

function barChart(title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return `<figure><figcaption>${escapeHtml(title)}</figcaption><p class="meta">No estimated calls.</p></figure>`;
  const rowH = 20;
  const labelW = 220;
  const barW = 260;
  const max = Math.max(...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const w = max > 0 ? Math.max(1, (b.value / max) * barW) : 1;
    const y = i * rowH;
    const label = b.label.length > 34 ? `…${b.label.slice(-33)}` : b.label;
    return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text>`
      + `<rect class="bar" x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}"><title>${escapeHtml(`${b.label}: ${b.text}`)}</title></rect>`
      + `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 14}">${escapeHtml(b.text)}</text>`;
  }).join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelW + barW + 90} ${bars.length * rowH}" width="100%">${rows}</svg></figure>`;
}

function scatter(points: readonly ScatterPoint[]): string {
  const title = 'Energy vs cost per call (log scales)';
  if (points.length === 0) return `<figure><figcaption>${title}</figcaption><p class="meta">No calls with both an energy and a price estimate.</p></figure>`;
  const W = 420;
  const H = 240;
  const pad = 40;
  const lx = points.map((p) => Math.log10(Math.max(p.costUsd, 1e-9)));
  const ly = points.map((p) => Math.log10(Math.max(p.energyWh, 1e-9)));
  const span = (v: number[]) => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
  };
  const [x0, x1] = span(lx) as [number, number];
  const [y0, y1] = span(ly) as [number, number];
  const dots = points.map((p, i) => {
    const x = pad + ((lx[i]! - x0) / (x1 - x0)) * (W - 2 * pad);
    const y = H - pad - ((ly[i]! - y0) / (y1 - y0)) * (H - 2 * pad);
    return `<circle class="dot" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4"><title>${escapeHtml(`${p.label}: ${formatEnergy(p.energyWh)}, ${formatUsd(p.costUsd)}`)}</title></circle>`;
  }).join('');
  const axes = `<line class="axis" x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}"/><line class="axis" x1="${pad}" y1="${pad}" x2="${pad}" y2="${H - pad}"/>`
    + `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">cost per call (${escapeHtml(formatUsd(10 ** x0))} – ${escapeHtml(formatUsd(10 ** x1))})</text>`
    + `<text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">energy per call (${escapeHtml(formatEnergy(10 ** y0))} – ${escapeHtml(formatEnergy(10 ** y1))})</text>`;
  return `<figure><figcaption>${title}</figcaption><svg role="img" aria-label="${title}" viewBox="0 0 ${W} ${H}" width="100%">${axes}${dots}</svg></figure>`;
}

export function formatHtml(report: JsonReport): string {
  const e = escapeHtml;
  const h = headline(report);
  const charts = chartData(report);
  const card = (title: string, body: string) => `<div class="card"><b>${e(title)}</b>${e(body)}</div>`;
  const rows = rankedCalls(report).map((c, i) => `<tr><td class="num">${i + 1}</td><td>${e(`${c.file}:${c.line}:${c.column}`)}</td>`
    + `<td>${e(`${c.provider} ${c.api}`)}</td><td>${e(callModelLabel(c))}</td><td class="num">${e(energyCell(c.energyWh))}</td>`
    + `<td class="num">${e(co2Cell(c.co2eGrams))}</td><td class="num">${e(costCell(c.costUsd))}</td><td>${e(tokensCell(c))}</td>`
    + `<td>${e(perDayCell(c))}</td><td>${c.findings.map((f) => `<div class="finding">${e(`${f.code}: ${f.message}`)}</div>`).join('') || '—'}</td></tr>`).join('\n');
  const groupTable = (title: string, groupRows: JsonReport['byModel']) => `<h2>${e(title)}</h2><table><thead><tr><th>Key</th><th>Call sites</th><th>Per run</th><th>Per day</th></tr></thead><tbody>`
    + groupRows.map((r) => `<tr><td>${e(r.key)}</td><td class="num">${r.calls}</td><td>${e(describeRow(r, 'perCall'))}</td><td>${e(describeRow(r, 'perDay'))}</td></tr>`).join('')
    + '</tbody></table>';
  const budgets = report.budgets
    ? `<h2>Budgets</h2>${report.budgets.exceeded ? report.budgets.violations.map((v) => `<p class="violation">Exceeded: ${e(describeViolation(v))}</p>`).join('') : '<p>All within limits.</p>'}`
    : '';
  const baseline = report.baseline
    ? `<h2>Change against the baseline</h2><p>${e(`Compared with ${report.baseline.file}: ${report.baseline.added.length} added, ${report.baseline.removed.length} removed, ${report.baseline.changed.length} changed, ${report.baseline.unchanged} unchanged.`)}</p>`
      + `<ul>${report.baseline.added.map((a) => `<li>${e(`Added ${a.file}:${a.line} ${a.model ?? 'model unknown'}`)}</li>`).join('')}${report.baseline.removed.map((r) => `<li>${e(`Removed ${r.file}:${r.line} ${r.model ?? 'model unknown'}`)}</li>`).join('')}${report.baseline.changed.map((c) => `<li>${e(`Changed ${c.after.file}:${c.after.line}: ${c.changes.join('; ')}`)}</li>`).join('')}</ul>`
    : '';
  const skipped = report.skipped.length > 0
    ? `<h2>Skipped files</h2><p class="meta">${e(skippedSummary(report).map((s) => `${s.count} ${s.reason}`).join(', '))}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LLM Footprint audit</title>
<style>${CSS}</style>
</head>
<body>
<h1>LLM Footprint audit</h1>
<p class="meta">${e(h.coverage)}. Data as of ${e(report.tool.dataAsOf)} · region ${e(report.region ?? 'provider default')} · methodology: ${e(METHODOLOGY_PATH)} · ${e(report.tool.name)} ${e(report.tool.version)}</p>
<div class="cards">
${card('Per run (every call once)', h.perRun)}
${card('Per day', h.perDay ?? 'no call volumes known')}
${card('Per month (30 days)', h.perMonth ?? '—')}
${card('If every suggested fix were applied', h.savings ?? 'no fixes with a known saving')}
</div>
<h2>Charts (${e(charts.basis)})</h2>
<div class="charts">
${barChart('Energy by model', charts.byModel)}
${barChart('Energy by file', charts.byFile)}
${barChart('Energy by provider', charts.byProvider)}
${scatter(charts.energyVsCost)}
</div>
<h2>Call sites (ranked)</h2>
<div class="scroll"><table><thead><tr><th>#</th><th>Location</th><th>Provider / API</th><th>Model</th><th>Energy per call</th><th>CO₂e</th><th>Cost</th><th>Tokens</th><th>Volume</th><th>Findings</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
${groupTable('By model', report.byModel)}
${groupTable('By provider', report.byProvider)}
${groupTable('By file', report.byFile)}
${baseline}
${budgets}
${skipped}
</body>
</html>
`;
}
