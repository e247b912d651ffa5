import * as assert from 'node:assert/strict';
import { LatestRuns, type Run } from '../../src/extension/latestRuns';
import type { CancellationLike } from '../../src/core/types';

// The analysis service's scheduling rules, with runs the test resolves by hand.

interface Controlled {
  run: Run<string>;
  started: number;
  tokens: CancellationLike[];
  finish(value: string): void;
  fail(error: Error): void;
}

function controlled(): Controlled {
  const waiting: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const c: Controlled = {
    started: 0,
    tokens: [],
    run: (token) => {
      c.started++;
      c.tokens.push(token);
      return new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    finish: (v) => waiting.shift()?.resolve(v),
    fail: (e) => waiting.shift()?.reject(e),
  };
  return c;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function queue() {
  const results: Array<[string, number, string]> = [];
  const errors: unknown[] = [];
  const runs = new LatestRuns<string>({
    onResult: (key, version, result) => results.push([key, version, result]),
    onError: (_key, e) => {
      errors.push(e);
      return 'error-result';
    },
  });
  return { runs, results, errors };
}

describe('analysis scheduling (LatestRuns)', () => {
  it('caches by key + version and reuses the stored result', async () => {
    const { runs, results } = queue();
    const c = controlled();
    const p = runs.schedule('a', 1, 0, c.run);
    c.finish('r1');
    assert.equal(await p, 'r1');
    assert.equal(runs.get('a', 1), 'r1');
    assert.equal(runs.get('a', 2), undefined, 'a result never answers for another version');
    assert.equal(await runs.schedule('a', 1, 0, c.run), 'r1');
    assert.equal(c.started, 1);
    assert.deepEqual(results, [['a', 1, 'r1']]);
  });

  it('debounces: edits inside the delay start one run, for the last version', async () => {
    const { runs, results } = queue();
    const c = controlled();
    const p1 = runs.schedule('a', 1, 30, c.run);
    const p2 = runs.schedule('a', 2, 30, c.run);
    const p3 = runs.schedule('a', 3, 30, c.run);
    assert.equal(await p1, undefined, 'superseded waiters get undefined');
    assert.equal(await p2, undefined);
    await tick(10);
    assert.equal(c.started, 0, 'nothing runs before the delay');
    await tick(40);
    assert.equal(c.started, 1);
    c.finish('r3');
    assert.equal(await p3, 'r3');
    assert.deepEqual(results, [['a', 3, 'r3']]);
  });

  it('cancels a superseded run and drops its result even when it completes', async () => {
    const { runs, results } = queue();
    const c = controlled();
    const p1 = runs.schedule('a', 1, 0, c.run);
    const p2 = runs.schedule('a', 2, 0, c.run);
    assert.equal(c.tokens[0]?.isCancellationRequested, true);
    assert.equal(c.tokens[1]?.isCancellationRequested, false);
    c.finish('stale');
    c.finish('fresh');
    assert.equal(await p1, undefined);
    assert.equal(await p2, 'fresh');
    assert.equal(runs.get('a', 2), 'fresh');
    assert.deepEqual(results, [['a', 2, 'fresh']], 'the stale result never reaches the views');
  });

  it('a provider joining a pending debounced run waits for it; an open (delay 0, no join) starts it now', async () => {
    const { runs } = queue();
    const c = controlled();
    const debounced = runs.schedule('a', 1, 10_000, c.run);
    const joined = runs.schedule('a', 1, 0, c.run, true);
    assert.equal(joined, debounced);
    assert.equal(c.started, 0);
    const opened = runs.schedule('a', 1, 0, c.run);
    assert.equal(c.started, 1, 'started at once, the long timer no longer matters');
    c.finish('r');
    assert.equal(await opened, 'r');
    assert.equal(await joined, 'r');
  });

  it('keys are independent', async () => {
    const { runs } = queue();
    const c = controlled();
    const a = runs.schedule('a', 1, 0, c.run);
    const b = runs.schedule('b', 1, 0, c.run);
    c.finish('ra');
    c.finish('rb');
    assert.deepEqual([await a, await b], ['ra', 'rb']);
  });

  it('an error in a current run goes to onError, whose value is stored; in a superseded run it is ignored', async () => {
    const { runs, errors } = queue();
    const c = controlled();
    const p = runs.schedule('a', 1, 0, c.run);
    c.fail(new Error('boom'));
    assert.equal(await p, 'error-result');
    assert.equal(errors.length, 1);
    const p2 = runs.schedule('a', 2, 0, c.run);
    runs.schedule('a', 3, 0, c.run).catch(() => undefined);
    c.fail(new Error('late'));
    assert.equal(await p2, undefined);
    await tick();
    assert.equal(errors.length, 1);
  });

  it('forget and clear cancel everything in flight', async () => {
    const { runs, results } = queue();
    const c = controlled();
    const a = runs.schedule('a', 1, 0, c.run);
    const b = runs.schedule('b', 1, 5, c.run);
    runs.forget('a');
    runs.clear();
    assert.equal(await a, undefined);
    assert.equal(await b, undefined);
    c.finish('late');
    await tick(20);
    assert.equal(c.started, 1, 'the timer of b was cleared');
    assert.deepEqual(results, []);
    assert.equal(runs.get('a', 1), undefined);
  });
});
