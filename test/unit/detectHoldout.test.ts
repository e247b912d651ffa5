import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertWellFormed, isPython, loadFixtures, ratio, report, scoreFixtures, tally, type Score } from './corpusScoring';
import { FIXTURES } from './setup';

// Generalisation check for issue 3's engine. test/fixtures/holdout (see its README) was written blind to both the
// engine and the tuned corpus, in the style of real projects, so its score says how the engine does on unseen code.
// Same loading, matching and metrics as detectCorpus.test.ts (corpusScoring.ts: recall, precision, provider/api/model
// accuracy, per-SDK table, every miss and false positive listed), with lower gates on purpose: this set measures,
// the tuned corpus gates.

const HOLDOUT = path.join(FIXTURES, 'holdout');
const MIN_RECALL = 0.9;
const MIN_PRECISION = 0.95;
const MIN_MODEL_ACCURACY = 0.9;

describe('detection held-out corpus', () => {
  const files = loadFixtures(HOLDOUT);
  const calls = files.flatMap((f) => f.calls.map((c) => ({ f, c })));
  const traps = files.flatMap((f) => f.traps.map((t) => ({ f, t })));

  it('is big enough to mean something, in both languages', () => {
    assert.ok(files.length >= 25, `${files.length} files`);
    assert.ok(calls.length >= 120, `${calls.length} expected calls`);
    assert.ok(traps.length >= 40, `${traps.length} traps`);
    const pyCalls = calls.filter(({ f }) => isPython(f)).length;
    assert.ok(pyCalls >= 40 && calls.length - pyCalls >= 40, `python ${pyCalls}, js/ts ${calls.length - pyCalls}`);
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
