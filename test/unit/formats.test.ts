import * as assert from 'node:assert/strict';
import { FORMATS, renderReport } from '../../src/core/audit/formats';
import { CSV_COLUMNS } from '../../src/core/audit/formats/csv';
import { buildJsonReport } from '../../src/core/audit/formats/jsonReport';
import { HOSTILE, parseCsv, syntheticResult, type SyntheticCall } from './auditSynthetic';

// Each export format validated on synthetic audits whose figures the test chose: structure, counts, positions and
// escaping of hostile strings from the audited code.

const CALLS: SyntheticCall[] = [
  {
    file: 'src/app.py', line: 12, column: 5, model: 'gpt-4o', energyWh: 1, costUsd: 0.01, callsPerDay: 1000,
    findings: [
      { code: 'oversized-model', message: 'gpt-4o for a 40-token classification prompt', saving: -0.5, costSaving: -0.8, newText: '"gpt-4o-mini"' },
      { code: 'unbounded-output', message: 'no max_tokens', saving: -0.5 },
    ],
  },
  { file: 'src/app.py', line: 30, model: 'claude-sonnet-4-5', provider: 'anthropic', energyWh: 0.5, costUsd: 0.02,
    findings: [{ code: 'cacheable-prompt', message: 'large static system prompt', severity: 'information' }] },
  { file: 'web/chat.ts', line: 3, model: null, energyWh: null, costUsd: null,
    findings: [{ code: 'unknown-model', message: 'model unknown', severity: 'information' }] },
  { file: 'web/embed.ts', line: 8, model: 'text-embedding-3-small', energyWh: 0.01, costUsd: null, callsPerDay: 500 },
];

const report = () => buildJsonReport(syntheticResult(CALLS, { skipped: [{ file: 'big.js', reason: 'minified (very long lines)' }] }));

describe('format: json contract', () => {
  it('uses the contract field names and 1-based positions', () => {
    const json = JSON.parse(renderReport(report(), 'json')) as Record<string, any>;
    assert.deepEqual(Object.keys(json.tool), ['name', 'version', 'dataAsOf']);
    assert.equal(json.tool.name, 'llm-footprint');
    assert.match(json.tool.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
    const first = json.calls.find((c: any) => c.line === 12);
    for (const key of ['file', 'line', 'column', 'endLine', 'endColumn', 'language', 'provider', 'api', 'model', 'modelSource',
      'inputTokens', 'outputTokens', 'energyWh', 'co2eGrams', 'waterMl', 'costUsd', 'findings']) {
      assert.ok(key in first, `calls[].${key}`);
    }
    assert.equal(first.file, 'src/app.py');
    assert.deepEqual([first.line, first.column, first.endLine, first.endColumn], [12, 5, 14, 2]);
    assert.deepEqual(first.inputTokens, { count: 120, exact: true, dynamic: false });
    assert.deepEqual(first.outputTokens, { min: 1, typical: 200, max: 500 });
    assert.deepEqual(first.energyWh, { min: 0.5, typical: 1, max: 3 });
    // The fix's edit: engine range line 11 char 6..9 (0-based) → 12:7..12:10.
    assert.deepEqual(first.findings[0].fixes[0].edits[0], {
      file: 'src/app.py', startLine: 12, startColumn: 7, endLine: 12, endColumn: 10, newText: '"gpt-4o-mini"',
    });
    assert.deepEqual(Object.keys(first.findings[0]).filter((k) => ['code', 'severity', 'message', 'fixes'].includes(k)).sort(),
      ['code', 'fixes', 'message', 'severity']);
    const unknown = json.calls.find((c: any) => c.file === 'web/chat.ts');
    assert.equal(unknown.model, null);
    for (const k of ['energyWh', 'co2eGrams', 'waterMl', 'costUsd']) assert.equal(unknown[k], null, `${k} is null, never 0`);
    assert.deepEqual(json.skipped, [{ file: 'big.js', reason: 'minified (very long lines)' }]);
  });

  it('totals sum the ranges and per-day figures from volumes', () => {
    const t = report().totals;
    assert.equal(t.calls, 4);
    assert.equal(t.unknownModelCalls, 1);
    assert.equal(t.unknownCostCalls, 1);
    assert.equal(t.perCall.energyWh.typical, 1 + 0.5 + 0.01);
    assert.equal(t.perCall.energyWh.min, 0.5 + 0.25 + 0.005);
    assert.equal(t.perCall.costUsd?.typical, 0.03);
    assert.equal(t.perDay.energyWh.typical, 1 * 1000 + 0.01 * 500);
    assert.equal(t.perMonth.energyWh.typical, t.perDay.energyWh.typical * 30);
    assert.equal(t.callsWithVolume, 2);
    assert.equal(t.findings, 4);
    // Two preferred fixes of −50 % each compose to −75 % of the 1 Wh call; cost −80 % of $0.01.
    assert.equal(t.savings.perCallEnergyWh, 0.75);
    assert.ok(Math.abs(t.savings.perCallCostUsd - 0.008) < 1e-12);
    assert.equal(t.savings.perDayEnergyWh, 750);
    assert.equal(t.savings.callsWithFixes, 1);
  });
});

describe('format: sarif', () => {
  it('is SARIF 2.1.0 with one result per finding and rules with help', () => {
    const r = report();
    const sarif = JSON.parse(renderReport(r, 'sarif')) as Record<string, any>;
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'llm-footprint');
    const findingCount = r.calls.reduce((n, c) => n + c.findings.length, 0);
    assert.equal(run.results.length, findingCount);
    assert.equal(findingCount, 4);
    const ruleIds = run.tool.driver.rules.map((rule: any) => rule.id);
    for (const result of run.results) {
      assert.ok(ruleIds.includes(result.ruleId), `rule for ${result.ruleId}`);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const loc = result.locations[0].physicalLocation;
      assert.equal(typeof loc.artifactLocation.uri, 'string');
      assert.ok(loc.region.startLine >= 1);
    }
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.help.text.length > 20, `help for ${rule.id}`);
      assert.ok(rule.shortDescription.text.length > 0);
    }
    const oversized = run.results.find((x: any) => x.ruleId === 'oversized-model');
    assert.equal(oversized.locations[0].physicalLocation.artifactLocation.uri, 'src/app.py');
    assert.equal(oversized.locations[0].physicalLocation.region.startLine, 12);
    assert.equal(oversized.level, 'warning');
    assert.equal(run.results.find((x: any) => x.ruleId === 'cacheable-prompt').level, 'note');
    assert.equal(oversized.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '"gpt-4o-mini"');
  });

  it('percent-encodes odd file names in URIs', () => {
    const r = buildJsonReport(syntheticResult([{ file: 'a dir/x#1.py', line: 1, model: 'm', findings: [{ code: 'unbounded-output', message: 'm' }] }]));
    const sarif = JSON.parse(renderReport(r, 'sarif')) as Record<string, any>;
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%20dir/x%231.py');
  });
});

describe('format: csv', () => {
  it('has a header and one row per call, parseable by RFC 4180 rules', () => {
    const r = report();
    const rows = parseCsv(renderReport(r, 'csv'));
    assert.equal(rows.length, r.calls.length + 1);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const app = rows.find((row) => row[col('line')] === '12')!;
    assert.equal(app[col('file')], 'src/app.py');
    assert.equal(Number(app[col('energyWhTypical')]), 1);
    assert.equal(app[col('findings')], 'oversized-model;unbounded-output');
    const unknown = rows.find((row) => row[col('file')] === 'web/chat.ts')!;
    assert.equal(unknown[col('energyWhTypical')], '', 'unknown is empty, not 0');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const r = buildJsonReport(syntheticResult([
      { file: 'we,ird "name"\n.py', line: 1, model: '=HYPERLINK("x")' },
    ]));
    const rows = parseCsv(renderReport(r, 'csv'));
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![0], 'we,ird "name"\n.py');
    assert.equal(rows[1]![CSV_COLUMNS.indexOf('model')], '\'=HYPERLINK("x")');
  });
});

describe('format: html and md escaping', () => {
  const hostile = () => buildJsonReport(syntheticResult([
    { file: `${HOSTILE}.py`, line: 2, model: HOSTILE, findings: [{ code: 'unbounded-output', message: HOSTILE }] },
  ], { skipped: [{ file: HOSTILE, reason: HOSTILE }] }));

  it('html is self-contained and never lets code strings become markup', () => {
    const html = renderReport(hostile(), 'html');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /onerror=alert\(1\)>/);
    assert.match(html, /&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, 'no external resources');
    assert.match(html, /<style>/);
    assert.match(html, /Wh/);
  });

  it('markdown escapes HTML and table separators', () => {
    const md = renderReport(hostile(), 'md');
    assert.doesNotMatch(md, /<script|<img/i);
    assert.match(md, /&lt;\/script&gt;/);
    const pipes = buildJsonReport(syntheticResult([{ file: 'a|b.py', line: 1, model: 'm' }]));
    assert.match(renderReport(pipes, 'md'), /a\\\|b\.py/);
  });

  it('text shows the figures with units', () => {
    const text = renderReport(report(), 'text');
    assert.match(text, /1 Wh/);
    assert.match(text, /per day/i);
    assert.match(text, /src\/app\.py:12:5/);
  });

  it('every format renders an empty audit', () => {
    const empty = buildJsonReport(syntheticResult([]));
    for (const format of FORMATS) assert.ok(renderReport(empty, format).length > 0, format);
    assert.equal(parseCsv(renderReport(empty, 'csv')).length, 1);
    assert.equal((JSON.parse(renderReport(empty, 'sarif')) as any).runs[0].results.length, 0);
  });
});

describe('format: report charts', () => {
  it('uses per-day bars only when every estimated call site has a volume', async () => {
    const { chartData } = await import('../../src/core/audit/formats/reportView');
    const mixed = chartData(report());
    assert.equal(mixed.basis, 'per run');
    // Per run: gpt-4o 1 Wh, claude 0.5 Wh, embedding 0.01 Wh; the unknown model has no bar.
    assert.deepEqual(mixed.byModel.map((b) => [b.label, b.value]), [['gpt-4o', 1], ['claude-sonnet-4-5', 0.5], ['text-embedding-3-small', 0.01]]);
    assert.deepEqual(mixed.byProvider.map((b) => b.label), ['openai', 'anthropic']);
    // Log-scale scatter: only calls with a positive energy and cost (the embedding has no price here).
    assert.equal(mixed.energyVsCost.length, 2);
    const allDaily = chartData(buildJsonReport(syntheticResult([
      { file: 'a.py', line: 1, model: 'gpt-4o', energyWh: 1, callsPerDay: 10 },
      { file: 'b.py', line: 1, model: 'gpt-4o-mini', energyWh: 0.1, callsPerDay: 1000 },
    ])));
    assert.equal(allDaily.basis, 'per day');
    assert.deepEqual(allDaily.byFile.map((b) => [b.label, b.value]), [['b.py', 100], ['a.py', 10]]);
    assert.match(allDaily.byFile[0]!.text, /100 Wh\/day/);
  });
});

describe('format: tool identity', () => {
  it('reports the same version as the CLI and package.json', async () => {
    const { VERSION } = await import('../../src/cli/run');
    const { TOOL_VERSION } = await import('../../src/core/audit/formats/jsonReport');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { REPO_ROOT } = await import('./setup');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(TOOL_VERSION, pkg.version);
    assert.equal(VERSION, pkg.version);
  });
});
