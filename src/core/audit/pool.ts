import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, Logger } from '../types';
import { analyzeFile, type FileJob, type FileOutcome } from './analyzeFile';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol';

// Spreads file jobs over worker threads. Parsing (WASM) and tokenizing are CPU-bound, so on two cores two workers
// roughly halve the wall time of a large audit; the main thread only walks folders and collects results.
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
    sink(index, await analyzeFile(job, settings, maxBytes, token, logger));
  }
}

export function runInWorkers(
  jobs: readonly FileJob[], options: PoolOptions, sink: OutcomeSink, token?: CancellationLike,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const init: WorkerInit = {
      settings: options.settings, maxBytes: options.maxBytes, assetsDir: path.dirname(options.workerScript),
    };
    const batches: number[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH).map((_, k) => i + k));
    let next = 0;
    let finished = false;
    const orphaned: number[] = [];
    const live = new Set<Worker>();
    const inFlight = new Map<Worker, Map<number, number[]>>();

    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      for (const w of live) void w.terminate();
      live.clear();
      if (orphaned.length === 0 || token?.isCancellationRequested) {
        resolve();
        return;
      }
      options.logger?.warn(`audit: redoing ${orphaned.length} file(s) in-process after a worker failure`);
      runInProcess(jobs, options.settings, options.maxBytes, sink, token, options.logger, orphaned).then(resolve, resolve);
    };

    const feed = (worker: Worker): void => {
      const mine = inFlight.get(worker);
      if (!mine) return;
      while (mine.size < IN_FLIGHT_PER_WORKER && next < batches.length) {
        const id = next++;
        const batch = batches[id]!;
        mine.set(id, batch);
        const message: ToWorker = { type: 'jobs', id, jobs: batch.map((i) => jobs[i]!) };
        worker.postMessage(message);
      }
      if (next >= batches.length && [...inFlight.values()].every((m) => m.size === 0)) finish();
    };

    const retire = (worker: Worker, error?: unknown): void => {
      if (!live.has(worker)) return;
      live.delete(worker);
      const mine = inFlight.get(worker);
      inFlight.delete(worker);
      if (error) options.logger?.error('audit: worker failed', error);
      for (const batch of mine?.values() ?? []) orphaned.push(...batch);
      if (live.size === 0) {
        // Nobody left to take the remaining batches: they go in-process too.
        while (next < batches.length) orphaned.push(...batches[next++]!);
        finish();
      }
      void worker.terminate();
    };

    const poll = setInterval(() => {
      if (token?.isCancellationRequested) finish();
    }, CANCEL_POLL_MS);

    const count = Math.max(1, Math.min(options.workers, batches.length));
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = new Worker(options.workerScript, { workerData: init });
      } catch (error) {
        options.logger?.error('audit: cannot start a worker', error);
        continue;
      }
      live.add(worker);
      inFlight.set(worker, new Map());
      worker.on('message', (message: FromWorker) => {
        if (finished) return;
        if (message.type === 'log') {
          options.logger?.[message.level](message.message);
          return;
        }
        const mine = inFlight.get(worker);
        const batch = mine?.get(message.id);
        if (!mine || !batch) return;
        mine.delete(message.id);
        message.outcomes.forEach((outcome, k) => {
          const index = batch[k];
          if (index !== undefined) sink(index, outcome);
        });
        if (token?.isCancellationRequested) finish();
        else feed(worker);
      });
      worker.on('error', (error) => retire(worker, error));
      worker.on('exit', (code) => {
        if (!finished) retire(worker, code === 0 ? undefined : new Error(`worker exited with code ${code}`));
      });
    }
    if (live.size === 0) {
      orphaned.push(...batches.flat());
      next = batches.length;
      finish();
      return;
    }
    for (const w of live) feed(w);
  });
}
