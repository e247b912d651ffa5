// Entry point that VS Code's extension host loads through --extensionTestsPath (desktop) or the `payload`
// URL parameter (code-server): runs every compiled *.test.js under this folder with mocha and reports the
// counts to the runner in a JSON file (LLM_FOOTPRINT_TEST_RESULT), because only an exit code crosses back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function writeResult(result: { passed: number; failed: number; pending: number; failures: string[] }): void {
  const file = process.env.LLM_FOOTPRINT_TEST_RESULT ?? path.resolve(__dirname, '..', 'result.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
}

export async function run(): Promise<void> {
  const grep = process.env.LLM_FOOTPRINT_GREP;
  // No colours: the output travels through the workbench's console forwarding, not a terminal.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of findTests(__dirname)) mocha.addFile(file);
  const failures: string[] = [];
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats;
        const passed = stats?.passes ?? 0;
        const failed = stats?.failures ?? failures.length;
        writeResult({ passed, failed, pending: stats?.pending ?? 0, failures });
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
      runner.on('fail', (test) => failures.push(test.fullTitle()));
    } catch (e) {
      writeResult({ passed: 0, failed: 1, pending: 0, failures: [`suite crashed: ${String(e)}`] });
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
