import { readFile as readFileCallback } from 'node:fs';
// `tiktoken/lite/init` — not `tiktoken/lite` and never `tiktoken`: the `tiktoken/lite` entry instantiates its WASM at
// require time by searching `__dirname` and every parent `node_modules/tiktoken/lite/` for `tiktoken_bg.wasm`
// (works in development, fails or silently depends on luck once bundled), and `tiktoken` bundles the same search plus
// every encoding's loader. `init` lets us hand over the bytes ourselves, from the assets folder next to the bundle.
import { init, Tiktoken } from 'tiktoken/lite/init';
import { assetPath } from '../assets';
import { EncodingCounter } from './encodingCounter';
import type { EncodingName } from './encodingName';
import type { TokenCounter } from './tokenCounter';
import { Vocabulary } from './vocabulary';

export { ENCODINGS, type EncodingName } from './encodingName';

/**
 * The regex of the small encoders that merge single pieces (see encodingCounter.ts): pieces arrive already split,
 * so each must be one match. `(?s).+` compiles fastest of the forms tried (a warm build with ~50 ranks: 0.18 ms).
 */
const WHOLE_PIECE = '(?s).+';
/** Warm-up merges one piece that no encoding has as a single token, to pay tiktoken's first build (~65 ms) early. */
const WARM_UP_TEXT = 'zqxjkvbwfpyg';

// node:fs, not node:fs/promises: in the tokenizer thread, loading fs/promises pulls in 11 more internal modules
// (~2 ms of the thread's start, measured); the thread needs nothing else from it.
function readFile(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFileCallback(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

let wasmReady: Promise<void> | undefined;
const counters = new Map<EncodingName, Promise<EncodingCounter>>();

function loadWasm(): Promise<void> {
  if (!wasmReady) {
    wasmReady = (async () => {
      // The Buffer itself, not a copy: copying the 1 MB into a new Uint8Array cost ~8 ms on the thread (profiled).
      const bytes = await readFile(assetPath('tiktoken_bg.wasm'));
      // tiktoken's init() is itself idempotent (module-level flag), so after a dispose the instance is reused.
      await init((imports) => WebAssembly.instantiate(bytes, imports));
    })();
    // A failed load (missing asset) must not poison every later attempt.
    wasmReady.catch(() => { wasmReady = undefined; });
  }
  return wasmReady;
}

async function createCounter(name: EncodingName): Promise<EncodingCounter> {
  try {
    const { vocabulary, patStr } = Vocabulary.deserialize(await readFile(assetPath(`${name}.vocab`)));
    return new EncodingCounter(vocabulary, patStr);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`LLM Footprint: cannot load the ${name} tokenizer from the assets folder (${reason})`);
  }
}

/** tiktoken's byte-pair merge of `pieces`, with an encoder holding only the ranks they can use (freed at once). */
async function mergeWithTiktoken(counter: EncodingCounter, pieces: readonly string[]): Promise<number[]> {
  try {
    await loadWasm();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`LLM Footprint: cannot load tiktoken's WASM from the assets folder (${reason})`);
  }
  const encoder = new Tiktoken(counter.ranksFor(pieces), {}, WHOLE_PIECE);
  try {
    return pieces.map((piece) => encoder.encode_ordinary(piece).length);
  } finally {
    encoder.free();
  }
}

function counterFor(name: EncodingName): Promise<EncodingCounter> {
  let counter = counters.get(name);
  if (!counter) {
    const created = createCounter(name);
    // A failed load (missing asset) must not poison every later attempt.
    created.catch(() => { if (counters.get(name) === created) counters.delete(name); });
    counters.set(name, created);
    counter = created;
  }
  return counter;
}

/**
 * Token counts of `texts`, as tiktoken's encode_ordinary gives them: special-token strings such as `<|endoftext|>`
 * count as plain text and never throw. A dispose while this runs only drops the counter for later calls: nothing
 * here holds a tiktoken encoder across an await.
 */
async function countTexts(name: EncodingName, texts: readonly string[]): Promise<number[]> {
  const counter = await counterFor(name);
  const plan = counter.plan(texts);
  if (plan.toMerge.size === 0) return plan.counts;
  return counter.finish(plan, await mergeSoon(name, counter, plan.toMerge.keys()));
}

interface MergeBatch {
  counter: EncodingCounter;
  pieces: Set<string>;
  merged: Promise<Map<string, number>>;
}

const batches = new Map<EncodingName, MergeBatch>();

/**
 * Pieces asked for in the same turn of the event loop (an audit counts all of a file's calls at once) are merged
 * with one tiktoken encoder: every build costs ~0.1–0.2 ms before its ranks, and merging per call built ~1,000
 * encoders in the bench audit (135 ms, profiled).
 */
function mergeSoon(name: EncodingName, counter: EncodingCounter, pieces: Iterable<string>): Promise<Map<string, number>> {
  let batch = batches.get(name);
  if (!batch || batch.counter !== counter) {
    const asked = new Set<string>();
    const merged = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      if (batches.get(name)?.pieces === asked) batches.delete(name);
      const list = [...asked];
      const counts = await mergeWithTiktoken(counter, list);
      counter.remember(list, counts);
      return new Map(list.map((piece, k) => [piece, counts[k] ?? 0]));
    });
    batch = { counter, pieces: asked, merged };
    batches.set(name, batch);
  }
  for (const piece of pieces) batch.pieces.add(piece);
  return batch.merged;
}

/**
 * Starts loading an encoding without waiting for it, e.g. when the first file with LLM calls opens, so the first
 * count does not wait: the vocabulary, tiktoken's WASM and its first (slowest) build. Errors surface on use.
 */
function warmUp(name: EncodingName): void {
  countTexts(name, [WARM_UP_TEXT]).catch(() => undefined);
}

/** Drops every encoding's tables in this thread (they are plain memory; no tiktoken encoder outlives a count). */
function disposeAll(): void {
  counters.clear();
}

/** The encoders of this thread behind the counting port: the default everywhere but the extension host. */
export const IN_THREAD_COUNTER: TokenCounter = Object.freeze({ countTexts, warmUp, dispose: disposeAll });

/** For tests and the bench: how many encodings this thread has loaded (or is loading). */
export function liveEncoderCount(): number {
  return counters.size;
}
