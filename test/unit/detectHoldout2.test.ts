import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertWellFormed, isPython, loadFixtures, ratio, report, scoreFixtures, tally, type Score } from './corpusScoring';
import { FIXTURES } from './setup';

// Second generalisation check. test/fixtures/holdout2 (see its README) was written blind to the engine, the tuned
// corpus and the first holdout's files, after the first holdout had been used to fix the engine. Same loading,
// matching and metrics as detectHoldout.test.ts (corpusScoring.ts), same gates: this set measures how the engine
// does on code it was not tuned on.

const HOLDOUT2 = path.join(FIXTURES, 'holdout2');
const MIN_RECALL = 0.9;
const MIN_PRECISION = 0.95;
const MIN_MODEL_ACCURACY = 0.9;

function expectFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return expectFiles(p);
    return e.name.endsWith('.expect.json') ? [p] : [];
  });
}

describe('detection held-out corpus 2', () => {
  const files = loadFixtures(HOLDOUT2);
  const calls = files.flatMap((f) => f.calls.map((c) => ({ f, c })));
  const traps = files.flatMap((f) => f.traps.map((t) => ({ f, t })));

  it('is big enough to mean something, in both languages', () => {
    const pyFiles = files.filter(isPython).length;
    assert.ok(files.length >= 24, `${files.length} files`);
    assert.ok(pyFiles >= 10 && files.length - pyFiles >= 12, `python files ${pyFiles}, js/ts files ${files.length - pyFiles}`);
    assert.ok(calls.length >= 130, `${calls.length} expected calls`);
    assert.ok(traps.length >= 45, `${traps.length} traps`);
    const pyCalls = calls.filter(({ f }) => isPython(f)).length;
    assert.ok(pyCalls >= 50 && calls.length - pyCalls >= 50, `python ${pyCalls}, js/ts ${calls.length - pyCalls}`);
  });

  it('loads the source file of every expectation (no extension silently skipped)', () => {
    const loaded = new Set(files.map((f) => `${f.abs}.expect.json`));
    const orphans = expectFiles(HOLDOUT2).filter((p) => !loaded.has(p)).map((p) => path.relative(HOLDOUT2, p));
    assert.deepEqual(orphans, []);
  });

  it('has well-formed expectations that point at real code', () => {
    assertWellFormed(files);
  });

  describe('quality of detectCalls on unseen code', function () {
    this.timeout(120_000);
    let score: Score;

    before(async () => {
      score = await scoreFixtures(files);
      console.log(`\n${report(score)}\n`);
    });

    it('never throws', () => {
      assert.deepEqual(score.errors, []);
    });

    it(`finds ≥ ${MIN_RECALL * 100} % of the expected calls`, () => {
      const t = tally(score.matches);
      assert.ok(ratio(t.found, t.expected) >= MIN_RECALL, `recall ${t.found}/${t.expected}`);
    });

    it(`reports ≥ ${MIN_PRECISION * 100} % real calls`, () => {
      const t = tally(score.matches);
      assert.ok(ratio(t.found, score.detected) >= MIN_PRECISION, `precision ${t.found}/${score.detected}`);
    });

    it(`resolves ≥ ${MIN_MODEL_ACCURACY * 100} % of the statically knowable models`, () => {
      const t = tally(score.matches);
      assert.ok(ratio(t.model, t.knowable) >= MIN_MODEL_ACCURACY, `model ${t.model}/${t.knowable}`);
    });
  });
});
