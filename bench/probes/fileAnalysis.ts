import * as fs from 'node:fs';
import { analyzeText } from '../../src/core/analyze';
import { languageFromPath } from '../../src/core/detect';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { median } from '../stats';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 6: analyzeText on one file. `cold` = the first call in a fresh process (lazy WASM loading included);
// `warm` = median of 20 calls after that first one. WebAssembly compilations are counted, so "no work at all for a
// file without SDK markers" can be checked directly: no parser and no tokenizer may be instantiated for it.

let wasmLoads = 0;
for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming'] as const) {
  const original = WebAssembly[name] as (...args: unknown[]) => unknown;
  if (typeof original !== 'function') continue;
  (WebAssembly as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    wasmLoads++;
    return original.apply(WebAssembly, args);
  };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!file || (mode !== 'cold' && mode !== 'warm')) throw new Error('usage: fileAnalysis cold|warm <file>');
  const language = languageFromPath(file);
  if (!language) throw new Error(`not a source file: ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const comment = language === 'python' ? '#' : '//';
  // Each warm run sees a slightly different text (as while typing), so no whole-text cache can answer it.
  const run = async (edit = 0): Promise<{ ms: number; cpuMs: number; calls: number }> => {
    const source = edit === 0 ? text : `${text}${comment} edit ${edit}\n`;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await analyzeText(file, source, language, { settings: DEFAULT_SETTINGS });
    return { ms: elapsed(t0), cpuMs: cpuSince(c0), calls: result.calls.length };
  };
  const first = await run();
  if (mode === 'cold') {
    emit({ coldMs: first.ms, coldCpuMs: first.cpuMs, wasmLoads, calls: first.calls, lines: text.split('\n').length - 1 });
    return;
  }
  const times: number[] = [];
  const cpu: number[] = [];
  let calls = first.calls;
  for (let i = 0; i < 20; i++) {
    const r = await run(i + 1);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    calls = r.calls;
  }
  emit({ firstMs: first.ms, wasmLoads, warmMedianMs: median(times), warmMedianCpuMs: median(cpu), warmMinMs: Math.min(...times), warmMaxMs: Math.max(...times), calls });
}

main().catch(fail);
