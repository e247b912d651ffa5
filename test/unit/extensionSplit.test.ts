import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { CONFIG_FILE_NAME } from '../../src/core/audit/config';
import { languageFromPath } from '../../src/core/detect';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { CONFIG_FILE_GLOB } from '../../src/extension/configFileGlob';
import { analyzeForEditor } from '../../src/extension/editorAnalysis';
import { configureEngine, disposeEngine, tokenCounter } from '../../src/extension/lazyEngine';
import { FIXTURES, REPO_ROOT } from './setup';

// The extension's analysis path without VS Code (src/extension/editorAnalysis.ts + lazyEngine.ts): the activation
// bundle loads dist/engine.js only for a file with SDK markers and counts in the tokenizer thread — and must give
// exactly what the CLI's path (analyzeText in this thread) gives. Needs `npm run build` (dist/).

const DIST = path.join(REPO_ROOT, 'dist');
const ENGINE = path.join(DIST, 'engine.js');

describe('extension: the engine loads on first use', function () {
  this.timeout(60_000);
  const logged: string[] = [];
  before(() => configureEngine(DIST, (line) => logged.push(line)));
  after(() => disposeEngine());

  it('watches the config file the core reads', () => {
    assert.equal(CONFIG_FILE_GLOB, `**/${CONFIG_FILE_NAME}`);
  });

  it('a file without SDK markers loads neither the engine nor the tokenizer thread', async () => {
    const text = 'import os\n\ndef main():\n    print(os.getcwd())\n'.repeat(200);
    const result = await analyzeForEditor('plain.py', text, 'python', { settings: DEFAULT_SETTINGS });
    assert.deepEqual(result, { file: 'plain.py', language: 'python', calls: [], notes: [] });
    assert.equal(require.cache[ENGINE], undefined, 'dist/engine.js not loaded');
    assert.equal(tokenCounter()?.isRunning, false);
  });

  it('a file without SDK markers never builds the options (checked settings and team config need the engine)', async () => {
    const text = 'import os\nprint(os.getcwd())\n';
    const result = await analyzeForEditor('plain.py', text, 'python', () => {
      throw new Error('options built for a file without SDK markers');
    });
    assert.deepEqual(result.calls, []);
    assert.equal(require.cache[ENGINE], undefined, 'dist/engine.js not loaded');
  });

  for (const fixture of ['python/anthropic_messages.py', 'python/azure_openai_client.py', 'typescript/ChatPanel.tsx']) {
    it(`${fixture}: the editor's path (engine bundle, tokenizer thread) gives exactly the CLI's result`, async () => {
      const file = path.join(FIXTURES, 'corpus', fixture);
      const text = fs.readFileSync(file, 'utf8');
      const language = languageFromPath(file);
      assert.ok(language);
      const editor = await analyzeForEditor(file, text, language, { settings: DEFAULT_SETTINGS });
      const cli = await analyzeText(file, text, language, { settings: DEFAULT_SETTINGS });
      assert.ok(editor.calls.length > 0);
      assert.deepEqual(editor, cli);
      assert.notEqual(require.cache[ENGINE], undefined, 'dist/engine.js loaded');
      assert.equal(tokenCounter()?.isRunning, true, 'counted in the tokenizer thread');
      assert.ok((tokenCounter()?.requestsSent ?? 0) > 0);
    });
  }

  it('deactivate ends the tokenizer thread', async () => {
    const counter = tokenCounter();
    assert.ok(counter);
    disposeEngine();
    assert.equal(counter.isRunning, false);
    await counter.stopped;
    assert.deepEqual(logged, [], 'no fallback to the main thread was needed');
  });
});
