import type { AnalysisSettings } from '../settings';
import type { FileJob, FileOutcome } from './analyzeFile';

// Messages between the audit runner and its worker threads (structured-cloned plain data).

export interface WorkerInit {
  settings: AnalysisSettings;
  maxBytes: number | undefined;
  /** Folder holding the WASM and tokenizer ranks (the worker bundle's own folder in a packaged build). */
  assetsDir: string;
}

export type ToWorker = { type: 'jobs'; id: number; jobs: FileJob[] };

export type FromWorker =
  | { type: 'results'; id: number; outcomes: FileOutcome[] }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };
