import { analyzeText } from '../analyze';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, FileAnalysis, LanguageId, Logger } from '../types';
import { readSource, readSourceSync } from './readSource';

// The unit of audit work, identical in a worker thread and in-process: read one file, decide whether it is worth
// analysing, analyse it. Nothing here throws — a file that breaks anything becomes a skip with the reason.

export type FileOutcome =
  | { kind: 'analysis'; analysis: FileAnalysis }
  | { kind: 'skipped'; reason: string };

export interface FileJob {
  absPath: string;
  language: LanguageId;
}

export async function analyzeFile(
  job: FileJob, settings: AnalysisSettings, maxBytes: number | undefined, token?: CancellationLike, logger?: Logger,
): Promise<FileOutcome> {
  const source = await readSource(job.absPath, maxBytes);
  if (!source.ok) return { kind: 'skipped', reason: source.reason };
  try {
    const analysis = await analyzeText(job.absPath, source.text, job.language, {
      settings, token, logger, readFile: (p) => readSourceSync(p, maxBytes),
    });
    return { kind: 'analysis', analysis };
  } catch (error) {
    if (token?.isCancellationRequested) return { kind: 'skipped', reason: 'cancelled' };
    logger?.error(`audit: analysing ${job.absPath} failed`, error);
    return { kind: 'skipped', reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
