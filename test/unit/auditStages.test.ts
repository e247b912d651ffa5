import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, detectStage, estimateStage } from '../../src/core/analyze';
import { ReadCache, type FileOutcome } from '../../src/core/audit/analyzeFile';
import { AuditPipeline } from '../../src/core/audit/auditPipeline';
import { auditPaths } from '../../src/core/audit/auditPaths';
import type { AuditResult } from '../../src/core/audit/types';
import { languageFromPath } from '../../src/core/detect';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { FIXTURES, REPO_ROOT } from './setup';

// analyzeText is detection then estimation; the audit runs the two stages apart (workers detect, the runner
// estimates). Both ways must give the same analysis, call for call, on the real fixture files.

const WORKER = path.join(REPO_ROOT, 'dist', 'auditWorker.js');
const ROOTS = ['corpus', 'holdout'].map((d) => path.join(FIXTURES, d));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return languageFromPath(p) && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Everything but the run's own bookkeeping (duration, worker count). */
function comparable(result: AuditResult): Omit<AuditResult, 'durationMs' | 'workers'> {
  const { durationMs: _d, workers: _w, ...rest } = result;
  return rest;
}

describe('analysis stages', function () {
  this.timeout(120_000);

  it('detect then estimate gives what analyzeText gives, on every corpus and holdout file', async () => {
    let calls = 0;
    let files = 0;
    for (const root of ROOTS) {
      for (const file of sourceFiles(root)) {
        const text = fs.readFileSync(file, 'utf8');
        const language = languageFromPath(file)!;
        const cache = new ReadCache(undefined);
        const readFile = (p: string): string | undefined => cache.read(p);
        const whole = await analyzeText(file, text, language, { settings: DEFAULT_SETTINGS, readFile });
        const detected = await detectStage(file, text, language, { readFile });
        const staged = await estimateStage(file, text, language, detected, { settings: DEFAULT_SETTINGS });
        assert.deepEqual(staged, whole, file);
        assert.equal(detected.calls.length, whole.calls.length, file);
        calls += whole.calls.length;
        files += 1;
      }
    }
    assert.ok(files > 40 && calls > 150, `${files} files, ${calls} calls`);
  });

  it('the estimation stage without token counting (bench only) reports 0 tokens and changes nothing else it needs', async () => {
    const file = sourceFiles(path.join(FIXTURES, 'corpus', 'python'))[0]!;
    const text = fs.readFileSync(file, 'utf8');
    const detected = await detectStage(file, text, 'python', {});
    assert.ok(detected.calls.length > 0);
    const counted = await estimateStage(file, text, 'python', detected, { settings: DEFAULT_SETTINGS });
    const uncounted = await estimateStage(file, text, 'python', detected, { settings: DEFAULT_SETTINGS, skipTokenCounting: true });
    assert.equal(uncounted.calls.length, counted.calls.length);
    assert.ok(uncounted.calls.every((c) => c.inputTokens.count === 0));
    assert.ok(counted.calls.some((c) => c.inputTokens.count > 0));
    assert.deepEqual(uncounted.calls.map((c) => c.outputTokens), counted.calls.map((c) => c.outputTokens));
  });

  it('worker threads (detection) + this thread (estimation) give exactly the in-process audit', async function () {
    if (!fs.existsSync(WORKER)) this.skip(); // built by `npm run compile`
    for (const root of ROOTS) {
      const roots = [{ path: root, base: root }];
      const inProcess = await auditPaths(roots, { settings: DEFAULT_SETTINGS, workers: 0 });
      for (const workers of [1, 2]) {
        const threaded = await auditPaths(roots, { settings: DEFAULT_SETTINGS, workers, workerScript: WORKER });
        assert.equal(threaded.workers, workers);
        assert.deepEqual(comparable(threaded), comparable(inProcess), `${root} with ${workers} worker(s)`);
      }
      assert.ok(inProcess.calls.length > 50, `${inProcess.calls.length} calls in ${root}`);
    }
  });
});

describe('audit pipeline under a text budget', function () {
  this.timeout(120_000);

  async function runPipeline(root: string, budget: number, token?: { isCancellationRequested: boolean }): Promise<Map<string, FileOutcome>> {
    const jobs = sourceFiles(root).map((absPath) => ({ absPath, language: languageFromPath(absPath)! }));
    const outcomes = new Map<string, FileOutcome>();
    const pipeline = new AuditPipeline(jobs, {
      workers: 1, workerScript: WORKER, settings: DEFAULT_SETTINGS, maxBytes: undefined, heldTextBudget: budget,
    }, (index, outcome) => outcomes.set(jobs[index]!.absPath, outcome), token);
    jobs.forEach((_, i) => pipeline.add(i));
    await pipeline.finish();
    return outcomes;
  }

  it('pausing the prescreen whenever more than a few KB of text is held changes no outcome', async function () {
    if (!fs.existsSync(WORKER)) this.skip();
    const root = path.join(FIXTURES, 'corpus');
    const tight = await runPipeline(root, 4_000);
    const roomy = await runPipeline(root, 64 * 1024 * 1024);
    assert.equal(tight.size, sourceFiles(root).length);
    assert.deepEqual([...tight.entries()].sort(), [...roomy.entries()].sort());
  });

  it('a Cancel reaches a paused prescreen: the pipeline finishes', async function () {
    if (!fs.existsSync(WORKER)) this.skip();
    const token = { isCancellationRequested: false };
    const root = path.join(FIXTURES, 'corpus');
    setTimeout(() => { token.isCancellationRequested = true; }, 50);
    const outcomes = await runPipeline(root, 1, token);
    assert.ok(outcomes.size < sourceFiles(root).length, `${outcomes.size} outcomes`);
  });
});
