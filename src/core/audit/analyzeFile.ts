import { analyzeText } from '../analyze';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, FileAnalysis, LanguageId, Logger } from '../types';
import { hasSdkMarkers } from '../detect';
import { decodeSource, prefilterText, readBytes, readSourceSync, ScratchBuffer, screenBytes } from './readSource';

// The unit of audit work, identical in a worker thread and in-process: read one file, decide whether it is worth
// analysing, analyse it. Nothing here throws — a file that breaks anything becomes a skip with the reason.

export type FileOutcome =
  | { kind: 'analysis'; analysis: FileAnalysis }
  | { kind: 'skipped'; reason: string };

export interface FileJob {
  absPath: string;
  language: LanguageId;
}

/**
 * Read, screen and prefilter: an outcome when that settles the file (unreadable, binary, minified, or no SDK marker:
 * most files of a tree), else its bytes. The audit runner calls this on the main thread so only candidates travel to
 * the workers; analyzeFile starts with it too.
 */
export function prescreenFile(
  job: FileJob, maxBytes: number | undefined, scratch?: ScratchBuffer,
): { outcome: FileOutcome } | { outcome?: undefined; bytes: Buffer } {
  const read = readBytes(job.absPath, maxBytes, scratch);
  if (!read.ok) return { outcome: { kind: 'skipped', reason: read.reason } };
  const screened = screenBytes(read.bytes, job.absPath);
  if (screened) return { outcome: { kind: 'skipped', reason: screened } };
  // Most files of a tree have no SDK marker: answer for them before paying for UTF-8 decoding.
  const quick = prefilterText(read.bytes);
  if (quick !== undefined && !hasSdkMarkers(quick)) {
    return { outcome: { kind: 'analysis', analysis: { file: job.absPath, language: job.language, calls: [], notes: [] } } };
  }
  // A candidate outlives the scratch buffer's next read.
  return { bytes: scratch ? Buffer.from(read.bytes) : read.bytes };
}

/** Texts beyond this many characters in a ReadCache start it over: a bound on memory, not a tuning knob. */
const READ_CACHE_CHARS = 8 * 1024 * 1024;

/**
 * Other workspace files read while analysing (imported modules and constants), shared by the files of one audit in
 * one thread: the same config or client module is imported by many files, and most probes are for Python module
 * paths that do not exist. Files do not change during an audit; a new audit makes a new cache.
 */
export class ReadCache {
  private readonly texts = new Map<string, string | undefined>();
  private chars = 0;

  constructor(private readonly maxBytes: number | undefined) {}

  read(absPath: string): string | undefined {
    if (this.texts.has(absPath)) return this.texts.get(absPath);
    const text = readSourceSync(absPath, this.maxBytes);
    if (text !== undefined) {
      this.chars += text.length;
      if (this.chars > READ_CACHE_CHARS) {
        this.texts.clear();
        this.chars = text.length;
      }
    }
    this.texts.set(absPath, text);
    return text;
  }
}

export async function analyzeFile(
  job: FileJob, settings: AnalysisSettings, maxBytes: number | undefined, token?: CancellationLike, logger?: Logger,
  cache: ReadCache = new ReadCache(maxBytes),
): Promise<FileOutcome> {
  const first = prescreenFile(job, maxBytes);
  if (first.outcome) return first.outcome;
  const source = decodeSource(first.bytes, job.absPath);
  if (!source.ok) return { kind: 'skipped', reason: source.reason };
  try {
    const analysis = await analyzeText(job.absPath, source.text, job.language, {
      settings, token, logger, readFile: (p) => cache.read(p),
    });
    return { kind: 'analysis', analysis };
  } catch (error) {
    if (token?.isCancellationRequested) return { kind: 'skipped', reason: 'cancelled' };
    logger?.error(`audit: analysing ${job.absPath} failed`, error);
    return { kind: 'skipped', reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
