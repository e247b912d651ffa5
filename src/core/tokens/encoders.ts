import { readFile as readFileCallback } from 'node:fs';
// `tiktoken/lite/init` — not `tiktoken/lite` and never `tiktoken`: the `tiktoken/lite` entry instantiates its WASM at
// require time by searching `__dirname` and every parent `node_modules/tiktoken/lite/` for `tiktoken_bg.wasm`
// (works in development, fails or silently depends on luck once bundled), and `tiktoken` bundles the same search plus
// every encoding's loader. `init` lets us hand over the bytes ourselves, from the assets folder next to the bundle.
import { init, Tiktoken } from 'tiktoken/lite/init';
import { assetPath } from '../assets';
import type { EncodingName } from './encodingName';
import type { TokenCounter } from './tokenCounter';

export { ENCODINGS, type EncodingName } from './encodingName';

interface RanksFile {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

interface EncoderEntry {
  promise: Promise<Tiktoken>;
  /** Set by disposeEncoders(); a counter that finds it set asks for a fresh encoder instead of using a freed one. */
  disposed: boolean;
}

// node:fs, not node:fs/promises: in the tokenizer thread, loading fs/promises pulls in 11 more internal modules
// (~2 ms of the thread's start, measured); the thread needs nothing else from it.
function readFile(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFileCallback(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

let wasmReady: Promise<void> | undefined;
const entries = new Map<EncodingName, EncoderEntry>();

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

async function createEncoder(name: EncodingName): Promise<Tiktoken> {
  try {
    return await loadEncoder(name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`LLM Footprint: cannot load the ${name} tokenizer from the assets folder (${reason})`);
  }
}

/**
 * `<encoding>.ranks` (written by esbuild.mjs from tiktoken's JSON): one ASCII line of JSON with pat_str and
 * special_tokens, then the bpe_ranks string. Decoded as latin1, the 2.3 MB of o200k ranks are one copy into a flat
 * one-byte string: no UTF-8 decoding and no JSON.parse of the whole file (the JSON took ~20 ms longer, measured).
 * Read as bytes and decoded once: readFile(path, 'latin1') reads in 512 KB chunks through a StringDecoder and
 * joins them (~11 ms slower, ~15 ms more CPU, measured in fresh processes).
 */
async function readRanks(name: EncodingName): Promise<RanksFile> {
  const bytes = await readFile(assetPath(`${name}.ranks`));
  const eol = bytes.indexOf(0x0a);
  if (eol < 0) throw new Error(`${name}.ranks has no header line`);
  const header = JSON.parse(bytes.toString('latin1', 0, eol)) as Omit<RanksFile, 'bpe_ranks'>;
  return { ...header, bpe_ranks: bytes.toString('latin1', eol + 1) };
}

async function loadEncoder(name: EncodingName): Promise<Tiktoken> {
  // Read the ranks while the WASM compiles (off the main thread, which is otherwise idle then); the constructor
  // (parsing ~200k ranks inside WASM) is most of the cold cost.
  const [, ranks] = await Promise.all([loadWasm(), readRanks(name)]);
  return new Tiktoken(ranks.bpe_ranks, ranks.special_tokens, ranks.pat_str);
}

function entryFor(name: EncodingName): EncoderEntry {
  let entry = entries.get(name);
  if (!entry) {
    const created: EncoderEntry = { promise: createEncoder(name), disposed: false };
    created.promise.catch(() => { if (entries.get(name) === created) entries.delete(name); });
    entries.set(name, created);
    entry = created;
  }
  return entry;
}

/**
 * Runs `use` with the (lazily created, shared) encoder. `use` is synchronous, so no dispose can free the encoder
 * while it runs; an encoder disposed while we were waiting for it is replaced by a fresh one.
 */
export async function withEncoder<T>(name: EncodingName, use: (encoder: Tiktoken) => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const entry = entryFor(name);
    const encoder = await entry.promise;
    if (!entry.disposed || attempt >= 2) {
      if (entry.disposed) throw new Error('LLM Footprint: tokenizer disposed while counting');
      return use(encoder);
    }
  }
}

/** Tokens of `text`; special-token strings such as `<|endoftext|>` count as plain text (encode_ordinary never throws). */
export function countWith(encoder: Tiktoken, text: string): number {
  return text.length === 0 ? 0 : encoder.encode_ordinary(text).length;
}

/**
 * Starts loading an encoder without waiting for it, e.g. when the first file with LLM calls opens, so the first
 * count does not pay the ~0.3 s construction. Still lazy: nothing loads until a shell asks. Errors surface on use.
 */
function warmUp(name: EncodingName): void {
  entryFor(name).promise.catch(() => undefined);
}

/** Frees every encoder of this thread. Counting afterwards recreates them. */
function disposeAll(): void {
  for (const entry of entries.values()) {
    entry.disposed = true;
    entry.promise.then((encoder) => encoder.free(), () => undefined);
  }
  entries.clear();
}

/** The encoders of this thread behind the counting port: the default everywhere but the extension host. */
export const IN_THREAD_COUNTER: TokenCounter = Object.freeze({
  countTexts: (encoding: EncodingName, texts: readonly string[]) =>
    withEncoder(encoding, (encoder) => texts.map((text) => countWith(encoder, text))),
  warmUp,
  dispose: disposeAll,
});

/** For tests and the bench: how many encoders of this thread are alive (created or being created). */
export function liveEncoderCount(): number {
  return entries.size;
}
