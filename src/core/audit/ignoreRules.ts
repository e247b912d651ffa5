import ignore from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';

// .gitignore semantics across nested files: each file's patterns are relative to its own folder, and a deeper file
// can re-include (`!pattern`) what a shallower one excluded — git applies them from the root down, last match wins
// (https://git-scm.com/docs/gitignore#_pattern_format). `ignore` implements one file's matching; this stacks them.

export interface IgnoreLevel {
  /** Absolute folder the patterns are relative to. */
  dir: string;
  matcher: ignore.Ignore;
}

/**
 * A level placed on the walk: turns a path relative to the walk root ("/"-separated) into the path relative to the
 * level's folder by string slicing — no path.relative per file, which dominated the walk's CPU time.
 */
export interface PlacedLevel {
  matcher: ignore.Ignore;
  /** Relative path of the level's folder below the walk root ("" for the root); null when it is above the root. */
  below: string | null;
  /** For levels above the root: the root's path relative to the level's folder, with a trailing "/". */
  prefix: string;
}

export function placeLevel(level: IgnoreLevel, walkRoot: string): PlacedLevel {
  const rel = path.relative(level.dir, walkRoot).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('..')) {
    const below = path.relative(walkRoot, level.dir).split(path.sep).join('/');
    return { matcher: level.matcher, below, prefix: '' };
  }
  return { matcher: level.matcher, below: null, prefix: `${rel}/` };
}

/** `rel` is relative to the walk root, "/"-separated; levels apply root-first, the last match (ignore or `!`) wins. */
export function isIgnoredRel(levels: readonly PlacedLevel[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    let sub: string;
    if (level.below === null) sub = level.prefix + rel;
    else if (level.below === '') sub = rel;
    else if (rel.startsWith(level.below + '/')) sub = rel.slice(level.below.length + 1);
    else continue;
    const result = level.matcher.test(isDir ? `${sub}/` : sub);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

export function makeMatcher(patterns: readonly string[]): ignore.Ignore {
  return ignore({ allowRelativePaths: true }).add(patterns.map(expandBraces).flat());
}

/** `*.{js,ts}` → `*.js`, `*.ts`: VS Code globs (files.exclude) allow braces, gitignore does not. */
export function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return match[1]!.split(',').flatMap((alt) => expandBraces(before + alt + after));
}

export function readGitignore(dir: string): IgnoreLevel | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { dir, matcher: ignore({ allowRelativePaths: true }).add(text) };
  } catch {
    return undefined;
  }
}

/**
 * The .gitignore files between the repository root (the nearest ancestor holding `.git`) and `dir`, exclusive of
 * `dir` itself: auditing a subfolder must honour the repository's top-level rules too. No repository → none.
 */
export function ancestorGitignores(dir: string): IgnoreLevel[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let repoRoot: string | undefined;
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  while (current !== path.dirname(current)) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      repoRoot = current;
      break;
    }
    current = path.dirname(current);
  }
  if (!repoRoot) return [];
  return chain.map(readGitignore).filter((level): level is IgnoreLevel => level !== undefined);
}
