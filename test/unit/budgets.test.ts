import * as assert from 'node:assert/strict';
import { budgetSummary, evaluateBudgets } from '../../src/core/audit/budgets';
import { syntheticResult } from './auditSynthetic';

describe('budgets', () => {
  const result = syntheticResult([
    { file: 'a.py', line: 3, model: 'gpt-4o', energyWh: 0.9, costUsd: 0.01, callsPerDay: 1000 },
    { file: 'b.py', line: 7, model: 'gpt-4o-mini', energyWh: 0.1, costUsd: 0.001, callsPerDay: 100 },
    { file: 'c.py', line: 1, model: null, energyWh: null, costUsd: null, callsPerDay: 1e6 },
  ]);

  it('passes when every typical figure is within its limit', () => {
    assert.deepEqual(evaluateBudgets(result, { perCall: { energyWh: 1, costUsd: 0.01 }, perDay: { energyWh: 910 } }), []);
    assert.deepEqual(evaluateBudgets(result, undefined), []);
  });

  it('flags each call site over a per-call limit, with its place', () => {
    const v = evaluateBudgets(result, { perCall: { energyWh: 0.5 } });
    assert.equal(v.length, 1);
    assert.deepEqual({ file: v[0]!.file, line: v[0]!.line, actual: v[0]!.actual, limit: v[0]!.limit }, { file: 'a.py', line: 3, actual: 0.9, limit: 0.5 });
    assert.match(budgetSummary(v), /a\.py:3 \(gpt-4o\): 0\.9 Wh per call > budget 0\.5 Wh/);
  });

  it('compares the per-day total (Σ per call × calls/day) with perDay limits', () => {
    // 0.9 × 1000 + 0.1 × 100 = 910 Wh/day; the unknown-model call has no figures and adds nothing.
    const v = evaluateBudgets(result, { perDay: { energyWh: 900, costUsd: 100 } });
    assert.equal(v.length, 1);
    assert.equal(v[0]!.scope, 'perDay');
    assert.equal(v[0]!.actual, 910);
    assert.match(budgetSummary(v), /910 Wh per day > budget 900 Wh per day/);
  });
});
