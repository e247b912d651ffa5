// npm test (and .ci/run): build once, then unit tests (mocha, plain Node), integration tests (inside a real
// VS Code) and lint; prints each stage's own output and ends with ONE line `N passed, N failed` summing
// the tests. A stage that crashed or reported no counts is counted as one failure, never as 0/0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'llm-footprint-test-'));
const npx = (bin) => path.join(ROOT, 'node_modules', '.bin', bin);
const totals = { passed: 0, failed: 0, pending: 0 };
const notes = [];

function banner(title) {
  console.log(`\n━━━ ${title} ━━━`);
}

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: r.status ?? 1, seconds: Math.round((Date.now() - started) / 1000), error: r.error };
}

function readCounts(file) {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    if ([c.passed, c.failed].every(Number.isInteger)) return c;
  } catch { /* missing or broken: the stage crashed */ }
  return undefined;
}

/** Adds a test stage's counts; a crash (no counts) or a non-zero exit with no failed test counts as 1 failed. */
function addStage(name, status, counts, seconds) {
  if (!counts) {
    totals.failed += 1;
    notes.push(`${name}: crashed (exit ${status}) — counted as 1 failed`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.pending += counts.pending ?? 0;
  let note = `${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`;
  if (status !== 0 && counts.failed === 0) {
    totals.failed += 1;
    note += ` — but exited ${status}, counted as 1 failed`;
  }
  notes.push(note);
}

// 1. Build once: esbuild bundles (dist/) and tsc (out/). tsc emits even with type errors, so tests still
//    run, but a type error fails the run.
banner('build');
const build = run(process.execPath, ['esbuild.mjs']);
if (build.status !== 0) { totals.failed += 1; notes.push('build (esbuild): failed — counted as 1 failed'); }
const tsc = run(npx('tsc'), ['-p', '.']);
if (tsc.status !== 0) { totals.failed += 1; notes.push('type-check (tsc): errors — counted as 1 failed'); }

// 2. Unit tests: .mocharc.json picks the files; our reporter keeps spec output and writes the counts.
banner('unit tests (mocha, Node)');
const unitStats = path.join(tmp, 'unit.json');
const unit = run(npx('mocha'), ['--reporter', path.join(ROOT, 'scripts', 'mochaStatsReporter.cjs')],
  { LLM_FOOTPRINT_MOCHA_STATS: unitStats });
addStage('unit', unit.status, readCounts(unitStats), unit.seconds);

// 3. Integration tests inside VS Code (code-server offline, desktop with LLM_FOOTPRINT_VSCODE=desktop).
if (process.env.LLM_FOOTPRINT_SKIP_INTEGRATION) {
  notes.push('integration: skipped (LLM_FOOTPRINT_SKIP_INTEGRATION)');
} else {
  banner('integration tests (inside VS Code)');
  const integStats = path.join(tmp, 'integration.json');
  const integ = run(process.execPath, [path.join(ROOT, 'out', 'test', 'integration', 'runTests.js')],
    { LLM_FOOTPRINT_TEST_RESULT: integStats });
  addStage('integration', integ.status, readCounts(integStats), integ.seconds);
}

// 4. Lint (architecture rule: no `vscode` in src/core or src/cli; no floating promises).
banner('lint (eslint)');
const lint = run(npx('eslint'), ['.']);
if (lint.status !== 0) { totals.failed += 1; notes.push('lint: problems — counted as 1 failed'); }
else notes.push(`lint: clean (${lint.seconds} s)`);

rmSync(tmp, { recursive: true, force: true });
banner('summary');
for (const n of notes) console.log(`  ${n}`);
const skipped = totals.pending ? `, ${totals.pending} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
