import * as esbuild from 'esbuild';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

// The .vsix ships the extension built with `esbuild.mjs --production` (minified), which parses faster than the
// development bundle in dist/. Activation is measured on both; this builds the production one into a temp folder
// with the options esbuild.mjs uses (same alias for web-tree-sitter, vscode external).
export async function buildProductionExtension(): Promise<string> {
  const outfile = path.join(os.tmpdir(), 'llm-footprint-bench-prod', 'extension.js');
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'src', 'extension', 'extension.ts')],
    bundle: true, minify: true, sourcemap: false, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode'], outfile, logLevel: 'warning',
    alias: { 'web-tree-sitter': path.join(REPO_ROOT, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs') },
  });
  return outfile;
}
