import * as assert from 'node:assert/strict';
import { listModels } from '../../src/core/footprint';
import { editsConflict, fixTitle, selectFixAll } from '../../src/core/present/fixes';
import { rankModelsFor } from '../../src/core/present/modelPick';
import { statusText, statusTooltip } from '../../src/core/present/statusText';
import { fileTotals } from '../../src/core/present/totals';
import type { Finding, Range } from '../../src/core/types';
import { analysis, footprint } from './presentFixtures';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function finding(code: Finding['code'], line: number, fixes: Finding['fixes']): Finding {
  return { code, severity: 'warning', message: code, range: r(line, 0, line, 10), fixes };
}

describe('fix titles', () => {
  it('adds the saving when the core computed one', () => {
    assert.equal(fixTitle({ title: 'Switch to gpt-4o-mini', edits: [], energySaving: -0.934, costSaving: -0.94 }), 'Switch to gpt-4o-mini (−93 % energy, −94 % $)');
  });
  it('keeps a title that already states its saving, and one without numbers', () => {
    assert.equal(fixTitle({ title: 'Switch to x (−50 % energy)', edits: [], energySaving: -0.5 }), 'Switch to x (−50 % energy)');
    assert.equal(fixTitle({ title: 'Add max_tokens=256', edits: [] }), 'Add max_tokens=256');
  });
});

describe('fix all: selection', () => {
  it('overlap rules: overlapping, same-point inserts and inserts inside a replacement conflict; touching ranges do not', () => {
    assert.ok(editsConflict(r(1, 0, 1, 10), r(1, 5, 1, 15)));
    assert.ok(editsConflict(r(1, 4, 1, 4), r(1, 4, 1, 4)));
    assert.ok(editsConflict(r(1, 0, 1, 10), r(1, 4, 1, 4)));
    assert.ok(!editsConflict(r(1, 0, 1, 10), r(1, 10, 1, 20)));
    assert.ok(!editsConflict(r(1, 0, 1, 10), r(1, 10, 1, 10)));
    assert.ok(!editsConflict(r(1, 0, 1, 10), r(2, 0, 2, 10)));
  });

  it('takes the preferred fix of each finding, skipping conflicts and findings without a preferred fix', () => {
    const a = { title: 'A', isPreferred: true, edits: [{ range: r(1, 10, 1, 18), newText: '"gpt-4o-mini"' }] };
    const aAlt = { title: 'A2', edits: [{ range: r(1, 10, 1, 18), newText: '"gpt-4.1-nano"' }] };
    const b = { title: 'B', isPreferred: true, edits: [{ range: r(3, 4, 3, 4), newText: 'max_tokens=256, ' }] };
    const clash = { title: 'C', isPreferred: true, edits: [{ range: r(1, 12, 1, 14), newText: 'x' }] };
    const none = { title: 'D', edits: [{ range: r(9, 0, 9, 1), newText: 'y' }] };
    const picked = selectFixAll([
      finding('unbounded-output', 3, [b]),
      finding('oversized-model', 1, [aAlt, a]),
      finding('high-reasoning-effort', 1, [clash]),
      finding('cacheable-prompt', 9, [none]),
    ]);
    assert.deepEqual(picked.map((p) => p.fix.title), ['A', 'B']);
  });
});

describe('file totals', () => {
  it('sums typical values once per call and per day only where volumes are known; unknown models are counted, not summed', () => {
    const t = fileTotals([
      analysis(),
      analysis({ callsPerDay: 1000, footprint: footprint({ costUsd: null }) }),
      analysis({ footprint: null }),
    ]);
    assert.equal(t.calls, 3);
    assert.equal(t.estimated, 2);
    assert.equal(t.unknownModels, 1);
    assert.equal(t.unpriced, 1);
    assert.ok(Math.abs(t.perRun.energyWh - 0.62) < 1e-9);
    assert.ok(Math.abs(t.perRun.costUsd - 0.0021) < 1e-12);
    assert.ok(t.perDay);
    assert.ok(Math.abs(t.perDay.energyWh - 310) < 1e-9);
    assert.equal(t.perDay.calls, 1000);
    assert.equal(fileTotals([analysis()]).perDay, null);
  });

  it('status bar text: per run, plus per day only with volumes; tooltip says what is left out', () => {
    assert.equal(statusText(fileTotals([analysis(), analysis()]), 'auto'), '$(pulse) 0.62 Wh · 0.24 g CO₂e · $0.0042');
    // 0.31 Wh × 20,000 = 6.2 kWh
    assert.equal(statusText(fileTotals([analysis({ callsPerDay: 20000 })]), 'auto'), '$(pulse) 0.31 Wh · 0.12 g CO₂e · $0.0021 · 6.2 kWh/day');
    assert.equal(statusText(fileTotals([analysis({ footprint: null })]), 'auto'), '$(pulse) 1 LLM call, model unknown');
    const tip = statusTooltip(fileTotals([analysis(), analysis({ footprint: null })]), 'auto');
    assert.match(tip, /2 LLM calls, 1 with an unknown model \(not included\)/);
    assert.match(tip, /Per day: add `# llm-footprint: 20k calls\/day`/);
  });
});

describe('map model: ranking the catalog for a name', () => {
  // Uses the shipped catalog: the point is that real ids come first for realistic deployment names.
  const ids = new Set(listModels().map((m) => m.id));
  const cases: Array<[string, string]> = [['prod-gpt4o-mini-eu', 'gpt-4o-mini'], ['my-claude-sonnet-4-5', 'claude-sonnet-4-5']];
  for (const [name, expected] of cases) {
    it(`'${name}' → ${expected} first`, function () {
      if (!ids.has(expected)) this.skip();
      assert.equal(rankModelsFor(name, listModels())[0]?.id, expected);
    });
  }
  it('keeps every model', () => {
    assert.equal(rankModelsFor('whatever', listModels()).length, listModels().length);
  });
});
