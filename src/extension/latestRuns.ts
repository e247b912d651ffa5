import type { CancellationLike } from '../core/types';

// The scheduling core of the analysis service, free of `vscode` so it is unit-tested in plain Node: per key (a
// document URI) at most one result, for one version, and at most one run in flight. A newer version supersedes
// the older: its timer is cleared, its run's token is cancelled, whoever awaits it gets `undefined`, and its result
// is dropped even if the run completes anyway.

class Cancellation implements CancellationLike {
  isCancellationRequested = false;
}

interface Entry<T> {
  version: number;
  result?: T;
  pending?: Promise<T | undefined>;
  settle?: (result: T | undefined) => void;
  timer?: ReturnType<typeof setTimeout>;
  token?: Cancellation;
  start?: () => void;
}

export type Run<T> = (token: CancellationLike) => Promise<T>;

export interface LatestRunsHooks<T> {
  /** A fresh result for the key's current version was stored. */
  onResult(key: string, version: number, result: T): void;
  /** A run threw while still current; return what to store instead (undefined stores nothing). */
  onError(key: string, error: unknown): T | undefined;
}

export class LatestRuns<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly hooks: LatestRunsHooks<T>) {}

  /** The stored result, only if it belongs to `version`. */
  get(key: string, version: number): T | undefined {
    const e = this.entries.get(key);
    return e && e.version === version ? e.result : undefined;
  }

  /**
   * Runs `run` for (key, version) after `delay` ms, or reuses what exists for that version: the stored result, or
   * the run already scheduled. With `join`, a caller joins a pending debounced run as it is; without it, a
   * `delay` of 0 starts a pending debounced run now (a document was opened, not typed in).
   */
  schedule(key: string, version: number, delay: number, run: Run<T>, join = false): Promise<T | undefined> {
    const existing = this.entries.get(key);
    if (existing && existing.version === version) {
      if (existing.result !== undefined) return Promise.resolve(existing.result);
      if (existing.pending) {
        if (!join && delay === 0 && existing.timer) existing.start?.();
        return existing.pending;
      }
    }
    if (existing) this.supersede(existing);
    const entry: Entry<T> = { version };
    this.entries.set(key, entry);
    entry.pending = new Promise<T | undefined>((resolve) => { entry.settle = resolve; });
    entry.start = () => {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.start = undefined;
      void this.execute(key, entry, run);
    };
    if (delay > 0) entry.timer = setTimeout(() => entry.start?.(), delay);
    else entry.start();
    return entry.pending;
  }

  private async execute(key: string, entry: Entry<T>, run: Run<T>): Promise<void> {
    const token = new Cancellation();
    entry.token = token;
    const current = (): boolean => !token.isCancellationRequested && this.entries.get(key) === entry;
    let result: T | undefined;
    try {
      result = await run(token);
    } catch (e) {
      result = current() ? this.hooks.onError(key, e) : undefined;
    }
    if (!current()) return; // superseded: supersede() already settled the waiters with undefined
    entry.token = undefined;
    entry.result = result;
    entry.settle?.(result);
    entry.settle = undefined;
    entry.pending = undefined;
    if (result !== undefined) this.hooks.onResult(key, entry.version, result);
  }

  /** Cancels and forgets the key (document closed). */
  forget(key: string): void {
    const e = this.entries.get(key);
    if (e) this.supersede(e);
    this.entries.delete(key);
  }

  /** Cancels and forgets everything (settings changed; disposal). */
  clear(): void {
    for (const e of this.entries.values()) this.supersede(e);
    this.entries.clear();
  }

  private supersede(e: Entry<T>): void {
    if (e.timer) clearTimeout(e.timer);
    e.timer = undefined;
    e.start = undefined;
    if (e.token) e.token.isCancellationRequested = true;
    e.settle?.(undefined);
    e.settle = undefined;
    e.pending = undefined;
  }
}
