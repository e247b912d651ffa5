import { auditPaths } from '../../src/core/audit/auditPaths';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { liveEncoderCount } from '../../src/core/tokens/encoders';
import { CORPUS } from '../paths';
import { emit, fail } from './probe';

// Issue 4: RSS across 20 audits of the corpus in one process (in-process analysis, no workers), after a full GC
// each time (run with --expose-gc). Encoders and parsers are meant to be created once and reused, so after the
// first round (which loads the WASM) the numbers must stay flat.

declare const gc: (() => void) | undefined;

async function main(): Promise<void> {
  const rounds: Array<{ calls: number; rss: number; heapUsed: number; external: number; ms: number; encoders: number }> = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const result = await auditPaths([{ path: CORPUS, base: CORPUS }], { settings: DEFAULT_SETTINGS, workers: 0 });
    const ms = performance.now() - t0;
    if (typeof gc === 'function') gc();
    const m = process.memoryUsage();
    rounds.push({ calls: result.calls.length, rss: m.rss, heapUsed: m.heapUsed, external: m.external, ms, encoders: liveEncoderCount() });
  }
  emit({ rounds, gc: typeof gc === 'function' });
}

main().catch(fail);
