import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, Logger } from '../types';
import { analyzeFile, ReadCache, type FileJob, type FileOutcome } from './analyzeFile';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol';

// Spreads file jobs over worker threads. Reading, prefiltering, parsing (WASM) and tokenizing are CPU-bound, so on
// two cores two workers roughly halve the wall time of a large audit; the main thread walks folders and feeds jobs
// while they work (the pool accepts jobs before the walk has finished), then collects results.
// A worker that dies has its unfinished batches redone in-process, so a crash costs time, never results.

const BATCH = 24;
const IN_FLIGHT_PER_WORKER = 2;
const CANCEL_POLL_MS = 25;
const YIELD_EVERY_MS = 15;

export interface PoolOptions {
  workers: number;
  workerScript: string;
  settings: AnalysisSettings;
  maxBytes: number | undefined;
  logger?: Logger;
}

export type OutcomeSink = (index: number, outcome: FileOutcome) => void;

export async function runInProcess(
  jobs: readonly FileJob[], settings: AnalysisSettings, maxBytes: number | undefined, sink: OutcomeSink,
  token?: CancellationLike, logger?: Logger, indices?: readonly number[],
): Promise<void> {
  const order = indices ?? jobs.map((_, i) => i);
  let lastYield = Date.now();
  const cache = new ReadCache(maxBytes);
  for (const index of order) {
    // Files without markers finish without a real await; give the event loop a turn every few ms so a Cancel
    // click (and everything else the host does) gets through during a long in-process audit.
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
    if (token?.isCancellationRequested) return;
    const job = jobs[index];
    if (!job) continue;
    sink(index, await analyzeFile(job, settings, maxBytes, token, logger, cache));
  }
}

/**
 * Worker threads fed incrementally: `add(index)` as the walk finds files (indices into the shared, growing `jobs`
 * array), then `close()` and await `done`. Cancellation terminates the workers at once; outcomes already received
 * stay in the sink.
 */
export class WorkerPool {
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private readonly queue: number[] = [];
  private closed = false;
  private finished = false;
  private readonly orphaned: number[] = [];
  private readonly live = new Set<Worker>();
  private readonly inFlight = new Map<Worker, Map<number, number[]>>();
  private nextBatchId = 0;
  private readonly poll: NodeJS.Timeout;

  constructor(
    private readonly jobs: readonly FileJob[], private readonly options: PoolOptions, private readonly sink: OutcomeSink,
    private readonly token?: CancellationLike,
  ) {
    this.done = new Promise<void>((resolve) => {
      this.resolveDone = resolve;
    });
    this.poll = setInterval(() => {
      if (this.token?.isCancellationRequested) this.finish();
    }, CANCEL_POLL_MS);
    const init: WorkerInit = { settings: options.settings, maxBytes: options.maxBytes, assetsDir: path.dirname(options.workerScript) };
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

  /** No more jobs: flush the queue; `done` resolves when every job has an outcome (or on cancellation). */
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
      message.outcomes.forEach((outcome, k) => {
        const index = batch[k];
        if (index !== undefined) this.sink(index, outcome);
      });
      if (this.token?.isCancellationRequested) this.finish();
      else this.feed(worker);
    });
    worker.on('error', (error) => this.retire(worker, error));
    worker.on('exit', (code) => {
      if (!this.finished) this.retire(worker, code === 0 ? undefined : new Error(`worker exited with code ${code}`));
    });
  }

  private feed(worker: Worker): void {
    const mine = this.inFlight.get(worker);
    if (!mine) return;
    // Full batches while the walk is still running (fewer messages); whatever is left once it has finished, or
    // when this worker would otherwise sit idle.
    while (mine.size < IN_FLIGHT_PER_WORKER && this.queue.length > 0
      && (this.closed || this.queue.length >= BATCH || mine.size === 0)) {
      const batch = this.queue.splice(0, BATCH);
      const id = this.nextBatchId++;
      mine.set(id, batch);
      const message: ToWorker = { type: 'jobs', id, jobs: batch.map((i) => this.jobs[i]!) };
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
      // Nobody left to take the rest: it goes in-process, including what the walk adds later.
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
      // Jobs orphaned by a failure — and any the walk adds after it — are analysed here until the pool is closed.
      let start = 0;
      for (;;) {
        if (start < this.orphaned.length) {
          const slice = this.orphaned.slice(start);
          start = this.orphaned.length;
          this.options.logger?.warn(`audit: analysing ${slice.length} file(s) in-process after a worker failure`);
          await runInProcess(this.jobs, this.options.settings, this.options.maxBytes, this.sink, this.token, this.options.logger, slice);
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
