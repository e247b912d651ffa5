import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { languageFromPath } from '../../src/core/detect/languages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { analyzeForEditor } from '../../src/extension/editorAnalysis';
import { configureEngine, disposeEngine, tokenCounter } from '../../src/extension/lazyEngine';
import { DIST } from '../paths';
import { median } from '../stats';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 6: one file analysed the way the editor does it (src/extension/editorAnalysis.ts): prefilter, then
// dist/engine.js loaded on first use, with the tokenizer thread as its token counter — exactly as activate()
// configures it. `cold` = the first analysis in a fresh process (engine load, parser and tokenizer WASM, vocabulary
// load all included; the counts are final when it returns); `warm` = median of 20 analyses after that.
// CPU is all threads (the tokenizer thread included), `mainCpuMs` the main thread's alone; `mainBusyMs` is the time the main thread — the extension
// host's only thread — was not idle, and `longestStallMs` its longest stretch without a turn of the event loop.
// WebAssembly compilations on the main thread are counted, and whether a tokenizer thread started, so "no work at
// all for a file without SDK markers" can be checked directly.

let wasmLoads = 0;
for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming'] as const) {
  const original = WebAssembly[name] as (...args: unknown[]) => unknown;
  if (typeof original !== 'function') continue;
  (WebAssembly as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    wasmLoads++;
    return original.apply(WebAssembly, args);
  };
}

/**
 * CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms), so the host-thread
 * cost can be judged apart from the tokenizer thread and from other processes on a loaded machine; null elsewhere.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The longest gap between ticks of a 1 ms timer: how long the main thread could not answer anything. */
function stallMeter(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return { stop: () => { clearInterval(timer); return Math.max(longest, performance.now() - last); } };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!file || (mode !== 'cold' && mode !== 'warm')) throw new Error('usage: fileAnalysis cold|warm <file>');
  const language = languageFromPath(file);
  if (!language) throw new Error(`not a source file: ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const comment = language === 'python' ? '#' : '//';
  configureEngine(DIST, (line) => process.stderr.write(`${line}\n`));
  // Start measuring from a running event loop, as in the editor (an open-document event).
  await new Promise<void>((resolve) => setImmediate(resolve));
  // Each warm run sees a slightly different text (as while typing), so no whole-text cache can answer it.
  const run = async (edit = 0): Promise<{
    ms: number; cpuMs: number; mainCpuMs: number | null; mainBusyMs: number; longestStallMs: number; calls: number;
  }> => {
    const source = edit === 0 ? text : `${text}${comment} edit ${edit}\n`;
    const meter = stallMeter();
    const elu = performance.eventLoopUtilization();
    const m0 = mainThreadCpuMs();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await analyzeForEditor(file, source, language, { settings: DEFAULT_SETTINGS });
    const ms = elapsed(t0);
    const cpuMs = cpuSince(c0);
    const m1 = mainThreadCpuMs();
    const mainBusyMs = performance.eventLoopUtilization(elu).active;
    const mainCpuMs = m0 === null || m1 === null ? null : m1 - m0;
    return { ms, cpuMs, mainCpuMs, mainBusyMs, longestStallMs: meter.stop(), calls: result.calls.length };
  };
  const first = await run();
  const tokenizerThread = tokenCounter()?.isRunning ?? false;
  if (mode === 'cold') {
    emit({ coldMs: first.ms, coldCpuMs: first.cpuMs, mainCpuMs: first.mainCpuMs, mainBusyMs: first.mainBusyMs, longestStallMs: first.longestStallMs,
      wasmLoads, tokenizerThread, calls: first.calls, lines: text.split('\n').length - 1 });
    disposeEngine();
    return;
  }
  const runs: Array<Awaited<ReturnType<typeof run>>> = [];
  for (let i = 0; i < 20; i++) runs.push(await run(i + 1));
  const times = runs.map((r) => r.ms);
  emit({ firstMs: first.ms, wasmLoads, tokenizerThread, warmMedianMs: median(times),
    warmMedianCpuMs: median(runs.map((r) => r.cpuMs)), warmMinMs: Math.min(...times), warmMaxMs: Math.max(...times),
    calls: runs[runs.length - 1]?.calls ?? first.calls });
  disposeEngine();
}

main().catch(fail);
