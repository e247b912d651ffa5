// The architecture rules live in eslint.config.mjs; these tests run ESLint's Node API on probe files written
// into src/core, src/cli and src/extension to prove the rules fire where they must and only there. The probes
// are real files (the type-aware rules need the TypeScript project to see them) and are removed at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { REPO_ROOT } from './setup';

let probeCount = 0;

async function ruleIdsFor(folder: string, code: string): Promise<string[]> {
  const filePath = path.join(REPO_ROOT, folder, `__lintProbe${process.pid}_${probeCount++}.ts`);
  fs.writeFileSync(filePath, code);
  try {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const [result] = await eslint.lintFiles([filePath]);
    assert.ok(result, 'ESLint returned no result');
    const fatal = result.messages.filter((m) => m.fatal);
    assert.deepEqual(fatal, [], `ESLint could not parse the probe: ${fatal.map((m) => m.message).join('; ')}`);
    return result.messages.map((m) => m.ruleId ?? '');
  } finally {
    fs.rmSync(filePath, { force: true });
  }
}

describe('lint rules (eslint.config.mjs)', function () {
  this.timeout(120_000);

  it('forbids importing vscode in src/core', async () => {
    const ids = await ruleIdsFor('src/core', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n");
    assert.ok(ids.includes('no-restricted-imports'), `got ${JSON.stringify(ids)}`);
  });

  it('forbids even a type-only vscode import in src/cli', async () => {
    const ids = await ruleIdsFor('src/cli', "import type { Uri } from 'vscode';\nexport type U = Uri;\n");
    assert.ok(ids.includes('no-restricted-imports'), `got ${JSON.stringify(ids)}`);
  });

  it('allows vscode in src/extension', async () => {
    const ids = await ruleIdsFor('src/extension', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n");
    assert.ok(!ids.includes('no-restricted-imports'), `got ${JSON.stringify(ids)}`);
  });

  it('reports a floating promise in src (type-aware)', async () => {
    const code = 'async function save(): Promise<void> {}\nexport function onChange(): void {\n  save();\n}\n';
    const ids = await ruleIdsFor('src/core', code);
    assert.ok(ids.includes('@typescript-eslint/no-floating-promises'), `got ${JSON.stringify(ids)}`);
    const awaited = 'async function save(): Promise<void> {}\nexport async function onChange(): Promise<void> {\n  await save();\n}\n';
    assert.deepEqual(await ruleIdsFor('src/core', awaited), []);
  });
});
