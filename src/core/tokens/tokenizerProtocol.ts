import type { EncodingName } from './encodingName';

// Messages between WorkerTokenCounter (workerCounter.ts) and the tokenizer thread (tokenizerWorker.ts).

export interface TokenizerInit {
  /** Where tiktoken's WASM and the vocabularies are (dist/). */
  assetsDir: string;
}

export type ToTokenizer =
  | { type: 'warmUp'; encoding: EncodingName }
  | { type: 'count'; id: number; encoding: EncodingName; texts: string[] }
  | { type: 'stats'; id: number };

export type FromTokenizer =
  | { type: 'counts'; id: number; counts: number[] }
  | { type: 'stats'; id: number; encoders: number }
  | { type: 'error'; id: number; message: string };
