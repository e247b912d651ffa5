import { detectStage, estimateStage } from '../analyze';
import type { DetectResult } from '../detect';
import { hasSdkMarkers, mayHaveSdkMarkers } from '../detect/markers';
import type { AnalysisSettings } from '../settings';
import type { CancellationLike, FileAnalysis, LanguageId, Logger } from '../types';
import { decodeScreened, isUtf16, readBytes, readSourceSync, ScratchBuffer, screenBytes } from './readSource';

// The units of audit work. One file is read, screened and prefiltered once (prescreenFile, on the runner's thread);
// a candidate's text is then detected (detectFile: in a worker thread, or in-process) and estimated (estimateFile:
// always on the runner's thread, which owns the tokenizer). analyzeFile chains the three for in-process audits.
// Nothing here throws — a file that breaks anything becomes a skip with the reason.

export type FileOutcome =
  | { kind: 'analysis'; analysis: FileAnalysis }
  | { kind: 'skipped'; reason: string };

export type DetectOutcome =
  | { kind: 'detected'; result: DetectResult }
  | { kind: 'skipped'; reason: string };

export interface FileJob {
  absPath: string;
  language: LanguageId;
}

export type Prescreened = { outcome: FileOutcome; text?: undefined } | { outcome?: undefined; text: string };

/**
 * Read, screen and prefilter: an outcome when that settles the file (unreadable, binary, minified, undecodable, or no
 * SDK marker: most files of a tree), else its decoded text (a candidate for detection).
 */
export function prescreenFile(job: FileJob, maxBytes: number | undefined, scratch?: ScratchBuffer): Prescreened {
  const read = readBytes(job.absPath, maxBytes, scratch);
  if (!read.ok) return { outcome: { kind: 'skipped', reason: read.reason } };
  const { bytes } = read;
  const screened = screenBytes(bytes, job.absPath);
  if (screened) return { outcome: { kind: 'skipped', reason: screened } };
  // Most files of a tree have no SDK marker: answer for them on the raw bytes, before any string exists. The
  // literal scan rules out nearly all of them; the marker regex (on Latin-1, a one-byte copy: the markers are ASCII,
  // so they match there exactly where they match the UTF-8 text) confirms the few it flags. UTF-16 files are decoded
  // first and prefiltered by the detection stage.
  if (!isUtf16(bytes) && (!mayHaveSdkMarkers(bytes) || !hasSdkMarkers(bytes.toString('latin1')))) {
    return { outcome: { kind: 'analysis', analysis: { file: job.absPath, language: job.language, calls: [], notes: [] } } };
  }
  const source = decodeScreened(bytes);
  return source.ok ? { text: source.text } : { outcome: { kind: 'skipped', reason: source.reason } };
}

/** Texts beyond this many characters in a ReadCache start it over: a bound on memory, not a tuning knob. */
const READ_CACHE_CHARS = 8 * 1024 * 1024;

/**
 * Other workspace files read while detecting (imported modules and constants), shared by the files of one audit in
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

/** Detection of one candidate's text (the stage workers run). */
export async function detectFile(
  job: FileJob, text: string, cache: ReadCache, token?: CancellationLike, logger?: Logger,
): Promise<DetectOutcome> {
  try {
    const result = await detectStage(job.absPath, text, job.language, { token, logger, readFile: (p) => cache.read(p) });
    return { kind: 'detected', result };
  } catch (error) {
    return failed(job, error, token, logger);
  }
}

/** Estimation of one candidate's detected calls (tokens, footprint, findings), on the thread that owns the tokenizer. */
export async function estimateFile(
  job: FileJob, text: string, detected: DetectOutcome, settings: AnalysisSettings, token?: CancellationLike,
  logger?: Logger, skipTokenCounting = false,
): Promise<FileOutcome> {
  if (detected.kind === 'skipped') return detected;
  try {
    const analysis = await estimateStage(job.absPath, text, job.language, detected.result, {
      settings, token, logger, skipTokenCounting,
    });
    return { kind: 'analysis', analysis };
  } catch (error) {
    return failed(job, error, token, logger);
  }
}

/** Prescreen, detect and estimate in this thread (in-process audits: small trees, no worker script, --jobs 0). */
export async function analyzeFile(
  job: FileJob, settings: AnalysisSettings, maxBytes: number | undefined, token?: CancellationLike, logger?: Logger,
  cache: ReadCache = new ReadCache(maxBytes), scratch?: ScratchBuffer, skipTokenCounting = false,
): Promise<FileOutcome> {
  const first = prescreenFile(job, maxBytes, scratch);
  if (first.outcome) return first.outcome;
  const detected = await detectFile(job, first.text, cache, token, logger);
  return estimateFile(job, first.text, detected, settings, token, logger, skipTokenCounting);
}

function failed(job: FileJob, error: unknown, token?: CancellationLike, logger?: Logger): { kind: 'skipped'; reason: string } {
  if (token?.isCancellationRequested) return { kind: 'skipped', reason: 'cancelled' };
  logger?.error(`audit: analysing ${job.absPath} failed`, error);
  return { kind: 'skipped', reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
}
