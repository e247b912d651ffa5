import type { LanguageId } from '../types';
import type { DetectOutcome } from './analyzeFile';

// Messages between the audit runner and its worker threads (structured-cloned plain data). Workers only detect: the
// runner has already read and decoded each candidate (it sends the text, so no file is read twice) and estimates
// tokens and footprints itself with one tokenizer for the whole audit.

export interface WorkerInit {
  maxBytes: number | undefined;
  /** Folder holding the WASM (the worker bundle's own folder in a packaged build). */
  assetsDir: string;
}

export interface DetectJob {
  absPath: string;
  language: LanguageId;
  text: string;
}

export type ToWorker = { type: 'detect'; id: number; jobs: DetectJob[] };

export type FromWorker =
  | { type: 'detected'; id: number; outcomes: DetectOutcome[] }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };
