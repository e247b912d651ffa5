import type { CancellationLike, DetectedCall, LanguageId, Logger } from '../types';

// STUB — replaced by the detection engine (issue 3). Signatures are the contract the rest of the engine uses.

export interface DetectOptions {
  token?: CancellationLike;
  logger?: Logger;
  /** Absolute path of the file, for resolving imports of workspace constants. */
  file?: string;
  /** Reads another workspace file (for imported constants); absent = imports are not followed. */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface DetectResult {
  calls: DetectedCall[];
  notes: string[];
}

const EXTENSIONS: Record<string, LanguageId> = {
  '.py': 'python', '.pyi': 'python',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
};

export function languageFromPath(file: string): LanguageId | null {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? null : EXTENSIONS[file.slice(dot).toLowerCase()] ?? null;
}

/** Cheap lexical prefilter: false means the file certainly has no LLM call, so it is never parsed. */
export function hasSdkMarkers(_text: string): boolean {
  return false;
}

export async function detectCalls(_text: string, _language: LanguageId, _options: DetectOptions = {}): Promise<DetectResult> {
  return { calls: [], notes: [] };
}

/** Frees parsers and grammars (deactivate, end of CLI run). */
export function disposeDetection(): void {}
