import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSource, readSourceSync } from '../../src/core/audit/readSource';
import { collectWalk } from '../../src/core/audit/walk';
import { detectCalls, hasSdkMarkers, languageFromPath } from '../../src/core/detect';
import { CompiledTable, detectInFile } from '../../src/core/detect/detectFile';
import { FileIndex } from '../../src/core/detect/fileIndex';
import { grammarFor } from '../../src/core/detect/languages';
import { getParser } from '../../src/core/detect/parsers';
import { JS_SDKS } from '../../src/core/detect/sdkJavaScript';
import { PYTHON_SDKS } from '../../src/core/detect/sdkPython';
import type { LanguageId } from '../../src/core/types';
import { median } from '../stats';
import { cpuSince, elapsed, emit, fail } from './probe';

// Detection alone (no tokens, no footprint, no advice), one thread:
//   tree <root> [--passes N] [--dump out.jsonl] [--phases] [--all]
//     walk → read → hasSdkMarkers → detectCalls for every candidate, as one audit worker does. Reading and the
//     prefilter happen before the clock starts; the timed loop is detection only (process CPU, so V8's background
//     WASM tier-up compiles are counted too). --phases replays the engine's stages by hand for a split:
//     parse / index (FileIndex: the query pass) / resolve (detectInFile).
//     --all skips the prefilter (every readable source file is a candidate: detectCalls' own checks decide).
//     --dump writes every file's DetectedCall[] and notes (JSON lines, sorted by path) to compare before/after.
//   file <path>
//     the editor's case: the first detectCalls in the process (cold), then the median of 20 warm runs, each on a
//     slightly edited text (a comment line appended) under the same document key, as typing would.
// Run with `node --cpu-prof out/bench/probes/detectSpeed.js …` to see where the time goes.

interface Candidate { absPath: string; language: LanguageId; text: string }

async function candidates(root: string, all: boolean): Promise<{ files: number; list: Candidate[] }> {
  const list: Candidate[] = [];
  let files = 0;
  for (const entry of await collectWalk([{ path: root, base: root }])) {
    if (entry.kind !== 'file') continue;
    files++;
    const source = readSource(entry.absPath);
    if (!source.ok || (!all && !hasSdkMarkers(source.text))) continue;
    list.push({ absPath: entry.absPath, language: entry.language, text: source.text });
  }
  list.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
  return { files, list };
}

/** The audit's readFile port: other workspace files, read once per run. */
function fileReader(): (p: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (p) => {
    if (!cache.has(p)) cache.set(p, readSourceSync(p));
    return cache.get(p);
  };
}

async function tree(root: string, passes: number, dump: string | undefined, phases: boolean, all: boolean): Promise<void> {
  const { files, list } = await candidates(root, all);
  const bytes = list.reduce((n, c) => n + c.text.length, 0);
  const runs: { ms: number; cpuMs: number; calls: number }[] = [];
  let out: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const readFile = fileReader();
    out = [];
    let calls = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const c of list) {
      const r = await detectCalls(c.text, c.language, { file: c.absPath, readFile });
      calls += r.calls.length;
      if (dump) out.push(JSON.stringify({ file: path.relative(root, c.absPath), calls: r.calls, notes: r.notes }));
    }
    runs.push({ ms: elapsed(t0), cpuMs: cpuSince(c0), calls });
  }
  if (dump) fs.writeFileSync(dump, `${out.join('\n')}\n`);
  const result: Record<string, unknown> = { files, candidates: list.length, chars: bytes, runs };
  if (phases) result.phases = await phaseSplit(list);
  emit(result);
}

/** detectCalls' stages, timed one by one (the engine itself carries no clocks). */
async function phaseSplit(list: Candidate[]): Promise<Record<string, number>> {
  const tables = { python: new CompiledTable(PYTHON_SDKS), js: new CompiledTable(JS_SDKS) };
  const t = { parse: 0, index: 0, resolve: 0, free: 0, total: 0 };
  const readFile = fileReader();
  const t0 = performance.now();
  for (const c of list) {
    const grammar = grammarFor(c.language);
    const parser = await getParser(grammar);
    const a = performance.now();
    const tree = parser.parse(c.text);
    const b = performance.now();
    t.parse += b - a;
    if (!tree) continue;
    const table = c.language === 'python' ? tables.python : tables.js;
    const index = new FileIndex(c.text, grammar, tree, (seg) => table.lastSegments.has(seg));
    const d = performance.now();
    t.index += d - b;
    if (index.calls.length) detectInFile(index, c.language, table, { file: c.absPath, readFile });
    const e = performance.now();
    t.resolve += e - d;
    tree.delete();
    t.free += performance.now() - e;
  }
  t.total = elapsed(t0);
  return t;
}

async function file(target: string): Promise<void> {
  const language = languageFromPath(target);
  if (!language) throw new Error(`not a source file: ${target}`);
  const text = fs.readFileSync(target, 'utf8');
  const comment = language === 'python' ? '#' : '//';
  const readFile = fileReader();
  const run = async (edit: number): Promise<{ ms: number; cpuMs: number; calls: number }> => {
    const source = edit === 0 ? text : `${text}${comment} edit ${edit}\n`;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await detectCalls(source, language, { file: target, readFile });
    return { ms: elapsed(t0), cpuMs: cpuSince(c0), calls: r.calls.length };
  };
  const cold = await run(0);
  const times: number[] = [];
  const cpu: number[] = [];
  let calls = 0;
  for (let i = 1; i <= 20; i++) {
    const r = await run(i);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    calls = r.calls;
  }
  emit({ coldMs: cold.ms, coldCpuMs: cold.cpuMs, warmMedianMs: median(times), warmMedianCpuMs: median(cpu), warmMinMs: Math.min(...times), calls });
}

async function main(): Promise<void> {
  const [mode, target, ...rest] = process.argv.slice(2);
  if (!target || (mode !== 'tree' && mode !== 'file')) {
    throw new Error('usage: detectSpeed tree <root> [--passes N] [--dump out.jsonl] [--phases] | file <path>');
  }
  if (mode === 'file') return file(target);
  const flag = (name: string): string | undefined => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
  return tree(path.resolve(target), Number(flag('--passes') ?? 1), flag('--dump'), rest.includes('--phases'), rest.includes('--all'));
}

main().catch(fail);
