import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, Logger } from '../types';
import { analyzeFile, ReadCache, type DetectOutcome, type FileJob, type FileOutcome } from './analyzeFile';
import { ScratchBuffer } from './readSource';
import type { DetectJob, FromWorker, ToWorker, WorkerInit } from './workerProtocol';

// Spreads detection over worker threads. Parsing (WASM) and resolution are the CPU-bound part of an audit, so they go
// to workers while the runner's thread walks, reads, prefilters and estimates; the pool accepts candidates before the
// walk has finished. A worker that dies has its unfinished batches handed back to the runner (`redo`), so a crash
// costs time, never results.

const BATCH = 16;
const IN_FLIGHT_PER_WORKER = 2;
const CANCEL_POLL_MS = 25;
const YIELD_EVERY_MS = 15;

export interface PoolOptions {
  workers: number;
  workerScript: string;
  maxBytes: number | undefined;
  logger?: Logger;
}

/** The runner's side of the pool: candidates by index, where detections go, and who redoes a failed worker's share. */
export interface PoolClient {
  job(index: number): DetectJob;
  detected(index: number, outcome: DetectOutcome): void;
  /** Detects these in the runner's thread (their worker failed); resolves when every one has reached `detected`. */
  redo(indices: readonly number[]): Promise<void>;
}

export type OutcomeSink = (index: number, outcome: FileOutcome) => void;

/** Prescreen, detect and estimate every job in this thread, yielding to the event loop every few ms. */
export async function runInProcess(
  jobs: readonly FileJob[], settings: AnalysisSettings, maxBytes: number | undefined, sink: OutcomeSink,
  token?: CancellationLike, logger?: Logger, skipTokenCounting = false,
): Promise<void> {
  let lastYield = Date.now();
  const cache = new ReadCache(maxBytes);
  const scratch = new ScratchBuffer();
  for (const [index, job] of jobs.entries()) {
    // Files without markers finish without a real await; give the event loop a turn every few ms so a Cancel
    // click (and everything else the host does) gets through during a long in-process audit.
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
    if (token?.isCancellationRequested) return;
    sink(index, await analyzeFile(job, settings, maxBytes, token, logger, cache, scratch, skipTokenCounting));
  }
}

/**
 * Worker threads fed incrementally: `add(index)` as candidates are found, then `close()`, which resolves once every
 * candidate has been detected (or on cancellation: workers are terminated at once; detections already received stay).
 */
export class WorkerPool {
  private readonly queue: number[] = [];
  private closed = false;
  private finished = false;
  private readonly done: Promise<void>;
  private resolveDone!: () => void;
  private readonly orphaned: number[] = [];
  private readonly live = new Set<Worker>();
  private readonly inFlight = new Map<Worker, Map<number, number[]>>();
  private nextBatchId = 0;
  private depth = IN_FLIGHT_PER_WORKER;
  private readonly poll: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions, private readonly client: PoolClient, private readonly token?: CancellationLike) {
    this.done = new Promise<void>((resolve) => {
      this.resolveDone = resolve;
    });
    this.poll = setInterval(() => {
      if (this.token?.isCancellationRequested) this.finish();
    }, CANCEL_POLL_MS);
    const init: WorkerInit = { maxBytes: options.maxBytes, assetsDir: path.dirname(options.workerScript) };
    for (let i = 0; i < Math.max(1, options.workers); i++) this.start(init);
    if (this.live.size === 0) this.finish();
  }

  /** The number of workers that started. */
  get size(): number {
    return this.live.size;
  }

  add(index: number): void {
    if (this.finished) {
      this.orphaned.push(index);
      return;
    }
    this.queue.push(index);
    if (this.queue.length >= BATCH) for (const w of this.live) this.feed(w);
  }

  /** Sends what is queued to idle workers even if it is not a full batch (no more candidates for a while). */
  flush(): void {
    for (const w of this.live) this.feed(w);
  }

  /**
   * Lets each worker hold up to `batches` batches: call before blocking this thread for a while (building the
   * tokenizer), so the workers do not run dry meanwhile.
   */
  runAhead(batches: number): void {
    this.depth = Math.max(this.depth, batches);
    this.flush();
  }

  /** No more candidates: flush the queue; resolves when every candidate has a detection (or on cancellation). */
  close(): Promise<void> {
    this.closed = true;
    for (const w of this.live) this.feed(w);
    this.checkFinished();
    return this.done;
  }

  private start(init: WorkerInit): void {
    let worker: Worker;
    try {
      worker = new Worker(this.options.workerScript, { workerData: init });
    } catch (error) {
      this.options.logger?.error('audit: cannot start a worker', error);
      return;
    }
    this.live.add(worker);
    this.inFlight.set(worker, new Map());
    worker.on('message', (message: FromWorker) => {
      if (this.finished) return;
      if (message.type === 'log') {
        this.options.logger?.[message.level](message.message);
        return;
      }
      const mine = this.inFlight.get(worker);
      const batch = mine?.get(message.id);
      if (!mine || !batch) return;
      mine.delete(message.id);
      // Refill before handing the results over: the runner may spend a while estimating them.
      if (this.token?.isCancellationRequested) this.finish();
      else this.feed(worker);
      message.outcomes.forEach((outcome, k) => {
        const index = batch[k];
        if (index !== undefined) this.client.detected(index, outcome);
      });
      this.checkFinished();
    });
    worker.on('error', (error) => this.retire(worker, error));
    worker.on('exit', (code) => {
      if (!this.finished) this.retire(worker, code === 0 ? undefined : new Error(`worker exited with code ${code}`));
    });
  }

  private feed(worker: Worker): void {
    const mine = this.inFlight.get(worker);
    if (!mine) return;
    // Full batches while candidates are still coming (fewer messages); whatever is left once they have all come, or
    // when this worker would otherwise sit idle.
    while (mine.size < this.depth && this.queue.length > 0
      && (this.closed || this.queue.length >= BATCH || mine.size === 0)) {
      const batch = this.queue.splice(0, BATCH);
      const id = this.nextBatchId++;
      mine.set(id, batch);
      const message: ToWorker = { type: 'detect', id, jobs: batch.map((i) => this.client.job(i)) };
      worker.postMessage(message);
    }
    this.checkFinished();
  }

  private checkFinished(): void {
    if (this.closed && this.queue.length === 0 && [...this.inFlight.values()].every((m) => m.size === 0)) this.finish();
  }

  private retire(worker: Worker, error?: unknown): void {
    if (!this.live.has(worker)) return;
    this.live.delete(worker);
    const mine = this.inFlight.get(worker);
    this.inFlight.delete(worker);
    if (error) this.options.logger?.error('audit: worker failed', error);
    for (const batch of mine?.values() ?? []) this.orphaned.push(...batch);
    void worker.terminate();
    if (this.live.size === 0) {
      // Nobody left to take the rest: it goes to the runner, including what is added later.
      this.orphaned.push(...this.queue.splice(0));
      this.finish();
    } else {
      this.checkFinished();
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.poll);
    for (const w of this.live) void w.terminate();
    this.live.clear();
    if (this.token?.isCancellationRequested) {
      this.resolveDone();
      return;
    }
    const redo = async (): Promise<void> => {
      // Candidates orphaned by a failure — and any added after it — are detected by the runner until the pool is closed.
      let start = 0;
      for (;;) {
        if (start < this.orphaned.length) {
          const slice = this.orphaned.slice(start);
          start = this.orphaned.length;
          this.options.logger?.warn(`audit: detecting ${slice.length} file(s) in-process after a worker failure`);
          await this.client.redo(slice);
        } else if (this.closed || this.token?.isCancellationRequested) {
          return;
        } else {
          await new Promise<void>((resolve) => setTimeout(resolve, 10));
        }
      }
    };
    redo().then(() => this.resolveDone(), () => this.resolveDone());
  }
}
