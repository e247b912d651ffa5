import { detectStage, estimateStage } from '../../src/core/analyze';
import { prescreenFile, ReadCache } from '../../src/core/audit/analyzeFile';
import { ScratchBuffer } from '../../src/core/audit/readSource';
import { collectWalk } from '../../src/core/audit/walk';
import type { DetectResult } from '../../src/core/detect';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { LanguageId } from '../../src/core/types';
import { cpuSince, emit, fail } from './probe';

// The audit's stages one after the other in one thread, each timed on its own (CPU, ms), to see where an audit's
// time goes and which thread can afford what: walk, prescreen (read + screen + marker scan + decode of candidates),
// detection of the candidates, then estimation split into its first count (loading the tokenizer) and the rest.

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: auditStages <tree>');
  let c = process.cpuUsage();
  const entries = (await collectWalk([{ path: root, base: root }])).filter((e) => e.kind === 'file');
  const walkMs = cpuSince(c);

  c = process.cpuUsage();
  const scratch = new ScratchBuffer();
  const candidates: Array<{ absPath: string; language: LanguageId; text: string }> = [];
  for (const e of entries) {
    if (e.kind !== 'file') continue;
    const screened = prescreenFile(e, undefined, scratch);
    if (screened.text !== undefined) candidates.push({ absPath: e.absPath, language: e.language, text: screened.text });
  }
  const prescreenMs = cpuSince(c);

  c = process.cpuUsage();
  const cache = new ReadCache(undefined);
  const detected: DetectResult[] = [];
  for (const f of candidates) detected.push(await detectStage(f.absPath, f.text, f.language, { readFile: (p) => cache.read(p) }));
  const detectMs = cpuSince(c);

  const estimate = async (skipTokenCounting: boolean): Promise<{ ms: number; firstMs: number; calls: number }> => {
    const c0 = process.cpuUsage();
    let firstMs = 0;
    let calls = 0;
    for (const [i, f] of candidates.entries()) {
      const r = await estimateStage(f.absPath, f.text, f.language, detected[i]!, { settings: DEFAULT_SETTINGS, skipTokenCounting });
      calls += r.calls.length;
      if (firstMs === 0 && r.calls.length > 0) firstMs = cpuSince(c0);
    }
    return { ms: cpuSince(c0), firstMs, calls };
  };
  const counted = await estimate(false);
  const uncounted = await estimate(true);
  const countedWarm = await estimate(false);
  emit({
    files: entries.length, candidates: candidates.length, candidateChars: candidates.reduce((n, f) => n + f.text.length, 0),
    walkMs, prescreenMs, detectMs, estimateMs: counted.ms, estimateFirstFileMs: counted.firstMs,
    estimateWarmMs: countedWarm.ms, estimateWithoutCountingMs: uncounted.ms, calls: counted.calls,
  });
}

main().catch(fail);
