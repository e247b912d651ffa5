import { CountCache } from './countCache';
import { IN_THREAD_COUNTER } from './encoders';
import type { EncodingName } from './encodingName';

/**
 * The narrow port through which all token counting goes: the encoders live behind it, in this thread (CLI, tests,
 * audit workers) or in a tokenizer worker thread (the extension host, whose only thread must not stall for the
 * ~0.15 s the first count takes to load an encoding and tiktoken's WASM).
 */
export interface TokenCounter {
  /** Token counts of `texts` with `encoding`, in order; special-token strings such as `<|endoftext|>` count as text. */
  countTexts(encoding: EncodingName, texts: readonly string[]): Promise<number[]>;
  /** Starts building the encoder without waiting for it; errors surface on the next count. */
  warmUp(encoding: EncodingName): void;
  /** Frees the encoders; counting afterwards builds them again. */
  dispose(): void;
}

let installed: TokenCounter | undefined;

/**
 * Installs the counter every count goes through (the extension installs its worker-backed one; undefined puts the
 * in-thread default back). The caller owns it and disposes it. The main-side count cache is emptied: counts are
 * the same whichever counter made them, but the cache must not outlive an encoder setup a test swapped out.
 */
export function setTokenCounter(counter: TokenCounter | undefined): void {
  installed = counter;
  caches.clear();
}

export function activeCounter(): TokenCounter {
  return installed ?? IN_THREAD_COUNTER;
}

// Counts by text, per encoding, on the caller's side of the port: the editor re-analyses a file on every edit and
// audits repeat the same system prompts and schemas, so a warm analysis needs no tokenizer at all (no round trip to
// the worker). See countCache.ts for the bounds and the measured cost of a hit vs an encode.
const caches = new Map<EncodingName, CountCache>();

/** Token counts of `texts`, from the cache or one request to the active counter for all the missing ones. */
export async function countTexts(encoding: EncodingName, texts: readonly string[]): Promise<number[]> {
  let cache = caches.get(encoding);
  if (!cache) { cache = new CountCache(); caches.set(encoding, cache); }
  const counts = new Array<number>(texts.length).fill(0);
  const missing = new Map<string, number[]>();
  texts.forEach((text, i) => {
    if (text.length === 0) return;
    const hit = cache.get(text);
    if (hit !== undefined) counts[i] = hit;
    else { const at = missing.get(text); if (at) at.push(i); else missing.set(text, [i]); }
  });
  if (missing.size === 0) return counts;
  const asked = [...missing.keys()];
  const answered = await activeCounter().countTexts(encoding, asked);
  asked.forEach((text, k) => {
    const n = answered[k] ?? 0;
    cache.set(text, n);
    for (const i of missing.get(text) ?? []) counts[i] = n;
  });
  return counts;
}

/** Counts one text (exact for OpenAI models of that encoding). For many texts, prefer one `countTexts` call. */
export async function countText(text: string, encoding: EncodingName): Promise<number> {
  const [n] = await countTexts(encoding, [text]);
  return n ?? 0;
}

/** Starts building an encoder (e.g. when the first file with LLM calls opens), so the first count does not wait. */
export function warmUpEncoder(name: EncodingName = 'o200k_base'): void {
  activeCounter().warmUp(name);
}

/**
 * Frees every encoder — the in-thread ones and the installed counter's (a worker is terminated) — and the count
 * caches (deactivate, end of a CLI run). Counting afterwards recreates them.
 */
export function disposeEncoders(): void {
  caches.clear();
  IN_THREAD_COUNTER.dispose();
  if (installed && installed !== IN_THREAD_COUNTER) installed.dispose();
}
