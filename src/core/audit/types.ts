import type { AnalysisSettings } from '../settings';
import type { CallAnalysis, CancellationLike, LanguageId, Logger, MinTypMax } from '../types';

// The audit's own vocabulary: what a walk over a tree of files produces, before any output format is chosen.
// Everything here is plain data (structured-cloneable), so worker threads and the report webview can receive it.

/** One folder or file the user asked to audit. Paths in the output are `prefix + relative(base, file)` with "/". */
export interface AuditRoot {
  /** Absolute path of the folder or file to walk. */
  path: string;
  /** Absolute folder the reported paths are relative to (the "audited root"). */
  base: string;
  /** Prepended to relative paths, e.g. "api/" for a folder of a multi-root workspace; "" by default. */
  prefix?: string;
  /** Extra ignore globs (gitignore syntax, relative to `base`): the config's `ignore`, the editor's files.exclude. */
  ignore?: readonly string[];
}

export interface WalkOptions {
  /** Files larger than this go to `skipped` (default 2 MB). */
  maxFileBytes?: number;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

export interface AuditOptions extends WalkOptions {
  settings: AnalysisSettings;
  logger?: Logger;
  /** Worker threads: 0 = analyse in this thread; undefined = automatic (both cores when the tree is large enough). */
  workers?: number;
  /** Path of the bundled worker (dist/auditWorker.js); default: next to the assets. Missing file → in-process. */
  workerScript?: string;
  /**
   * @internal Bench only (bench/probes/auditCounting.ts measures what token counting adds to an audit): input tokens
   * are not counted and reported as 0. Never a CLI option.
   */
  skipTokenCounting?: boolean;
}

/** A file that was looked at and not analysed, and why (binary, too large, minified, unreadable, symlink loop …). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface AuditedFile {
  /** Relative path with "/" (prefix included). */
  file: string;
  absPath: string;
  language: LanguageId;
  calls: number;
  notes: string[];
}

export interface AuditedCall {
  /** Relative path with "/" (prefix included), as in the JSON contract. */
  file: string;
  absPath: string;
  analysis: CallAnalysis;
}

/** Sums of ranges; `null` cost means no call had a known price. */
export interface ImpactTotals {
  energyWh: MinTypMax;
  co2eGrams: MinTypMax;
  waterMl: MinTypMax;
  costUsd: MinTypMax | null;
}

export interface AggregateRow {
  /** File path, model id (or "unknown model"), or provider. */
  key: string;
  calls: number;
  /** Calls of this group with a known footprint (the rest have an unknown model). */
  estimatedCalls: number;
  perCall: ImpactTotals;
  perDay: ImpactTotals;
  findings: number;
}

export interface Savings {
  /** Typical-energy saving of one run of every call if each call's preferred fixes were applied (Wh, ≥ 0). */
  perCallEnergyWh: number;
  perCallCostUsd: number;
  perDayEnergyWh: number;
  perDayCostUsd: number;
  /** perCallEnergyWh / total typical energy per run (0…1). */
  energyFraction: number;
  /** Calls that have at least one preferred fix with a known saving. */
  callsWithFixes: number;
}

export interface AuditTotals {
  filesAnalysed: number;
  filesWithCalls: number;
  skipped: number;
  calls: number;
  /** Calls whose model is unknown (no footprint): they add nothing to the sums below. */
  unknownModelCalls: number;
  /** Calls whose model is known but whose price is not: they add nothing to costUsd. */
  unknownCostCalls: number;
  findings: number;
  findingsBySeverity: Record<string, number>;
  /** One run of every call site once. */
  perCall: ImpactTotals;
  /** Σ per-call × calls/day over call sites with a volume (annotation or default calls/day). */
  perDay: ImpactTotals;
  /** perDay × 30. */
  perMonth: ImpactTotals;
  callsPerDay: number;
  /** Call sites with a calls/day figure (the rest are absent from perDay). */
  callsWithVolume: number;
  savings: Savings;
}

export interface AuditResult {
  roots: AuditRoot[];
  files: AuditedFile[];
  calls: AuditedCall[];
  skipped: SkippedFile[];
  totals: AuditTotals;
  byFile: AggregateRow[];
  byModel: AggregateRow[];
  byProvider: AggregateRow[];
  /** True when the audit was cancelled: everything above is what had been analysed by then. */
  cancelled: boolean;
  /** The region and default volume the figures assume. */
  region: string | null;
  defaultCallsPerDay: number | null;
  durationMs: number;
  /** Worker threads used (0 = in-process). */
  workers: number;
}

export interface AuditProgress {
  /** Files found so far by the walk. */
  found: number;
  /** Files analysed (or skipped) so far. */
  done: number;
  /** Total files to analyse once the walk has finished; undefined while walking. */
  total?: number;
  calls: number;
}

export type ProgressListener = (progress: AuditProgress) => void;

export type { CancellationLike };
