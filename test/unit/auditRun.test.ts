import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditPaths } from '../../src/core/audit/auditPaths';
import { compareWithBaseline } from '../../src/core/audit/baseline';
import { buildJsonReport } from '../../src/core/audit/formats/jsonReport';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { syntheticResult } from './auditSynthetic';
import { REPO_ROOT } from './setup';

// The runner on a tree of a few hundred files: in-process and worker threads agree, and cancelling mid-audit
// returns the part that was done.

const WORKER = path.join(REPO_ROOT, 'dist', 'auditWorker.js');

describe('audit runner', function () {
  this.timeout(60_000);
  let root: string;
  const FILES = 300;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'llmfp-run-'));
    for (let i = 0; i < FILES; i++) {
      const dir = path.join(root, `pkg${i % 10}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `m${i}.py`), i % 25 === 0
        ? `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi ${i}"}], max_tokens=50)\n`
        : `def f${i}(x):\n    return x * ${i}\n`);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('cancelling mid-audit keeps the partial results (in-process)', async () => {
    let cancel = false;
    const token = { get isCancellationRequested() { return cancel; } };
    const result = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 0 }, token, (p) => {
      if (p.done >= 100) cancel = true;
    });
    assert.equal(result.cancelled, true);
    assert.ok(result.files.length >= 100 && result.files.length < FILES, `${result.files.length} files`);
    assert.equal(result.totals.filesAnalysed, result.files.length);
  });

  it('worker threads find the same files and calls as in-process', async function () {
    if (!fs.existsSync(WORKER)) this.skip(); // built by `npm run compile`
    const inProcess = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 0 });
    const threaded = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 2, workerScript: WORKER });
    assert.equal(threaded.workers, 2);
    assert.equal(inProcess.cancelled, false);
    assert.deepEqual(threaded.files.map((f) => f.file), inProcess.files.map((f) => f.file));
    assert.equal(threaded.files.length, FILES);
    assert.deepEqual(
      threaded.calls.map((c) => `${c.file}:${c.analysis.call.range.start.line}:${c.analysis.call.model}`),
      inProcess.calls.map((c) => `${c.file}:${c.analysis.call.range.start.line}:${c.analysis.call.model}`),
    );
    assert.deepEqual(threaded.totals, inProcess.totals);
  });

  it('cancelling mid-audit keeps the partial results (workers)', async function () {
    if (!fs.existsSync(WORKER)) this.skip();
    let cancel = false;
    const token = { get isCancellationRequested() { return cancel; } };
    const started = Date.now();
    let cancelledAt = 0;
    const result = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 2, workerScript: WORKER }, token, (p) => {
      if (p.done >= 50 && !cancel) {
        cancel = true;
        cancelledAt = Date.now();
      }
    });
    assert.equal(result.cancelled, true);
    assert.ok(result.files.length >= 50 && result.files.length < FILES, `${result.files.length} files`);
    assert.ok(Date.now() - cancelledAt < 1000, `stopped ${Date.now() - cancelledAt} ms after cancel (total ${Date.now() - started} ms)`);
  });

  it('a crashing worker costs time, not results: its files are redone in-process', async () => {
    const crashing = path.join(os.tmpdir(), `llmfp-crash-worker-${process.pid}.js`);
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('boom'); });\n");
    const errors: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: (m: string) => errors.push(m) };
    const result = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 2, workerScript: crashing, logger });
    assert.equal(result.cancelled, false);
    assert.equal(result.files.length, FILES);
    assert.ok(errors.some((m) => /worker failed/.test(m)), errors.join('\n'));
    fs.rmSync(crashing);
  });

  it('a missing worker script falls back to in-process', async () => {
    const result = await auditPaths([{ path: root, base: root }], { settings: DEFAULT_SETTINGS, workers: 2, workerScript: path.join(root, 'none.js') });
    assert.equal(result.workers, 0);
    assert.equal(result.files.length, FILES);
  });
});

describe('audit baseline', () => {
  it('matches calls without line numbers and reports added, removed and changed', () => {
    const before = buildJsonReport(syntheticResult([
      { file: 'a.py', line: 10, model: 'gpt-4o', energyWh: 1, callsPerDay: 100 },
      { file: 'a.py', line: 20, model: 'gpt-4o', energyWh: 1 },
      { file: 'b.py', line: 5, model: 'claude-sonnet-4-5', provider: 'anthropic', energyWh: 2 },
    ]));
    const after = buildJsonReport(syntheticResult([
      { file: 'a.py', line: 14, model: 'gpt-4o', energyWh: 1, callsPerDay: 100 }, // moved down 4 lines: unchanged
      { file: 'a.py', line: 24, model: 'gpt-4o-mini', energyWh: 0.1 }, // model switched: changed
      { file: 'c.py', line: 1, model: 'gpt-4o', energyWh: 1 }, // new file: added
    ]));
    const delta = compareWithBaseline('prev.json', { dataAsOf: before.tool.dataAsOf, calls: before.calls }, after.calls);
    assert.equal(delta.unchanged, 1);
    assert.deepEqual(delta.changed.map((c) => [c.before.line, c.after.line, c.changes]), [[20, 24, ['model gpt-4o → gpt-4o-mini']]]);
    assert.deepEqual(delta.added.map((a) => `${a.file}:${a.line}`), ['c.py:1']);
    assert.deepEqual(delta.removed.map((r) => `${r.file}:${r.line}`), ['b.py:5']);
    assert.equal(delta.totals.perCall.energyWh.before, 4);
    assert.equal(delta.totals.perCall.energyWh.after, 2.1);
    assert.equal(delta.totals.perDay.energyWh.delta, 0);
    assert.equal(delta.totals.calls.delta, 0);
  });
});
