import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogEntry, nameCandidates, resolveRegion } from '../../src/core/footprint';
import { isSizeDeclaration } from '../../src/core/footprint/declaredModel';
import { catalogChecks, DeferredSettings } from '../../src/core/present/deferredSettings';
import { parseEditorSettings } from '../../src/core/present/editorSettings';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { REPO_ROOT } from './setup';

// Settings are checked against the catalog only once the engine is there (core/present/deferredSettings.ts,
// extension/settingsStore.ts), so that activation never loads dist/engine.js. Two halves: the two-step parse gives
// exactly what the one parse with the checks gave; and the real store, in a fresh process with the bench's fake
// vscode and the real engine bundle, loads nothing at activation, warns and falls back once the engine loads.
// Needs `npm run compile` (dist/ and out/bench/).

/** The catalog's checks from the core, as dist/engine.js exports them to the store. */
const CHECKS = catalogChecks({ resolveRegion, isSizeDeclaration, nameCandidates, catalogEntry });
const reader = (values: Record<string, unknown>) => (key: string): unknown => values[key];

const CONFIGURATIONS: Array<[string, Record<string, unknown>]> = [
  ['nothing set', {}],
  ['a known country and cloud region, known mappings', { region: 'FR', modelMappings: { a: 'gpt-4o-mini', b: '70b', c: 'moe:400b/17b' } }],
  ['a cloud region', { region: ' us-east-1 ' }],
  ['a well-formed region the grid data does not know', { region: 'XX-NOWHERE' }],
  ['a malformed region', { region: 'not a region!' }],
  ['mappings to unknown models, and a bad entry', { modelMappings: { team: 'gpt-4oo', ok: 'gpt-4o', bad: 42 } }],
  ['everything wrong at once', {
    region: 'atlantis-1', modelMappings: { x: 'nope-model' }, units: 'metric', 'codeLens.parts': ['energy', 'smell'],
    severity: { 'oversized-model': 'loud' }, dynamicPartTokens: -1,
  }],
];

describe('settings: catalog checks deferred until the engine is there', () => {
  for (const [name, values] of CONFIGURATIONS) {
    it(`${name}: the same snapshot and warnings as one parse with the checks`, () => {
      const once = parseEditorSettings(reader(values), CHECKS);
      const deferred = new DeferredSettings(reader(values));
      assert.equal(deferred.checked, undefined, 'nothing for analysis before the check');
      assert.deepEqual(deferred.editor, once.snapshot.editor, 'editor options are final before the check');
      const added = deferred.check(CHECKS);
      assert.deepEqual(deferred.checked, once.snapshot);
      assert.deepEqual([...deferred.warnings, ...added].sort(), [...once.warnings].sort());
      assert.deepEqual(deferred.check(CHECKS), [], 'checked once: its warnings are logged once');
    });
  }

  it('the warnings before the check need no catalog; the check adds the region and mapping ones', () => {
    const deferred = new DeferredSettings(reader({ region: 'XX-NOWHERE', modelMappings: { team: 'gpt-4oo' }, units: 'metric' }));
    assert.equal(deferred.warnings.length, 1);
    assert.match(deferred.warnings[0] ?? '', /^llmFootprint\.units: "metric"/);
    const added = deferred.check(CHECKS);
    assert.equal(added.length, 2, added.join('\n'));
    assert.match(added[0] ?? '', /^llmFootprint\.region: "XX-NOWHERE" is not a region in the grid data/);
    assert.match(added[1] ?? '', /"team" → "gpt-4oo" is neither a catalog model/);
    assert.equal(deferred.checked?.analysis.region, null, 'falls back to the provider default');
  });

  it('checks the values of its own configuration, even if the settings changed since', () => {
    const values: Record<string, unknown> = { region: 'XX-NOWHERE' };
    const deferred = new DeferredSettings(reader(values));
    values.region = 'FR';
    deferred.check(CHECKS);
    assert.equal(deferred.checked?.analysis.region, null);
  });

  it('a check that throws leaves it unchecked; useDefaults gives the defaults for analysis', () => {
    const deferred = new DeferredSettings(reader({ region: 'FR', defaultCallsPerDay: 5 }));
    assert.throws(() => deferred.check({ isKnownRegion: () => { throw new Error('no catalog'); } }), /no catalog/);
    assert.equal(deferred.checked, undefined);
    assert.deepEqual(deferred.useDefaults().analysis, DEFAULT_SETTINGS);
    assert.deepEqual(deferred.check(CHECKS), [], 'the defaults stay for this configuration');
  });

  it('sameAnalysis: exact once both are checked, never "same" when the checked values would differ', () => {
    const of = (values: Record<string, unknown>): DeferredSettings => new DeferredSettings(reader(values));
    const pairs: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ region: 'FR' }, { region: 'FR', units: 'base' }],
      [{ region: 'FR' }, { region: 'US' }],
      [{ region: 'XX-NOWHERE' }, { region: 'YY-NOWHERE' }],
      [{ region: 'XX-NOWHERE' }, {}],
      [{ modelMappings: { a: 'gpt-4oo' } }, { modelMappings: { a: 'gpt-4o' } }],
    ];
    for (const [a, b] of pairs) {
      const truth = JSON.stringify(parseEditorSettings(reader(a), CHECKS).snapshot.analysis)
        === JSON.stringify(parseEditorSettings(reader(b), CHECKS).snapshot.analysis);
      const [x, y] = [of(a), of(b)];
      // Unchecked: a "same" answer must be right; a "changed" one may be too cautious (one extra re-analysis).
      if (x.sameAnalysis(y)) assert.equal(truth, true, `${JSON.stringify(a)} vs ${JSON.stringify(b)} unchecked`);
      x.check(CHECKS);
      y.check(CHECKS);
      assert.equal(x.sameAnalysis(y), truth, `${JSON.stringify(a)} vs ${JSON.stringify(b)} checked`);
    }
    assert.equal(of({ region: 'XX-NOWHERE' }).sameAnalysis(of({ region: 'YY-NOWHERE' })), false, 'cautious before the check');
  });
});

describe('settings store and activation: the engine loads only when needed', function () {
  this.timeout(60_000);
  const OUT = path.join(REPO_ROOT, 'out');
  const run = <T>(script: string, args: string[]): T =>
    JSON.parse(execFileSync(process.execPath, [script, ...args], { cwd: REPO_ROOT, encoding: 'utf8' })) as T;
  const host = <T>(scenario: string): T => run<T>(path.join(OUT, 'test', 'unit', 'settingsStoreHost.js'), [scenario]);
  const REGION_WARNING = /^llmFootprint\.region: "XX-NOWHERE" is not a region in the grid data/;
  const MAPPING_WARNING = /"team" → "gpt-4oo" is neither a catalog model/;

  interface View { engineLoaded: boolean; warnings: string[]; errors: string[]; units: string }
  interface Analysis { region: string | null; modelMappings: Record<string, string> }

  for (const [label, settings] of [
    ['no settings', {}],
    ['llmFootprint.region and modelMappings set', { 'llmFootprint.region': 'FR', 'llmFootprint.modelMappings': { team: '70b', a: 'gpt-4o-mini' } }],
    ['an unknown region and mapping target set', { 'llmFootprint.region': 'XX-NOWHERE', 'llmFootprint.modelMappings': { team: 'gpt-4oo' } }],
  ] as const) {
    it(`activate() of dist/extension.js with ${label} does not load dist/engine.js`, () => {
      const result = run<{ engineLoaded: boolean; subscriptions: number }>(
        path.join(OUT, 'bench', 'probes', 'activation.js'), [`--settings=${JSON.stringify(settings)}`]);
      assert.ok(result.subscriptions > 10, 'activate() ran and registered its features');
      assert.equal(result.engineLoaded, false);
    });
  }

  it('at activation: no engine, only the warnings that need no catalog; when the engine loads: the rest, once', () => {
    const r = host<{ activation: View; atLoad: View; first: Analysis; again: Analysis; after: View }>('engine-loads-first');
    assert.equal(r.activation.engineLoaded, false);
    assert.equal(r.activation.units, 'auto', 'a bad units value falls back at once');
    assert.equal(r.activation.warnings.length, 1, r.activation.warnings.join('\n'));
    assert.match(r.activation.warnings[0] ?? '', /^llmFootprint\.units: "metric"/);
    // Logged in the engine() call that loaded it, before any analysis read the settings.
    assert.equal(r.atLoad.engineLoaded, true);
    assert.equal(r.atLoad.warnings.length, 3, r.atLoad.warnings.join('\n'));
    assert.match(r.atLoad.warnings[1] ?? '', REGION_WARNING);
    assert.match(r.atLoad.warnings[2] ?? '', MAPPING_WARNING);
    assert.deepEqual(r.first, { region: null, modelMappings: { team: 'gpt-4oo', big: '70b' } }, 'the region falls back to the provider default');
    assert.deepEqual(r.again, r.first);
    assert.deepEqual(r.after.warnings, r.atLoad.warnings, 'reads log nothing more');
    assert.deepEqual(r.after.errors, []);
  });

  it('reading the settings for analysis loads the engine and checks them first', () => {
    const r = host<{ activation: View; first: Analysis; after: View }>('current-first');
    assert.equal(r.activation.engineLoaded, false);
    assert.equal(r.first.region, null);
    assert.equal(r.after.engineLoaded, true);
    assert.equal(r.after.warnings.filter((w) => REGION_WARNING.test(w)).length, 1);
    assert.equal(r.after.warnings.filter((w) => MAPPING_WARNING.test(w)).length, 1);
    assert.deepEqual(r.after.errors, []);
  });

  it('configuration changes: checked at once when the engine is there, warned once per change, re-analysis only when results change', () => {
    type Step = { region: string; engineLoaded: boolean; warnings: string[]; changes: boolean[]; analysis: Analysis };
    const { steps } = host<{ steps: Step[] }>('changes');
    const [fr, yy, zz] = steps;
    assert.ok(fr && yy && zz);
    // Before the engine loaded: the change is parsed, not checked; reading it for analysis checks it.
    assert.equal(fr.engineLoaded, false);
    assert.deepEqual(fr.changes, [true]);
    assert.equal(fr.warnings.filter((w) => REGION_WARNING.test(w) || MAPPING_WARNING.test(w)).length, 0);
    assert.equal(fr.analysis.region, 'FR');
    // With the engine loaded, a new unknown region is warned about as the configuration changes.
    const newWarnings = (step: Step, before: Step): string[] => step.warnings.slice(before.warnings.length);
    assert.equal(yy.engineLoaded, true);
    assert.ok(newWarnings(yy, fr).some((w) => /^llmFootprint\.region: "YY-NOWHERE" is not a region/.test(w)), newWarnings(yy, fr).join('\n'));
    assert.deepEqual(yy.changes, [true, true], 'FR → provider default changes results');
    assert.equal(yy.analysis.region, null);
    assert.ok(newWarnings(zz, yy).some((w) => /^llmFootprint\.region: "ZZ-NOWHERE" is not a region/.test(w)));
    assert.equal(newWarnings(zz, yy).filter((w) => MAPPING_WARNING.test(w)).length, 1, 'once per change');
    assert.deepEqual(zz.changes, [true, true, false], 'one unknown region for another: the same results, no re-analysis');
  });

  it('dist/extension.js is ASCII: one other character makes V8 keep the bundle as a two-byte string (+4 ms of load)', () => {
    const bundle = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'));
    const at = bundle.findIndex((byte) => byte > 0x7f);
    assert.equal(at, -1, `non-ASCII at byte ${at}: ${bundle.subarray(Math.max(0, at - 60), at + 20).toString('utf8')}`);
  });
});
