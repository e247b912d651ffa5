import { readSource } from '../../src/core/audit/readSource';
import { collectWalk } from '../../src/core/audit/walk';
import { detectCalls, hasSdkMarkers } from '../../src/core/detect';
import { resolveModel } from '../../src/core/footprint';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { countInputTokens, estimateOutputTokens } from '../../src/core/tokens';
import type { DetectedCall } from '../../src/core/types';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 4, the indirect measure (the direct one is auditCounting.ts): this replays the audit's stages over the bench
// tree in one thread — walk, read, prefilter, detect — and then times the counting stage (countInputTokens +
// estimateOutputTokens for every detected call, encoders loaded lazily as in the audit) on its own.

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: tokenShare <tree>');
  const t0 = performance.now();
  const calls: DetectedCall[] = [];
  let files = 0;
  let candidates = 0;
  for (const entry of await collectWalk([{ path: root, base: root }])) {
    if (entry.kind !== 'file') continue;
    files++;
    const source = await readSource(entry.absPath);
    if (!source.ok || !hasSdkMarkers(source.text)) continue;
    candidates++;
    const detected = await detectCalls(source.text, entry.language, { file: entry.absPath });
    calls.push(...detected.calls);
  }
  const detectMs = elapsed(t0);

  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let tokens = 0;
  let firstMs = 0;
  for (const call of calls) {
    const model = resolveModel(call.model, DEFAULT_SETTINGS).model;
    tokens += (await countInputTokens(call, model, DEFAULT_SETTINGS)).count;
    estimateOutputTokens(call, model);
    // The first count of each encoding pays loading the tokenizer; keep it visible apart from the rest.
    if (firstMs === 0) firstMs = elapsed(t1);
  }
  const countMs = elapsed(t1);
  emit({ files, candidates, calls: calls.length, detectMs, countMs, countCpuMs: cpuSince(c1), firstMs, tokens });
}

main().catch(fail);
