// Runs the integration suites inside a real VS Code through @vscode/test-electron's runTests().
//   LLM_FOOTPRINT_VSCODE=code-server (default): offline — runTests() spawns scripts/vscode/testHost.mjs,
//     which drives code-server 4.100.3 in headless Chromium (../shared/TESTING-VSCODE.md).
//   LLM_FOOTPRINT_VSCODE=desktop: runTests() downloads desktop VS Code as usual (needs internet).
//   LLM_FOOTPRINT_GREP=<pattern>: only tests whose full title matches (mocha --grep), e.g. "editor".
// The suite writes its counts to LLM_FOOTPRINT_TEST_RESULT (JSON), which scripts/test.mjs sums.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '../../..');
// Per run, so helpers running suites at the same time never read each other's counts.
const DEFAULT_RESULT_FILE = path.join(os.tmpdir(), `llm-footprint-integration-${process.pid}.json`);

interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
}

function ensureCodeServer(): string {
  // The installer is an ES module shared with `npm start`; run it as its own process.
  const installer = path.join(REPO_ROOT, 'scripts', 'vscode', 'install.mjs');
  const r = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing code-server/chromium failed (see above)');
  return path.join(REPO_ROOT, 'scripts', 'vscode', 'testHost.mjs');
}

async function main(): Promise<number> {
  const mode = process.env.LLM_FOOTPRINT_VSCODE ?? 'code-server';
  if (mode !== 'code-server' && mode !== 'desktop') {
    console.error(`LLM_FOOTPRINT_VSCODE must be "code-server" or "desktop", not "${mode}"`);
    return 2;
  }
  const resultFile = path.resolve(process.env.LLM_FOOTPRINT_TEST_RESULT ?? DEFAULT_RESULT_FILE);
  rmSync(resultFile, { force: true });
  const workspace = path.join(REPO_ROOT, 'test', 'integration', 'workspace');
  const started = Date.now();
  let runError: unknown;
  try {
    await runTests({
      ...(mode === 'code-server' ? { vscodeExecutablePath: ensureCodeServer() } : {}),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // The folder to open, then: no other installed extension may interfere with ours.
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: {
        LLM_FOOTPRINT_TEST_RESULT: resultFile,
        ...(process.env.LLM_FOOTPRINT_GREP ? { LLM_FOOTPRINT_GREP: process.env.LLM_FOOTPRINT_GREP } : {}),
      },
    });
  } catch (e) {
    runError = e;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(resultFile)) {
    console.error(`integration: no result from the suite after ${seconds} s (${String(runError ?? 'no error')})`);
    return 1;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  if (!process.env.LLM_FOOTPRINT_TEST_RESULT) rmSync(resultFile, { force: true });
  console.log(`integration (${mode}, ${seconds} s): ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  return runError || result.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
