import * as assert from 'node:assert/strict';
import { DEFAULT_LENS_PARTS, LENS_PARTS, type LensPart } from '../../src/core/present/editorSettings';
import { lensContent } from '../../src/core/present/lensText';
import { analysis, detected, footprint } from './presentFixtures';

const all = new Set<LensPart>(DEFAULT_LENS_PARTS);
const lens = (a = analysis(), parts: Iterable<LensPart> = all, units: 'auto' | 'base' = 'auto') =>
  lensContent(a, { units, lensParts: new Set(parts) });

describe('lens text', () => {
  it('shows typical energy, CO₂e, $ per call and tokens, in that order', () => {
    assert.equal(lens().title, '⚡ 0.31 Wh · 0.12 g CO₂e · $0.0021/call · 1.2k in, ≤500 out');
    assert.equal(lens().action, 'details');
  });

  it('marks approximate input counts with ≈ and dynamic ones as a lower bound', () => {
    const approx = analysis({ inputTokens: { count: 1234, exact: false, dynamic: false, encoding: 'o200k_base', approximation: 'Claude' } });
    assert.match(lens(approx).title, / ≈1\.2k in,/);
    const dyn = analysis({ inputTokens: { count: 1234, exact: false, dynamic: true, encoding: 'o200k_base' } });
    assert.match(lens(dyn).title, / ≥1\.2k\+dyn in,/);
    const allDyn = analysis({ inputTokens: { count: 0, exact: false, dynamic: true, encoding: 'o200k_base' } });
    assert.match(lens(allDyn).title, / dyn in,/);
  });

  it('uses ≤cap with an output cap and ~typical without one', () => {
    const uncapped = analysis({
      call: detected({ params: {} }),
      outputTokens: { min: 1, typical: 420, max: 16384, reasoning: { min: 0, typical: 0, max: 0 }, basis: ['no cap'] },
    });
    assert.match(lens(uncapped).title, /~420 out$/);
  });

  it('adds the per-day energy when a volume is known, scaled to kWh', () => {
    const a = analysis({ callsPerDay: 20000 });
    // 0.31 Wh × 20,000 = 6,200 Wh = 6.2 kWh
    assert.match(lens(a).title, / · 6\.2 kWh\/day$/);
    assert.doesNotMatch(lens(a, DEFAULT_LENS_PARTS.filter((p) => p !== 'perDay')).title, /\/day/);
  });

  it('switches units when values are large, or pins them with units = base', () => {
    const big = analysis({ footprint: footprint({ energyWh: { min: 1000, typical: 4321, max: 9000 } }) });
    assert.match(lens(big).title, /^⚡ 4\.3 kWh ·/);
    assert.match(lens(big, all, 'base').title, /^⚡ 4,321 Wh ·/);
  });

  it('respects which parts are enabled', () => {
    assert.equal(lens(analysis(), ['cost']).title, '⚡ $0.0021/call');
    assert.equal(lens(analysis(), ['water', 'energy']).title, '⚡ 0.31 Wh · 1.1 mL water');
    for (const part of LENS_PARTS) {
      const only = lens(analysis({ callsPerDay: 1000 }), [part]).title;
      assert.ok(only.startsWith('⚡ ') && only.length > 3, `${part}: ${only}`);
    }
    assert.equal(lens(analysis(), []).title, '⚡ gpt-4o', 'no parts still names the model');
  });

  it('omits an unknown price rather than showing $0', () => {
    const t = lens(analysis({ footprint: footprint({ costUsd: null }) })).title;
    assert.doesNotMatch(t, /\$/);
  });

  it('says so for an unknown model and offers to map it', () => {
    const a = analysis({ call: detected({ model: 'my-finetune-v3' }), footprint: null, unknownModelReason: 'not in the catalog' });
    const c = lens(a);
    assert.match(c.title, /^⚠ unknown model 'my-finetune-v3' — map it…/);
    assert.equal(c.action, 'map-model');
    assert.match(c.tooltip, /not in the catalog/);
  });

  it('a model only known at run time points to the details instead', () => {
    const a = analysis({ call: detected({ model: null, modelSource: 'unresolved' }), footprint: null });
    const c = lens(a);
    assert.match(c.title, /^⚠ model not known statically/);
    assert.equal(c.action, 'details');
  });
});
