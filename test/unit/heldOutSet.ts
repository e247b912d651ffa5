import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertWellFormed, isPython, loadFixtures, ratio, report, scoreFixtures, tally, type Score } from './corpusScoring';

// One suite for every held-out detection set (test/fixtures/holdout*, each written blind to the engine): the same
// loading, matching and metrics as the tuned corpus (corpusScoring.ts), with lower gates on purpose, since these
// sets measure how the engine does on code it was not tuned on. Each set states its minimum size.

export const HELD_OUT_GATES = Object.freeze({ recall: 0.9, precision: 0.95, model: 0.9 });

export interface HeldOutSize {
  files: number;
  calls: number;
  traps: number;
  /** Expected calls in each language (Python, and JS/TS). */
  callsPerLanguage: number;
  /** Files in each language, when the set promises a minimum. */
  filesPerLanguage?: { python: number; jsTs: number };
}

function expectFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return expectFiles(p);
    return e.name.endsWith('.expect.json') ? [p] : [];
  });
}

export function describeHeldOutSet(title: string, root: string, size: HeldOutSize): void {
  describe(title, () => {
    const files = loadFixtures(root);
    const calls = files.flatMap((f) => f.calls.map((c) => ({ f, c })));
    const traps = files.flatMap((f) => f.traps.map((t) => ({ f, t })));

    it('is big enough to mean something, in both languages', () => {
      assert.ok(files.length >= size.files, `${files.length} files`);
      if (size.filesPerLanguage) {
        const pyFiles = files.filter(isPython).length;
        assert.ok(pyFiles >= size.filesPerLanguage.python && files.length - pyFiles >= size.filesPerLanguage.jsTs,
          `python files ${pyFiles}, js/ts files ${files.length - pyFiles}`);
      }
      assert.ok(calls.length >= size.calls, `${calls.length} expected calls`);
      assert.ok(traps.length >= size.traps, `${traps.length} traps`);
      const pyCalls = calls.filter(({ f }) => isPython(f)).length;
      assert.ok(pyCalls >= size.callsPerLanguage && calls.length - pyCalls >= size.callsPerLanguage,
        `python ${pyCalls}, js/ts ${calls.length - pyCalls}`);
    });

    it('loads the source file of every expectation (no extension silently skipped)', () => {
      const loaded = new Set(files.map((f) => `${f.abs}.expect.json`));
      const orphans = expectFiles(root).filter((p) => !loaded.has(p)).map((p) => path.relative(root, p));
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

      it(`finds ≥ ${HELD_OUT_GATES.recall * 100} % of the expected calls`, () => {
        const t = tally(score.matches);
        assert.ok(ratio(t.found, t.expected) >= HELD_OUT_GATES.recall, `recall ${t.found}/${t.expected}`);
      });

      it(`reports ≥ ${HELD_OUT_GATES.precision * 100} % real calls`, () => {
        const t = tally(score.matches);
        assert.ok(ratio(t.found, score.detected) >= HELD_OUT_GATES.precision, `precision ${t.found}/${score.detected}`);
      });

      it(`resolves ≥ ${HELD_OUT_GATES.model * 100} % of the statically knowable models`, () => {
        const t = tally(score.matches);
        assert.ok(ratio(t.model, t.knowable) >= HELD_OUT_GATES.model, `model ${t.model}/${t.knowable}`);
      });
    });
  });
}
