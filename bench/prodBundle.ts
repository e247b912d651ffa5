import * as esbuild from 'esbuild';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

// The .vsix ships the extension built with `esbuild.mjs --production` (minified), which parses faster than the
// development bundle in dist/. Activation is measured on both; this builds the production bundles the extension is
// made of — extension.js, the engine it requires on first use and the tokenizer thread — into a temp folder with
// the options esbuild.mjs uses (same alias for web-tree-sitter, vscode external).
export async function buildProductionExtension(): Promise<string> {
  const outdir = path.join(os.tmpdir(), 'llm-footprint-bench-prod');
  await esbuild.build({
    entryPoints: {
      extension: path.join(REPO_ROOT, 'src', 'extension', 'extension.ts'),
      engine: path.join(REPO_ROOT, 'src', 'extension', 'engine.ts'),
      tokenizerWorker: path.join(REPO_ROOT, 'src', 'core', 'tokens', 'tokenizerWorker.ts'),
    },
    bundle: true, minify: true, sourcemap: false, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode'], outdir, logLevel: 'warning',
    alias: { 'web-tree-sitter': path.join(REPO_ROOT, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs') },
  });
  return path.join(outdir, 'extension.js');
}
