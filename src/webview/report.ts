import type { JsonCall, JsonReport } from '../core/audit/formats/jsonReport';
import {
  callModelLabel, chartData, co2Cell, costCell, describeRow, energyCell, headline, perDayCell, rankedCalls, skippedSummary,
  tokensCell, METHODOLOGY_PATH, type Bar, type ScatterPoint,
} from '../core/audit/formats/reportView';
import { describeViolation } from '../core/audit/formats/violations';
import { formatEnergy, formatUsd } from '../core/units';
import { EXPORT_FORMATS, type FromWebview, type ToWebview } from './messages';

// The report page. Everything is built with createElement/createElementNS and textContent — never innerHTML — so
// file names, model names and messages from the audited code (which can contain `<script>`) stay text.
// Bundled by esbuild to dist/webview/report.js (iife, browser).

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function svgText(x: number, y: number, text: string, anchor: 'start' | 'end' | 'middle' = 'start'): SVGTextElement {
  const t = svg('text', { x, y, 'text-anchor': anchor });
  t.textContent = text;
  return t;
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', title }, label);
  b.addEventListener('click', onClick);
  return b;
}

function card(title: string, body: string, extra?: string): HTMLElement {
  return el('section', { class: 'card' }, el('h3', {}, title), el('p', { class: 'figure' }, body), extra ? el('p', { class: 'muted' }, extra) : null);
}

function barChart(title: string, bars: readonly Bar[]): HTMLElement {
  const figure = el('figure', { class: 'chart' }, el('figcaption', {}, title));
  if (bars.length === 0) {
    figure.append(el('p', { class: 'muted' }, 'No estimated calls.'));
    return figure;
  }
  const rowH = 22;
  const labelW = 200;
  const barW = 240;
  const max = Math.max(...bars.map((b) => b.value));
  const chart = svg('svg', { viewBox: `0 0 ${labelW + barW + 90} ${bars.length * rowH}`, role: 'img', 'aria-label': title });
  bars.forEach((b, i) => {
    const y = i * rowH;
    const w = max > 0 ? Math.max(1, (b.value / max) * barW) : 1;
    chart.append(svgText(labelW - 6, y + 15, b.label.length > 30 ? `…${b.label.slice(-29)}` : b.label, 'end'));
    const rect = svg('rect', { class: 'bar', x: labelW, y: y + 4, width: w.toFixed(1), height: rowH - 8, rx: 2 });
    const tip = svg('title');
    tip.textContent = `${b.label}: ${b.text}`;
    rect.append(tip);
    chart.append(rect, svgText(labelW + w + 4, y + 15, b.text));
  });
  figure.append(chart);
  return figure;
}

function scatterChart(points: readonly ScatterPoint[]): HTMLElement {
  const title = 'Energy vs cost per call (log scales)';
  const figure = el('figure', { class: 'chart' }, el('figcaption', {}, title));
  if (points.length === 0) {
    figure.append(el('p', { class: 'muted' }, 'No calls with both an energy and a price estimate.'));
    return figure;
  }
  const W = 420;
  const H = 240;
  const pad = 40;
  const lx = points.map((p) => Math.log10(Math.max(p.costUsd, 1e-9)));
  const ly = points.map((p) => Math.log10(Math.max(p.energyWh, 1e-9)));
  const span = (v: number[]): [number, number] => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
  };
  const [x0, x1] = span(lx);
  const [y0, y1] = span(ly);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  chart.append(
    svg('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad, y2: H - pad }),
    svg('line', { class: 'axis', x1: pad, y1: pad, x2: pad, y2: H - pad }),
    svgText(W / 2, H - 8, `cost per call (${formatUsd(10 ** x0)} – ${formatUsd(10 ** x1)})`, 'middle'),
  );
  const yLabel = svgText(12, H / 2, `energy per call (${formatEnergy(10 ** y0)} – ${formatEnergy(10 ** y1)})`, 'middle');
  yLabel.setAttribute('transform', `rotate(-90 12 ${H / 2})`);
  chart.append(yLabel);
  points.forEach((p, i) => {
    const cx = pad + ((lx[i]! - x0) / (x1 - x0)) * (W - 2 * pad);
    const cy = H - pad - ((ly[i]! - y0) / (y1 - y0)) * (H - 2 * pad);
    const dot = svg('circle', { class: 'dot', cx: cx.toFixed(1), cy: cy.toFixed(1), r: 4 });
    const tip = svg('title');
    tip.textContent = `${p.label}: ${formatEnergy(p.energyWh)}, ${formatUsd(p.costUsd)}`;
    dot.append(tip);
    chart.append(dot);
  });
  figure.append(chart);
  return figure;
}

function callsTable(report: JsonReport): HTMLElement {
  const head = el('tr', {}, ...['#', 'Location', 'Provider / API', 'Model', 'Energy per call', 'CO₂e', 'Cost', 'Tokens', 'Volume', 'Findings']
    .map((h) => el('th', { scope: 'col' }, h)));
  const body = el('tbody');
  rankedCalls(report).forEach((call: JsonCall, rank) => {
    const index = report.calls.indexOf(call);
    const link = el('a', { href: '#', title: 'Open this call' }, `${call.file}:${call.line}:${call.column}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openCall', index });
    });
    const findings = el('td', {});
    if (call.findings.length === 0) findings.append('—');
    for (const f of call.findings) findings.append(el('div', { class: `finding ${f.severity}` }, el('code', {}, f.code), ` ${f.message}`));
    body.append(el('tr', {},
      el('td', { class: 'num' }, String(rank + 1)), el('td', {}, link), el('td', {}, `${call.provider} ${call.api}`),
      el('td', {}, callModelLabel(call)), el('td', { class: 'num' }, call.energyWh ? energyCell(call.energyWh) : `unknown — ${call.unknownModelReason ?? ''}`),
      el('td', { class: 'num' }, co2Cell(call.co2eGrams)), el('td', { class: 'num' }, costCell(call.costUsd)),
      el('td', {}, tokensCell(call)), el('td', {}, perDayCell(call)), findings));
  });
  return el('div', { class: 'table-wrap' }, el('table', { class: 'calls' }, el('thead', {}, head), body));
}

function groupTable(title: string, rows: JsonReport['byModel']): HTMLElement {
  const body = el('tbody');
  for (const r of rows) {
    body.append(el('tr', {}, el('td', {}, r.key), el('td', { class: 'num' }, String(r.calls)), el('td', {}, describeRow(r, 'perCall')), el('td', {}, describeRow(r, 'perDay'))));
  }
  return el('section', {}, el('h2', {}, title), el('table', {},
    el('thead', {}, el('tr', {}, ...['Key', 'Call sites', 'Per run', 'Per day'].map((h) => el('th', { scope: 'col' }, h)))), body));
}

function render(report: JsonReport, generatedAt: string): void {
  const app = document.getElementById('app');
  if (!app) return;
  const h = headline(report);
  const charts = chartData(report);
  const exports = el('div', { class: 'toolbar' }, el('span', { class: 'muted' }, 'Export:'),
    ...EXPORT_FORMATS.map((format) => button(format.toUpperCase(), `Save the report as ${format}`, () => vscode.postMessage({ type: 'export', format }))),
    button('Re-run audit', 'Audit the workspace again', () => vscode.postMessage({ type: 'rerun' })));
  const methodology = el('a', { href: '#', title: METHODOLOGY_PATH }, 'methodology');
  methodology.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openMethodology' });
  });

  const parts: Child[] = [
    el('header', {},
      el('h1', {}, 'LLM Footprint report'),
      el('p', { class: 'muted' }, `${h.coverage}. Data as of ${report.tool.dataAsOf} · region ${report.region ?? 'provider default'} · generated ${new Date(generatedAt).toLocaleString()} · `, methodology),
      exports),
    report.cancelled ? el('p', { class: 'warning' }, 'The audit was cancelled: these are partial results.') : null,
    el('div', { class: 'cards' },
      card('Per run', h.perRun, 'every call site once'),
      card('Per day', h.perDay ?? 'no call volumes known', h.perDay ? undefined : 'annotate a call with “llm-footprint: 20k calls/day” or set a default calls/day'),
      card('Per month', h.perMonth ?? '—', '30 days'),
      card('If every suggested fix were applied', h.savings ?? 'no fixes with a known saving')),
  ];
  if (report.budgets) {
    const budgets = el('section', { class: report.budgets.exceeded ? 'budgets exceeded' : 'budgets' }, el('h2', {}, 'Budgets'));
    if (!report.budgets.exceeded) budgets.append(el('p', {}, 'All within limits.'));
    for (const v of report.budgets.violations) budgets.append(el('p', { class: 'violation' }, `Exceeded: ${describeViolation(v)}`));
    parts.push(budgets);
  }
  if (report.calls.length > 0) {
    parts.push(
      el('h2', {}, `Charts (${charts.basis})`),
      el('div', { class: 'charts' },
        barChart('Energy by model', charts.byModel), barChart('Energy by file', charts.byFile),
        barChart('Energy by provider', charts.byProvider), scatterChart(charts.energyVsCost)),
      el('h2', {}, 'Call sites, ranked'),
      callsTable(report),
      groupTable('By model', report.byModel),
      groupTable('By provider', report.byProvider),
    );
  } else {
    parts.push(el('p', {}, 'No LLM API calls were found in the workspace.'));
  }
  if (report.skipped.length > 0) {
    parts.push(el('section', {}, el('h2', {}, 'Skipped files'),
      el('p', { class: 'muted' }, skippedSummary(report).map((s) => `${s.count} ${s.reason}`).join(', '))));
  }
  app.replaceChildren(...parts.filter((p): p is Node | string => Boolean(p)));
}

function status(text: string): void {
  const app = document.getElementById('app');
  let line = document.getElementById('status');
  if (!line) {
    line = el('p', { id: 'status', class: 'muted', role: 'status' });
    app?.prepend(line);
  }
  line.textContent = text;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'report':
      render(message.report, message.generatedAt);
      break;
    case 'empty':
      document.getElementById('app')?.replaceChildren(el('p', {}, 'No audit yet. Run “LLM Footprint: Audit Workspace”.'));
      break;
    case 'exported':
      status(`Exported ${message.format.toUpperCase()} to ${message.path}`);
      break;
  }
});

vscode.postMessage({ type: 'ready' });
