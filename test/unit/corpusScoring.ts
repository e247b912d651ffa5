import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, languageFromPath } from '../../src/core/detect';
import type { ApiKind, DetectedCall, LanguageId, Provider } from '../../src/core/types';

// Shared by the detection quality gates (detectCorpus.test.ts, detectHoldout.test.ts): both read a folder of
// hand-written source files, each with its expectations beside it in `<file>.expect.json`, run detectCalls on every
// file and score the result. Calls are matched by file + 1-based start line; everything the engine reports that no
// expectation claims is a false positive (and is called out when it lands on a declared trap). The gates themselves
// (thresholds, shape promises) stay in the test files.

// Exhaustive over the contract's unions: adding a Provider or ApiKind to types.ts without updating these fails tsc.
const PROVIDERS: Record<Provider, true> = {
  openai: true, 'azure-openai': true, anthropic: true, google: true, mistral: true, cohere: true, bedrock: true,
  ollama: true, deepseek: true, groq: true, together: true, unknown: true,
};
const APIS: Record<ApiKind, true> = {
  chat: true, completion: true, responses: true, embeddings: true, image: true, audio: true, other: true,
};

export interface ExpectedCall {
  line: number;
  provider: Provider;
  api: ApiKind;
  model: string | null;
  /** Which SDK shape the call exercises, for the per-SDK table. */
  sdk: string;
}

export interface Trap {
  line: number;
  why: string;
}

export interface FixtureFile {
  /** Relative to the fixture root, '/' separators. */
  rel: string;
  abs: string;
  language: LanguageId;
  text: string;
  calls: ExpectedCall[];
  traps: Trap[];
}

export interface Match {
  file: FixtureFile;
  expected: ExpectedCall;
  found: DetectedCall | undefined;
}

export interface FalsePositive {
  file: FixtureFile;
  found: DetectedCall;
  trap: Trap | undefined;
}

export interface Score {
  matches: Match[];
  falsePositives: FalsePositive[];
  /** Every call the engine reported, matched or not: the precision denominator. */
  detected: number;
  errors: string[];
}

export interface Tally {
  expected: number;
  found: number;
  provider: number;
  api: number;
  knowable: number;
  model: number;
}

export const isPython = (f: FixtureFile): boolean => f.language === 'python';

const lineOf = (c: DetectedCall): number => c.range.start.line + 1;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Every source file under `root` (sorted), with the expectations of its `<file>.expect.json` if there is one. */
export function loadFixtures(root: string): FixtureFile[] {
  const files: FixtureFile[] = [];
  for (const abs of walk(root).sort()) {
    const language = languageFromPath(abs);
    if (!language) continue; // README, .expect.json, .gitattributes
    const expectPath = `${abs}.expect.json`;
    const expectations = fs.existsSync(expectPath)
      ? (JSON.parse(fs.readFileSync(expectPath, 'utf8')) as { calls?: ExpectedCall[]; traps?: Trap[] })
      : {};
    files.push({
      rel: path.relative(root, abs).split(path.sep).join('/'),
      abs,
      language,
      // Raw bytes as UTF-8, BOM and CRLF included: the engine has to cope with what the CLI reads from disk.
      text: fs.readFileSync(abs, 'utf8'),
      calls: expectations.calls ?? [],
      traps: expectations.traps ?? [],
    });
  }
  return files;
}

/**
 * Asserts every expectation is well formed and points at real code: known provider/api, a non-empty model or null,
 * an SDK label, a non-blank line inside the file (CRLF-aware), no line both a call and a trap, every trap explained.
 */
export function assertWellFormed(files: FixtureFile[]): void {
  for (const f of files) {
    const lines = f.text.split(/\r?\n/);
    const seen = new Set<number>();
    for (const c of f.calls) {
      assert.ok(PROVIDERS[c.provider], `${f.rel}:${c.line} provider '${c.provider}'`);
      assert.ok(APIS[c.api], `${f.rel}:${c.line} api '${c.api}'`);
      assert.ok(c.model === null || (typeof c.model === 'string' && c.model.length > 0), `${f.rel}:${c.line} model`);
      assert.ok(typeof c.sdk === 'string' && c.sdk.length > 0, `${f.rel}:${c.line} sdk`);
      assert.ok((lines[c.line - 1] ?? '').trim().length > 0, `${f.rel}:${c.line} is blank or beyond the end`);
      seen.add(c.line);
    }
    for (const t of f.traps) {
      assert.ok((lines[t.line - 1] ?? '').trim().length > 0, `${f.rel}:${t.line} trap is blank or beyond the end`);
      assert.ok(!seen.has(t.line), `${f.rel}:${t.line} is both a call and a trap`);
      assert.ok(typeof t.why === 'string' && t.why.length > 0, `${f.rel}:${t.line} trap without a reason`);
    }
  }
}

/** One-to-one matching per file and line; among several calls on a line, the same provider is preferred. */
function matchFile(file: FixtureFile, found: DetectedCall[]): { matches: Match[]; falsePositives: FalsePositive[] } {
  const unclaimed = [...found];
  const matches: Match[] = [];
  for (const expected of file.calls) {
    const onLine = unclaimed.filter((c) => lineOf(c) === expected.line);
    const best = onLine.find((c) => c.provider === expected.provider) ?? onLine[0];
    if (best) unclaimed.splice(unclaimed.indexOf(best), 1);
    matches.push({ file, expected, found: best });
  }
  const falsePositives = unclaimed.map((c) => ({ file, found: c, trap: file.traps.find((t) => t.line === lineOf(c)) }));
  return { matches, falsePositives };
}

/** Runs detectCalls on every file (as the CLI would, with a disk reader for imports) and matches the results. */
export async function scoreFixtures(files: FixtureFile[]): Promise<Score> {
  const score: Score = { matches: [], falsePositives: [], detected: 0, errors: [] };
  const readFile = (p: string): string | undefined => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const file of files) {
    let found: DetectedCall[] = [];
    try {
      found = (await detectCalls(file.text, file.language, { file: file.abs, readFile })).calls;
    } catch (error) {
      // The engine must never throw for bad input; record it and score the file as empty.
      score.errors.push(`${file.rel}: detectCalls threw ${String(error)}`);
    }
    score.detected += found.length;
    const r = matchFile(file, found);
    score.matches.push(...r.matches);
    score.falsePositives.push(...r.falsePositives);
  }
  return score;
}

/** n / d, counting an empty denominator as a perfect score (nothing to find, nothing wrong). */
export const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
const pct = (n: number, d: number): string => (d === 0 ? '     –' : `${(100 * n / d).toFixed(1).padStart(5)}%`);

export function tally(matches: Match[]): Tally {
  const t: Tally = { expected: 0, found: 0, provider: 0, api: 0, knowable: 0, model: 0 };
  for (const m of matches) {
    t.expected++;
    if (m.expected.model !== null) t.knowable++;
    if (!m.found) continue;
    t.found++;
    if (m.found.provider === m.expected.provider) t.provider++;
    if (m.found.api === m.expected.api) t.api++;
    if (m.expected.model !== null && m.found.model === m.expected.model) t.model++;
  }
  return t;
}

/** The per-SDK / per-language table, the totals line, then every guess, miss, false positive, wrong value and error. */
export function report(score: Score): string {
  const out: string[] = [];
  const row = (name: string, t: Tally, fp: number | null): string =>
    `${name.padEnd(20)} ${String(t.expected).padStart(5)} ${String(t.found).padStart(5)} ${pct(t.found, t.expected)}` +
    ` ${(fp === null ? '–' : String(fp)).padStart(4)} ${pct(t.provider, t.found)} ${pct(t.api, t.found)} ${pct(t.model, t.knowable)}` +
    ` (${t.model}/${t.knowable})`;
  out.push(`${'sdk'.padEnd(20)} ${'calls'.padStart(5)} ${'found'.padStart(5)} ${'recall'.padStart(6)} ${'FP'.padStart(4)}` +
    ` ${'prov'.padStart(6)} ${'api'.padStart(6)} ${'model'.padStart(6)}`);
  // False positives have no expected SDK, so they are only counted per language and in total.
  const sdks = [...new Set(score.matches.map((m) => m.expected.sdk))].sort();
  for (const sdk of sdks) out.push(row(sdk, tally(score.matches.filter((m) => m.expected.sdk === sdk)), null));
  out.push(row('python', tally(score.matches.filter((m) => isPython(m.file))),
    score.falsePositives.filter((f) => isPython(f.file)).length));
  out.push(row('js/ts', tally(score.matches.filter((m) => !isPython(m.file))),
    score.falsePositives.filter((f) => !isPython(f.file)).length));
  const total = tally(score.matches);
  out.push(row('TOTAL', total, score.falsePositives.length));
  out.push(`recall ${pct(total.found, total.expected)}  precision ${pct(total.found, score.detected)}` +
    `  provider ${pct(total.provider, total.found)}  api ${pct(total.api, total.found)}` +
    `  model ${pct(total.model, total.knowable)} of statically knowable`);

  const invented = score.matches.filter((m) => m.found && m.expected.model === null && m.found.model !== null);
  if (invented.length) out.push(`calls with an unknowable model that got one anyway: ${invented.length}`);
  const where = (f: FixtureFile, line: number): string => `${f.rel}:${line}`;
  for (const m of invented) {
    out.push(`GUESS ${where(m.file, m.expected.line)}  unknowable model reported as ${m.found?.model ?? ''}`);
  }
  for (const m of score.matches.filter((x) => !x.found)) {
    const e = m.expected;
    out.push(`MISS  ${where(m.file, e.line)}  ${e.sdk} ${e.provider}/${e.api} ${e.model ?? 'null'}`);
  }
  for (const f of score.falsePositives) {
    out.push(`FALSE ${where(f.file, lineOf(f.found))}  ${f.found.callee} → ${f.found.provider}/${f.found.api}` +
      (f.trap ? `  [trap: ${f.trap.why}]` : ''));
  }
  for (const m of score.matches) {
    if (!m.found) continue;
    const e = m.expected;
    const wrong: string[] = [];
    if (m.found.provider !== e.provider) wrong.push(`provider ${m.found.provider} ≠ ${e.provider}`);
    if (m.found.api !== e.api) wrong.push(`api ${m.found.api} ≠ ${e.api}`);
    if (e.model !== null && m.found.model !== e.model) wrong.push(`model ${m.found.model ?? 'null'} ≠ ${e.model}`);
    if (wrong.length) out.push(`WRONG ${where(m.file, e.line)}  ${wrong.join(', ')}`);
  }
  out.push(...score.errors.map((e) => `ERROR ${e}`));
  return out.join('\n');
}
