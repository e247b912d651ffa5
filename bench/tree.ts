import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeclarationFile, isMinifiedName, isSkippedDirName } from '../src/core/audit/skipDirs';
import { CORPUS, REPO_ROOT, TREE } from './paths';

// The speed benchmark's input: ≥ 100 MB of real Python and JS/TS source copied from what is installed on the
// machine (the Python standard library and site-packages, the repo's node_modules), with copies of the detection
// corpus sprinkled in so the audit has real calls to find. Built once and reused (bench/tree is gitignored).
//
// Only files the audit would read are copied — no .d.ts, no *.min.js, nothing over 2 MB, and folder names the walker
// always skips (dist, build, vendor, node_modules …) are renamed — so ripgrep and the audit see exactly the same set.

export const TARGET_BYTES = 105 * 1024 * 1024;
const CORPUS_COPIES = 20;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const SOURCE_EXT = /\.(py|js|mjs|cjs|ts|mts|cts|tsx|jsx)$/i;
const MANIFEST = path.join(TREE, '.git', 'bench-manifest.json');

export interface TreeInfo {
  root: string;
  bytes: number;
  files: number;
  pythonFiles: number;
  jsFiles: number;
  corpusCopies: number;
  /** Calls the sprinkled corpus copies hold (the audit may find more in the copied real sources). */
  corpusCalls: number;
  sources: string[];
  built: boolean;
  buildSeconds: number;
}

function pythonLibDirs(): string[] {
  const preferred = '/root/.pyenv/versions/3.11.7/lib/python3.11';
  let stdlib = preferred;
  if (!fs.existsSync(preferred)) {
    const r = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
    stdlib = r.status === 0 ? r.stdout.trim() : '';
  }
  if (!stdlib || !fs.existsSync(stdlib)) return [];
  const site = path.join(stdlib, 'site-packages');
  return fs.existsSync(site) ? [stdlib, site] : [stdlib];
}

interface Candidate {
  abs: string;
  /** Path inside the tree, '/'-free of skipped folder names. */
  rel: string;
  size: number;
}

function collect(root: string, prefix: string, skipDir: (abs: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipDir(abs)) stack.push(abs);
      } else if (e.isFile() && SOURCE_EXT.test(e.name) && !isDeclarationFile(e.name) && !isMinifiedName(e.name)) {
        const size = fs.statSync(abs).size;
        if (size === 0 || size > MAX_FILE_BYTES) continue;
        // Hidden names: ripgrep skips them by default and the walker does not, so none are copied as such.
        const segments = path.relative(root, abs).split(path.sep)
          .map((s, i, all) => ((i < all.length - 1 && isSkippedDirName(s)) || s.startsWith('.') ? `x_${s.replace(/^\./, '')}` : s));
        out.push({ abs, rel: path.join(prefix, ...segments), size });
      }
    }
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

function copyCorpus(destination: string): number {
  let calls = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.expect.json')) {
        calls += (JSON.parse(fs.readFileSync(abs, 'utf8')) as { calls: unknown[] }).calls.length;
      } else if (SOURCE_EXT.test(e.name)) {
        const to = path.join(destination, path.relative(CORPUS, abs));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(abs, to);
      }
    }
  };
  walk(CORPUS);
  return calls;
}

export function ensureTree(log: (line: string) => void): TreeInfo {
  const sources = [...pythonLibDirs(), path.join(REPO_ROOT, 'node_modules')];
  if (fs.existsSync(MANIFEST)) {
    const info = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as TreeInfo;
    if (info.bytes >= 100 * 1024 * 1024) return { ...info, built: false };
  }
  const started = Date.now();
  fs.rmSync(TREE, { recursive: true, force: true });
  // The repo's .gitignore lists bench/tree/; the audit (like git) honours ancestor .gitignore files up to the
  // repository root. A .git folder here makes the tree its own root, so neither tool inherits that rule.
  fs.mkdirSync(path.join(TREE, '.git'), { recursive: true });

  const nodeModules = path.join(REPO_ROOT, 'node_modules');
  const python = pythonLibDirs().flatMap((dir, i) =>
    collect(dir, path.join('py', i === 0 ? 'stdlib' : 'site'), (abs) => abs === path.join(dir, 'site-packages')));
  const js = collect(nodeModules, 'js', () => false);
  log(`tree: ${python.length} Python and ${js.length} JS/TS candidate files`);

  // Alternate languages so both are well represented, and repeat into copyN/ folders if the sources run out.
  let bytes = 0;
  let files = 0;
  let pythonFiles = 0;
  let jsFiles = 0;
  const dirs: string[] = [];
  for (let round = 0; bytes < TARGET_BYTES; round++) {
    if (python.length + js.length === 0) throw new Error('no source files to copy');
    const prefix = round === 0 ? '' : `copy${round}`;
    for (let i = 0; bytes < TARGET_BYTES && (i < python.length || i < js.length); i++) {
      for (const [list, isPython] of [[python, true], [js, false]] as const) {
        const c = list[i];
        if (!c || bytes >= TARGET_BYTES) continue;
        const to = path.join(TREE, prefix, c.rel);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(c.abs, to);
        bytes += c.size;
        files++;
        if (isPython) pythonFiles++;
        else jsFiles++;
        if (files % 400 === 0) dirs.push(path.dirname(to));
      }
    }
  }

  let corpusCalls = 0;
  const step = Math.max(1, Math.floor(dirs.length / CORPUS_COPIES));
  let copies = 0;
  for (let i = 0; i < dirs.length && copies < CORPUS_COPIES; i += step) {
    corpusCalls += copyCorpus(path.join(dirs[i]!, `llm_app_${copies}`));
    copies++;
  }
  const info: TreeInfo = {
    root: path.relative(REPO_ROOT, TREE), bytes, files, pythonFiles, jsFiles, corpusCopies: copies, corpusCalls,
    sources, built: true, buildSeconds: (Date.now() - started) / 1000,
  };
  fs.writeFileSync(MANIFEST, JSON.stringify(info, null, 2));
  return info;
}
