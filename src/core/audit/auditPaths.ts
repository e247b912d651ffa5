import * as fs from 'node:fs';
import * as os from 'node:os';
import { assetPath } from '../assets';
import type { CancellationLike } from '../types';
import { aggregateBy, byFileKey, byModelKey, byProviderKey, computeTotals } from './aggregate';
import type { FileJob, FileOutcome } from './analyzeFile';
import { AuditPipeline } from './auditPipeline';
import { runInProcess } from './pool';
import type {
  AuditedCall, AuditedFile, AuditOptions, AuditProgress, AuditResult, AuditRoot, ProgressListener, SkippedFile,
} from './types';
import { walkRoots } from './walk';

// The audit runner: walk → read and prefilter → detect (in worker threads when the tree is big enough to repay their
// start-up; auditPipeline.ts) → estimate → aggregate. Cancelling returns what was analysed so far, flagged `cancelled`.

/** Below this many files, starting workers (each loads the parser and its WASM) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const PROGRESS_EVERY = 50;
const MAX_AUTO_WORKERS = 2;

export async function auditPaths(
  roots: readonly AuditRoot[], options: AuditOptions, token?: CancellationLike, onProgress?: ProgressListener,
): Promise<AuditResult> {
  const started = Date.now();
  const jobs: Array<FileJob & { file: string }> = [];
  const skipped: SkippedFile[] = [];
  const progress: AuditProgress = { found: 0, done: 0, calls: 0 };
  const report = (): void => onProgress?.({ ...progress });

  const outcomes: Array<FileOutcome | undefined> = [];
  const sink = (index: number, outcome: FileOutcome): void => {
    outcomes[index] = outcome;
    progress.done += 1;
    if (outcome.kind === 'analysis') progress.calls += outcome.analysis.calls.length;
    if (progress.done % PROGRESS_EVERY === 0 || progress.done === progress.total) report();
  };

  // Workers start as soon as the tree is known to be big enough (or at once when asked for), and detect while the
  // walk goes on; a small tree never pays for them.
  const plan = planWorkers(options);
  let pipeline: AuditPipeline | undefined;
  const startPipeline = (): void => {
    if (pipeline || !plan.script || token?.isCancellationRequested) return;
    pipeline = new AuditPipeline(jobs, {
      workers: plan.count, workerScript: plan.script, settings: options.settings, maxBytes: options.maxFileBytes,
      logger: options.logger, skipTokenCounting: options.skipTokenCounting,
    }, sink, token);
    for (let i = 0; i < jobs.length; i++) pipeline.add(i);
  };
  if (plan.count > 0 && plan.forced) startPipeline();

  await walkRoots(roots, options, token, (entry) => {
    if (entry.kind === 'skipped') {
      skipped.push({ file: entry.file, reason: entry.reason });
      return;
    }
    jobs.push({ absPath: entry.absPath, language: entry.language, file: entry.file });
    progress.found = jobs.length;
    if (pipeline) pipeline.add(jobs.length - 1);
    else if (plan.count > 0 && jobs.length >= MIN_FILES_FOR_WORKERS) startPipeline();
    if (jobs.length % PROGRESS_EVERY === 0) report();
  });
  progress.total = jobs.length;
  report();

  let workersUsed = 0;
  if (pipeline) {
    workersUsed = pipeline.workers;
    await pipeline.finish();
  } else if (!token?.isCancellationRequested) {
    await runInProcess(jobs, options.settings, options.maxFileBytes, sink, token, options.logger, options.skipTokenCounting);
  }

  const files: AuditedFile[] = [];
  const calls: AuditedCall[] = [];
  jobs.forEach((job, index) => {
    const outcome = outcomes[index];
    if (!outcome) return;
    if (outcome.kind === 'skipped') {
      if (outcome.reason !== 'cancelled') skipped.push({ file: job.file, reason: outcome.reason });
      return;
    }
    const { analysis } = outcome;
    files.push({ file: job.file, absPath: job.absPath, language: job.language, calls: analysis.calls.length, notes: analysis.notes });
    for (const call of analysis.calls) calls.push({ file: job.file, absPath: job.absPath, analysis: call });
  });

  return assembleResult({
    roots, files, calls, skipped, cancelled: token?.isCancellationRequested === true, region: options.settings.region,
    defaultCallsPerDay: options.settings.defaultCallsPerDay, durationMs: Date.now() - started, workers: workersUsed,
  });
}

export type ResultParts = Pick<AuditResult, 'files' | 'calls' | 'skipped' | 'cancelled' | 'region' | 'defaultCallsPerDay'>
  & Partial<Pick<AuditResult, 'durationMs' | 'workers'>> & { roots: readonly AuditRoot[] };

/** Totals and groupings from the per-file parts (also used by tests and the extension's multi-root merge). */
export function assembleResult(parts: ResultParts): AuditResult {
  const { calls, files, skipped } = parts;
  return {
    roots: [...parts.roots],
    files,
    calls,
    skipped,
    totals: computeTotals(calls, files.length, files.filter((f) => f.calls > 0).length, skipped.length),
    byFile: aggregateBy(calls, byFileKey),
    byModel: aggregateBy(calls, byModelKey),
    byProvider: aggregateBy(calls, byProviderKey),
    cancelled: parts.cancelled,
    region: parts.region,
    defaultCallsPerDay: parts.defaultCallsPerDay,
    durationMs: parts.durationMs ?? 0,
    workers: parts.workers ?? 0,
  };
}

/** How many workers to use: `workers` if given (0 = none), else up to MAX_AUTO_WORKERS once the tree is big enough. */
function planWorkers(options: AuditOptions): { count: number; forced: boolean; script?: string } {
  const script = options.workerScript ?? defaultWorkerScript();
  if (!script || !fs.existsSync(script)) return { count: 0, forced: false };
  if (options.workers !== undefined) return { count: Math.max(0, Math.floor(options.workers)), forced: true, script };
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Workers only detect (parser, no tokenizer); this thread walks, prescreens, estimates and writes the report.
  // Measured on the 2-core bench tree (13k files, 1050 candidates, 3940 calls): with one worker this thread is the
  // busier one (~2.6–3.0 s CPU against the worker's ~1.9–2.1 s) and peak RSS is ~280 MB; a second worker adds
  // ~0.5–0.8 s of CPU (its own engine load and WASM compilation) for no wall-time gain on two cores (RSS ~285 MB).
  // So: one worker on ≤ 2 cores, two beyond.
  return { count: cores <= 2 ? 1 : MAX_AUTO_WORKERS, forced: false, script };
}

function defaultWorkerScript(): string | undefined {
  try {
    return assetPath('auditWorker.js');
  } catch {
    return undefined;
  }
}
