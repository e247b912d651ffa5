// Builds the bundles (extension + its lazily loaded engine and tokenizer thread, CLI + audit worker, report webview)
// and copies the WASM/data assets next to them.
// Why copy: tiktoken and web-tree-sitter find their .wasm inside node_modules during development and then fail
// once packaged (the .vsix ships no node_modules), so the core always loads them by explicit path from dist/.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = 'dist';

// The ESM build of web-tree-sitter crashes inside a CJS bundle without a warning; force the .cjs build.
const alias = { 'web-tree-sitter': path.resolve('node_modules/web-tree-sitter/tree-sitter.cjs') };

const assets = [
  ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ...['python', 'typescript', 'tsx', 'javascript'].map((l) => [
    `@vscode/tree-sitter-wasm/wasm/tree-sitter-${l}.wasm`, `tree-sitter-${l}.wasm`,
  ]),
  ['tiktoken/lite/tiktoken_bg.wasm', 'tiktoken_bg.wasm'],
];

// tiktoken's rank files are JSON ({pat_str, special_tokens, bpe_ranks}, 2.3 MB of base64 for o200k). The counter
// needs them as a hash table over the token bytes (src/core/tokens/vocabulary.ts), which took ~70 ms to build from
// the ranks at run time; so the build makes it once, with the same code, and ships `<encoding>.vocab` ready to map.
const ENCODINGS = ['o200k_base', 'cl100k_base'];

async function loadVocabularyModule() {
  const { outputFiles } = await esbuild.build({
    entryPoints: ['src/core/tokens/vocabulary.ts'], bundle: true, platform: 'node', format: 'cjs', write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

async function writeVocabularies() {
  const { Vocabulary } = await loadVocabularyModule();
  for (const encoding of ENCODINGS) {
    const source = require.resolve(`tiktoken/encoders/${encoding}.json`, { paths: [process.cwd()] });
    const { pat_str, bpe_ranks } = JSON.parse(readFileSync(source, 'utf8'));
    const vocabulary = Vocabulary.fromRanks(Buffer.from(bpe_ranks, 'latin1'));
    writeFileSync(path.join(outdir, `${encoding}.vocab`), vocabulary.serialize(pat_str));
    // What older builds shipped would otherwise stay in dist/ and in the .vsix.
    for (const old of [`${encoding}.json`, `${encoding}.ranks`]) rmSync(path.join(outdir, old), { force: true });
  }
}

function copyAssets() {
  mkdirSync(outdir, { recursive: true });
  for (const [from, to] of assets) {
    const src = from.startsWith('web-tree-sitter/')
      ? path.resolve('node_modules', from)
      : require.resolve(from.replace(/^(@[^/]+\/[^/]+|[^/@][^/]*)\//, '$1/'), { paths: [process.cwd()] });
    copyFileSync(src, path.join(outdir, to));
  }
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  alias,
};

// The extension is two bundles: extension.js holds what activation needs (the VS Code glue, settings, text of lenses
// and hovers, ~60 KB) and requires engine.js (parser, tokenizer, catalog, advice, audit) on first use, see
// src/extension/lazyEngine.ts; loading all of it at activation cost ~45 ms. tokenizerWorker.js is the thread that
// owns the editor's tiktoken encoders (src/core/tokens/workerCounter.ts).
const builds = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir, platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: { engine: 'src/extension/engine.ts' }, outdir, platform: 'node', format: 'cjs',
    target: 'node20' },
  { ...common, entryPoints: { tokenizerWorker: 'src/core/tokens/tokenizerWorker.ts' }, outdir, platform: 'node',
    format: 'cjs', target: 'node20' },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir, platform: 'node', format: 'cjs', target: 'node20',
    banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { auditWorker: 'src/core/audit/worker.ts' }, outdir, platform: 'node', format: 'cjs',
    target: 'node20' },
  { ...common, entryPoints: { report: 'src/webview/report.ts' }, outdir: path.join(outdir, 'webview'),
    platform: 'browser', format: 'iife', target: 'es2022' },
].filter((b) => Object.values(b.entryPoints).every((e) => existsSync(e)));

copyAssets();
await writeVocabularies();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
