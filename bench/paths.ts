import * as path from 'node:path';

// Compiled to out/bench/**, run from the repository root or anywhere: every path is derived from this file.
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(REPO_ROOT, 'dist');
export const CLI = path.join(DIST, 'cli.js');
export const TREE = path.join(REPO_ROOT, 'bench', 'tree');
export const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
export const RESULTS = path.join(REPO_ROOT, 'bench', 'results.md');
export const PROBES = path.join(REPO_ROOT, 'out', 'bench', 'probes');
