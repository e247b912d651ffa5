import type { AnalysisSettings } from '../settings';
import type { CancellationLike, Logger } from '../types';
import {
  detectFile, estimateFile, prescreenFile, ReadCache, type DetectOutcome, type FileJob,
} from './analyzeFile';
import { WorkerPool, type OutcomeSink } from './pool';
import { ScratchBuffer } from './readSource';
import type { DetectJob } from './workerProtocol';

// The audit with worker threads, as three stages over candidate files:
//   prescreen (this thread): read each file once, screen, prefilter on the bytes; keep the decoded text of candidates
//   detect (worker threads): parse and resolve the candidates' calls; the text travels with the job
//   estimate (this thread): tokens, footprint, findings, with one tokenizer per encoding for the whole audit
// Estimation starts only once the prescreen has finished, so the workers are fed first; loading the tokenizer then
// blocks this thread ~0.15 s, so the workers are given extra batches just before. This thread does not detect
// (it would load the parser, and in the extension host a parse blocks the editor): measured on the bench tree
// (13k files, 1050 candidates, 2 cores, one worker), it is the busier thread anyway — ~2.5 s of CPU against the
// worker's ~2.0 s — and a version that let it take queued candidates whenever it had nothing to estimate never did.

/** The event loop gets a turn this often (the extension host runs audits on its only thread). */
const YIELD_MS = 15;
const CANCEL_POLL_MS = 25;
/** Batches each worker may hold while this thread loads the tokenizer (~0.15 s; a batch of 16 takes ~40 ms). */
const RUN_AHEAD_BATCHES = 8;
/**
 * Characters of candidate text held at once (queued for detection or awaiting estimation). Beyond it the prescreen
 * pauses and this thread estimates what the workers have detected: a bound on memory for very large trees (the
 * bench tree's 1,050 candidates hold 3.6 M characters in all).
 */
const HELD_TEXT_BUDGET = 48 * 1024 * 1024;

export interface PipelineOptions {
  workers: number;
  workerScript: string;
  settings: AnalysisSettings;
  maxBytes: number | undefined;
  logger?: Logger;
  /** Bench only: estimate without counting input tokens, to measure what counting adds. */
  skipTokenCounting?: boolean;
  /** Tests only: a smaller HELD_TEXT_BUDGET. */
  heldTextBudget?: number;
}

export class AuditPipeline {
  private readonly pool: WorkerPool;
  private readonly pending: number[] = [];
  private nextPending = 0;
  private walkDone = false;
  private prescreenDone = false;
  private paused = false;
  private readonly texts = new Map<number, string>();
  private heldChars = 0;
  private readonly detections: Array<[number, DetectOutcome]> = [];
  private nextDetection = 0;
  private detectionsDone = false;
  private readonly scratch = new ScratchBuffer();
  private readonly cache: ReadCache;
  private wakePrescreen: (() => void) | undefined;
  private wakeEstimator: (() => void) | undefined;
  private readonly running: Promise<void>;
  private readonly budget: number;

  constructor(
    private readonly jobs: readonly FileJob[], private readonly options: PipelineOptions, private readonly sink: OutcomeSink,
    private readonly token?: CancellationLike,
  ) {
    this.cache = new ReadCache(options.maxBytes);
    this.budget = options.heldTextBudget ?? HELD_TEXT_BUDGET;
    this.pool = new WorkerPool(
      { workers: options.workers, workerScript: options.workerScript, maxBytes: options.maxBytes, logger: options.logger },
      {
        job: (index) => this.detectJob(index),
        detected: (index, outcome) => this.detected(index, outcome),
        redo: (indices) => this.detectHere(indices),
      },
      token,
    );
    // A Cancel must also reach a loop that is waiting (a paused prescreen, an estimator waiting for detections).
    const poll = setInterval(() => {
      if (!this.cancelled) return;
      this.wakePrescreen?.();
      this.wakeEstimator?.();
    }, CANCEL_POLL_MS);
    this.running = Promise.all([this.prescreen(), this.estimate()]).then(() => clearInterval(poll));
  }

  /** Workers that started. */
  get workers(): number {
    return this.pool.size;
  }

  /** A file found by the walk (an index into the growing `jobs`). */
  add(index: number): void {
    this.pending.push(index);
    this.wakePrescreen?.();
  }

  /** The walk has finished: resolves when every file has an outcome (or the audit was cancelled). */
  finish(): Promise<void> {
    this.walkDone = true;
    this.wakePrescreen?.();
    return this.running;
  }

  private get cancelled(): boolean {
    return this.token?.isCancellationRequested === true;
  }

  private async prescreen(): Promise<void> {
    let lastYield = Date.now();
    for (;;) {
      if (this.cancelled) break;
      if (this.heldChars > this.budget) {
        this.paused = true;
        this.pool.flush();
        this.wakeEstimator?.();
        await new Promise<void>((resolve) => { this.wakePrescreen = resolve; });
        this.wakePrescreen = undefined;
        this.paused = false;
        lastYield = Date.now();
        continue;
      }
      const index = this.pending[this.nextPending];
      if (index === undefined) {
        if (this.walkDone) break;
        await new Promise<void>((resolve) => { this.wakePrescreen = resolve; });
        this.wakePrescreen = undefined;
        lastYield = Date.now();
        continue;
      }
      this.nextPending += 1;
      const job = this.jobs[index];
      if (!job) continue;
      const screened = prescreenFile(job, this.options.maxBytes, this.scratch);
      if (screened.outcome) {
        this.sink(index, screened.outcome);
      } else {
        this.texts.set(index, screened.text);
        this.heldChars += screened.text.length;
        this.pool.add(index);
      }
      if (Date.now() - lastYield > YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
    this.prescreenDone = true;
    this.pool.close().then(() => {
      this.detectionsDone = true;
      this.wakeEstimator?.();
    }, () => undefined);
    this.wakeEstimator?.();
  }

  private async estimate(): Promise<void> {
    let lastYield = Date.now();
    let started = false;
    for (;;) {
      if (this.cancelled) return;
      const ready = this.prescreenDone || this.paused;
      if (ready && !started) {
        started = true;
        this.pool.runAhead(RUN_AHEAD_BATCHES);
      }
      const next = ready ? this.detections[this.nextDetection] : undefined;
      if (next) {
        this.nextDetection += 1;
        const [index, detected] = next;
        await this.estimateOne(index, detected);
      } else if (this.prescreenDone && this.detectionsDone && this.nextDetection >= this.detections.length) {
        return;
      } else {
        await new Promise<void>((resolve) => { this.wakeEstimator = resolve; });
        this.wakeEstimator = undefined;
        lastYield = Date.now();
        continue;
      }
      if (Date.now() - lastYield > YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  }

  private async estimateOne(index: number, detected: DetectOutcome): Promise<void> {
    const job = this.jobs[index];
    const text = this.texts.get(index);
    this.release(index);
    if (!job || text === undefined) return;
    this.sink(index, await estimateFile(
      job, text, detected, this.options.settings, this.token, this.options.logger, this.options.skipTokenCounting === true,
    ));
  }

  private detectJob(index: number): DetectJob {
    const job = this.jobs[index]!;
    return { absPath: job.absPath, language: job.language, text: this.texts.get(index) ?? '' };
  }

  private detected(index: number, outcome: DetectOutcome): void {
    this.detections.push([index, outcome]);
    this.wakeEstimator?.();
  }

  /** Detection in this thread: candidates orphaned by a failed worker. */
  private async detectHere(indices: readonly number[]): Promise<void> {
    for (const index of indices) {
      if (this.cancelled) return;
      const job = this.jobs[index];
      const text = this.texts.get(index);
      if (!job || text === undefined) continue;
      this.detected(index, await detectFile(job, text, this.cache, this.token, this.options.logger));
    }
  }

  private release(index: number): void {
    const text = this.texts.get(index);
    if (text === undefined) return;
    this.texts.delete(index);
    this.heldChars -= text.length;
    if (this.paused && this.heldChars <= this.budget / 2) this.wakePrescreen?.();
  }
}
