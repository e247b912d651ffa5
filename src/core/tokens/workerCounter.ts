import type { Worker } from 'node:worker_threads';
import type { EncodingName } from './encodingName';
import type { TokenCounter } from './tokenCounter';
import type { FromTokenizer, TokenizerInit, ToTokenizer } from './tokenizerProtocol';

// The extension host has one JavaScript thread for every extension: building tiktoken's full o200k encoder there
// froze it for ~0.45 s when the first file with LLM calls opened; loading a vocabulary and tiktoken's WASM with its
// first (slowest) build still takes ~0.15 s (encoders.ts). This counter keeps the encoders in tokenizer threads
// (dist/tokenizerWorker.js), started on the first warm-up, so they load while the host thread detects calls, and
// every count runs there. With 4 or more cores, one thread per encoding: a file with a gpt-4o call and an embeddings
// call needs both. With fewer cores the encoders share one thread: each thread compiles tiktoken's WASM again, and
// on 2 cores that cost more than the overlap gained (measured with the full encoders, 5,000-line file cold: one
// thread 930–985 ms and 1.75 s CPU, two threads 1.00–1.06 s and 1.95 s CPU).
// Only type imports from the rest of core/tokens: the extension's activation bundle includes this file without
// pulling tiktoken in.

export interface WorkerTokenCounterOptions {
  /** The tokenizer thread's script (dist/tokenizerWorker.js). */
  script: string;
  /** Where the thread loads tiktoken's WASM and the vocabularies from (dist/). */
  assetsDir: string;
  /** Counts in this thread once the tokenizer thread has died (called lazily, only then). */
  fallback: () => TokenCounter;
  /** Told once, in one line, when the tokenizer thread dies. */
  log?: (message: string) => void;
  /** One thread per encoding (default: when the machine has 4 or more cores), else one thread for both. */
  threadPerEncoding?: boolean;
}

/** Which thread an encoding's encoder lives in. */
type Lane = EncodingName | 'shared';

interface Waiter {
  /** Where each of the caller's texts sits in the batch (texts repeated across callers are sent once). */
  slots: number[];
  resolve: (counts: number[]) => void;
  reject: (error: Error) => void;
}

interface Batch {
  encoding: EncodingName;
  texts: string[];
  slotOf: Map<string, number>;
  waiters: Waiter[];
}

export class WorkerTokenCounter implements TokenCounter {
  private readonly workers = new Map<Lane, Worker>();
  private perEncoding: boolean | undefined;
  private failed = false;
  private nextId = 0;
  private flushScheduled = false;
  private readonly pending = new Map<EncodingName, Batch>();
  private readonly inFlight = new Map<number, Batch>();
  private readonly statsWaiters = new Map<number, { lane: Lane; resolve: (encoders: number) => void }>();
  private readonly warmed = new Set<EncodingName>();
  private stopping: Promise<unknown> = Promise.resolve();
  private sent = 0;

  constructor(private readonly options: WorkerTokenCounterOptions) {}

  /** Requests made in the same turn of the event loop go to the thread as one message per encoding. */
  countTexts(encoding: EncodingName, texts: readonly string[]): Promise<number[]> {
    if (texts.length === 0) return Promise.resolve([]);
    if (this.failed) return this.options.fallback().countTexts(encoding, texts);
    return new Promise<number[]>((resolve, reject) => {
      let batch = this.pending.get(encoding);
      if (!batch) {
        batch = { encoding, texts: [], slotOf: new Map(), waiters: [] };
        this.pending.set(encoding, batch);
      }
      const slots = texts.map((text) => {
        let slot = batch.slotOf.get(text);
        if (slot === undefined) {
          slot = batch.texts.push(text) - 1;
          batch.slotOf.set(text, slot);
        }
        return slot;
      });
      batch.waiters.push({ slots, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  warmUp(encoding: EncodingName): void {
    if (this.failed) {
      this.options.fallback().warmUp(encoding);
      return;
    }
    if (this.warmed.has(encoding)) return;
    this.warmed.add(encoding);
    this.send(this.laneOf(encoding), { type: 'warmUp', encoding });
  }

  /** Whether warmUp(encoding) was already asked for (so callers can skip working out whether to ask). */
  isWarming(encoding: EncodingName): boolean {
    return this.warmed.has(encoding);
  }

  /** Terminates the tokenizer threads, which frees their encoders; counts still in flight reject. */
  dispose(): void {
    const workers = [...this.workers.values()];
    this.workers.clear();
    this.failed = false;
    this.warmed.clear();
    if (workers.length > 0) this.stopping = Promise.all(workers.map((w) => w.terminate()));
    const disposed = new Error('LLM Footprint: tokenizer disposed while counting');
    for (const batch of [...this.pending.values(), ...this.inFlight.values()]) {
      for (const waiter of batch.waiters) waiter.reject(disposed);
    }
    this.pending.clear();
    this.inFlight.clear();
    for (const { resolve } of this.statsWaiters.values()) resolve(0);
    this.statsWaiters.clear();
  }

  /** Whether a tokenizer thread is alive (tests, bench). */
  get isRunning(): boolean {
    return this.workers.size > 0;
  }

  /** Resolves once the last terminated threads have exited (tests: encoders freed). */
  get stopped(): Promise<void> {
    return this.stopping.then(() => undefined);
  }

  /** Count requests posted to the tokenizer threads so far (tests: coalescing, cache hits need no round trip). */
  get requestsSent(): number {
    return this.sent;
  }

  /** Encoders alive in the tokenizer threads (0 when none runs). */
  async liveEncoders(): Promise<number> {
    const counts = await Promise.all([...this.workers.keys()].map((lane) => new Promise<number>((resolve) => {
      const id = this.nextId++;
      this.statsWaiters.set(id, { lane, resolve });
      this.send(lane, { type: 'stats', id });
    })));
    return counts.reduce((a, b) => a + b, 0);
  }

  private flush(): void {
    this.flushScheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const batch of batches) {
      if (this.failed) { this.countInThread(batch); continue; }
      const id = this.nextId++;
      this.inFlight.set(id, batch);
      this.sent++;
      this.send(this.laneOf(batch.encoding), { type: 'count', id, encoding: batch.encoding, texts: batch.texts });
    }
  }

  private laneOf(encoding: EncodingName): Lane {
    if (this.perEncoding === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const os = require('node:os') as typeof import('node:os');
      this.perEncoding = this.options.threadPerEncoding ?? os.availableParallelism() >= 4;
    }
    return this.perEncoding ? encoding : 'shared';
  }

  private send(lane: Lane, message: ToTokenizer): void {
    // A thread that cannot even start counts as crashed: crash() has moved what was in flight to this thread.
    const worker = this.workers.get(lane) ?? this.start(lane);
    if (!worker) return;
    worker.postMessage(message);
    this.updateRef();
  }

  private start(lane: Lane): Worker | undefined {
    try {
      const init: TokenizerInit = { assetsDir: this.options.assetsDir };
      // Required here, not imported: loading node:worker_threads took ~9 ms of the extension's activation (profile),
      // and a session that never opens a file with LLM calls never starts a thread.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      const worker = new Worker(this.options.script, { workerData: init });
      const current = (): boolean => this.workers.get(lane) === worker;
      worker.on('message', (message: FromTokenizer) => this.receive(message));
      worker.on('error', (error) => { if (current()) this.crash(error); });
      worker.on('exit', (code) => { if (current()) this.crash(new Error(`exited with code ${code}`)); });
      this.workers.set(lane, worker);
      return worker;
    } catch (error) {
      this.crash(error);
      return undefined;
    }
  }

  private receive(message: FromTokenizer): void {
    if (message.type === 'stats') {
      this.statsWaiters.get(message.id)?.resolve(message.encoders);
      this.statsWaiters.delete(message.id);
      this.updateRef();
      return;
    }
    const batch = this.inFlight.get(message.id);
    if (!batch) return;
    this.inFlight.delete(message.id);
    this.updateRef();
    if (message.type === 'error') {
      const error = new Error(message.message);
      for (const waiter of batch.waiters) waiter.reject(error);
      return;
    }
    for (const waiter of batch.waiters) waiter.resolve(waiter.slots.map((slot) => message.counts[slot] ?? 0));
  }

  /** A thread died (a bug, or out of memory): count here from now on, including what was in flight. */
  private crash(error: unknown): void {
    const workers = [...this.workers.values()];
    this.workers.clear();
    this.failed = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log?.(`Tokenizer thread stopped (${reason}); counting tokens on the main thread from now on`);
    for (const worker of workers) void worker.terminate();
    for (const { resolve } of this.statsWaiters.values()) resolve(0);
    this.statsWaiters.clear();
    const orphaned = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const batch of orphaned) this.countInThread(batch);
  }

  private countInThread(batch: Batch): void {
    let counts: Promise<number[]>;
    try {
      counts = this.options.fallback().countTexts(batch.encoding, batch.texts);
    } catch (error) {
      counts = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    counts.then(
      (all) => { for (const w of batch.waiters) w.resolve(w.slots.map((slot) => all[slot] ?? 0)); },
      (error: Error) => { for (const w of batch.waiters) w.reject(error); },
    );
  }

  /** An idle tokenizer thread must not keep a CLI or test process alive; one with requests in flight must. */
  private updateRef(): void {
    const busy = new Set<Lane>();
    for (const batch of this.inFlight.values()) busy.add(this.laneOf(batch.encoding));
    for (const { lane } of this.statsWaiters.values()) busy.add(lane);
    for (const [lane, worker] of this.workers) {
      if (busy.has(lane)) worker.ref(); else worker.unref();
    }
  }
}
