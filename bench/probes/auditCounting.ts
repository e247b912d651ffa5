import * as path from 'node:path';
import { auditPaths } from '../../src/core/audit/auditPaths';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DIST } from '../paths';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 4, measured directly: one audit of a tree in a fresh process (as the CLI runs it: the real worker script,
// automatic worker count), with the estimation's token counting (`count`) or without it (`skip`: the bench-only
// AuditOptions.skipTokenCounting, input tokens reported as 0). Everything else is the same audit, so the difference
// between the two, run alternately by bench/run.ts, is what counting adds — loading the tokenizer included.

async function main(): Promise<void> {
  const [root, mode] = process.argv.slice(2);
  if (!root || (mode !== 'count' && mode !== 'skip')) throw new Error('usage: auditCounting <tree> count|skip');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await auditPaths([{ path: root, base: root }], {
    settings: DEFAULT_SETTINGS, workerScript: path.join(DIST, 'auditWorker.js'), skipTokenCounting: mode === 'skip',
  });
  const wallMs = elapsed(t0);
  const cpuMs = cpuSince(c0);
  const tokens = result.calls.reduce((n, c) => n + c.analysis.inputTokens.count, 0);
  emit({ mode, wallMs, cpuMs, calls: result.calls.length, tokens, workers: result.workers });
}

main().catch(fail);
