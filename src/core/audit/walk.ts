import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageFromPath } from '../detect';
import type { CancellationLike, LanguageId } from '../types';
import { ancestorGitignores, isIgnoredRel, makeMatcher, placeLevel, readGitignore, type PlacedLevel } from './ignoreRules';
import { isDeclarationFile, isSkippedDirName, VENV_MARKER } from './skipDirs';
import type { AuditRoot, WalkOptions } from './types';

// Paths in, files out. The walk only lists folders (no file is opened here), so it stays fast on big trees; reading,
// size/binary/minified checks and analysis happen per file afterwards, in a worker when it pays.
// Entries go to a callback rather than through an async generator: delegating `yield*` through every folder level
// costs a promise hop per level per file, which measured as most of the walk's CPU time on a 13k-file tree.
// Folders are listed with readdirSync and the walk yields to the event loop every few ms instead: on the bench tree
// (2,257 folders) fs.promises.readdir cost ~150 ms CPU against ~40 ms for the sync calls, and the audit runner reads
// files synchronously anyway (readSource.ts); a folder listing blocks for well under a millisecond.

export type WalkEntry =
  | { kind: 'file'; absPath: string; file: string; language: LanguageId }
  | { kind: 'skipped'; file: string; reason: string };

export type WalkSink = (entry: WalkEntry) => void;

/** "prefix + path relative to base", with "/" separators — the contract's `file`. */
export function relativeName(root: AuditRoot, absPath: string): string {
  const rel = path.relative(root.base, absPath).split(path.sep).join('/');
  return (root.prefix ?? '') + (rel === '' ? path.basename(absPath) : rel);
}

interface WalkState {
  root: AuditRoot;
  options: WalkOptions;
  token?: CancellationLike;
  sink: WalkSink;
  /** Reported names are `namePrefix + rel` where rel is relative to the walk root. */
  namePrefix: string;
  /** Real paths of folders already walked (loops and duplicate links are walked once). */
  seenDirs: Set<string>;
  /** Real paths of files already yielded (a file reached through two links is audited once). */
  seenFiles: Set<string>;
  configIgnore: PlacedLevel | undefined;
  /** Real paths of every folder root: a link to a file inside one is left to the walk of the real file. */
  rootReals: string[];
  /** When the walk last gave the event loop a turn. */
  lastYield: number;
}

/** The walk gives the event loop (worker messages, the prescreen, a Cancel click) a turn this often. */
const YIELD_MS = 15;

export async function walkRoots(
  roots: readonly AuditRoot[], options: WalkOptions, token: CancellationLike | undefined, sink: WalkSink,
): Promise<void> {
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const rootReals: string[] = [];
  for (const root of roots) {
    try {
      if ((await fs.promises.stat(root.path)).isDirectory()) rootReals.push(await fs.promises.realpath(root.path));
    } catch {
      // reported below
    }
  }
  for (const root of roots) {
    if (token?.isCancellationRequested) return;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(root.path);
    } catch (error) {
      sink({ kind: 'skipped', file: relativeName(root, root.path), reason: `cannot read: ${errorCode(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const relRoot = path.relative(root.base, root.path).split(path.sep).join('/');
      const state: WalkState = {
        root, options, token, sink, seenDirs, seenFiles, rootReals, lastYield: Date.now(),
        namePrefix: (root.prefix ?? '') + (relRoot && !relRoot.startsWith('..') ? `${relRoot}/` : ''),
        configIgnore: root.ignore && root.ignore.length > 0
          ? placeLevel({ dir: root.base, matcher: makeMatcher(root.ignore) }, root.path) : undefined,
      };
      const real = await fs.promises.realpath(root.path);
      const levels = options.gitignore === false ? [] : ancestorGitignores(root.path).map((l) => placeLevel(l, root.path));
      await walkDir(state, path.normalize(root.path), '', real, levels, [real]);
    } else {
      // A file named explicitly is audited even where a walk would have skipped it — the user asked for it.
      const language = languageFromPath(root.path);
      if (!language) {
        sink({ kind: 'skipped', file: relativeName(root, root.path), reason: 'not a supported language' });
        continue;
      }
      const real = await fs.promises.realpath(root.path);
      if (seenFiles.has(real)) continue;
      seenFiles.add(real);
      sink({ kind: 'file', absPath: root.path, file: relativeName(root, root.path), language });
    }
  }
}

/** The whole walk as an array (tests, small trees). */
export async function collectWalk(roots: readonly AuditRoot[], options: WalkOptions = {}, token?: CancellationLike): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  await walkRoots(roots, options, token, (e) => entries.push(e));
  return entries;
}

async function walkDir(
  state: WalkState, dir: string, rel: string, realDir: string, parentLevels: PlacedLevel[], ancestors: string[],
): Promise<void> {
  if (state.token?.isCancellationRequested) return;
  if (state.seenDirs.has(realDir)) return;
  state.seenDirs.add(realDir);
  const name = (childRel: string) => state.namePrefix + childRel;

  if (Date.now() - state.lastYield > YIELD_MS) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    state.lastYield = Date.now();
    if (state.token?.isCancellationRequested) return;
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    state.sink({ kind: 'skipped', file: name(rel) + '/', reason: `cannot read folder: ${errorCode(error)}` });
    return;
  }
  if (ancestors.length > 1 && entries.some((e) => e.name === VENV_MARKER)) return;

  let levels = parentLevels;
  if (state.options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
    const level = readGitignore(dir);
    if (level) levels = [...parentLevels, { matcher: level.matcher, below: rel, prefix: '' }];
  }
  const ruleSets = state.configIgnore ? [...levels, state.configIgnore] : levels;

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (state.token?.isCancellationRequested) return;
    // path.join(dir, name) without its normalization pass (measured: the walk's largest line, ~70 ms on the bench
    // tree): `dir` is normalized already and a folder entry's name holds no separator.
    const absPath = childPath(dir, entry.name);
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let realPath = childPath(realDir, entry.name);

    if (entry.isSymbolicLink()) {
      try {
        realPath = fs.realpathSync.native(absPath);
        const target = fs.statSync(realPath);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = errorCode(error);
        // ELOOP: a chain of links that points back into itself (a → b → a), which realpath refuses to resolve.
        const reason = code === 'ELOOP' ? 'symlink loop' : `broken symlink: ${code}`;
        if (code === 'ELOOP' || languageFromPath(entry.name)) state.sink({ kind: 'skipped', file: name(childRel), reason });
        continue;
      }
      if (isDir && ancestors.includes(realPath)) {
        state.sink({ kind: 'skipped', file: name(childRel) + '/', reason: 'symlink loop (points to a parent folder)' });
        continue;
      }
      // A link to a file that a walk reaches anyway: audit the real file once, under its real name.
      if (isFile && state.rootReals.some((r) => realPath.startsWith(r + path.sep))) continue;
    }

    if (isDir) {
      if (isSkippedDirName(entry.name)) continue;
      if (ruleSets.length > 0 && isIgnoredRel(ruleSets, childRel, true)) continue;
      ancestors.push(realPath);
      await walkDir(state, absPath, childRel, realPath, levels, ancestors);
      ancestors.pop();
    } else if (isFile) {
      const language = languageFromPath(entry.name);
      if (!language || isDeclarationFile(entry.name)) continue;
      if (ruleSets.length > 0 && isIgnoredRel(ruleSets, childRel, false)) continue;
      if (state.seenFiles.has(realPath)) continue;
      state.seenFiles.add(realPath);
      state.sink({ kind: 'file', absPath, file: name(childRel), language });
    }
  }
}

function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
