import { computeFindings } from './advice';
import { detectCalls, hasSdkMarkers, type DetectOptions, type DetectResult } from './detect';
import { estimateFootprint, resolveModel } from './footprint';
import type { AnalysisSettings } from './settings';
import { countInputTokens, estimateOutputTokens, warmUpEncoder } from './tokens';
import type { CallAnalysis, CancellationLike, FileAnalysis, InputTokens, LanguageId, Logger } from './types';

export interface AnalyzeOptions {
  settings: AnalysisSettings;
  token?: CancellationLike;
  logger?: Logger;
  /** Reads other workspace files, so imported constants can be resolved. */
  readFile?: DetectOptions['readFile'];
}

export type DetectStageOptions = Omit<AnalyzeOptions, 'settings'>;

export interface EstimateStageOptions extends AnalyzeOptions {
  /** Bench only (what counting adds to an audit): input tokens are not counted but reported as 0. */
  skipTokenCounting?: boolean;
}

// An analysis is two stages with one definition each: detection (parser, no tokenizer) and estimation (tokenizer,
// footprint, findings; no parser). The editor runs both in one call (analyzeText); the audit runs detection in worker
// threads and estimation on its main thread, so one encoder per encoding serves the whole audit instead of each worker
// loading its own (vocabularies, tiktoken's WASM and its first build: ~0.15 s of CPU each).

/**
 * The one entry point both shells call: source text in, every LLM call with its tokens, footprint and findings out.
 * It never throws for bad input — a broken file yields fewer calls and a note — only for cancellation.
 */
export async function analyzeText(
  file: string, text: string, language: LanguageId, options: AnalyzeOptions,
): Promise<FileAnalysis> {
  // The prefilter keeps files without SDK markers free: no parser, no tokenizer is ever loaded for them.
  if (!hasSdkMarkers(text)) return { file, language, calls: [], notes: [] };
  // A file that names an SDK almost always has calls to count: load the tokenizer (o200k, most models' encoding;
  // ~0.15 s with tiktoken's WASM) while the parser's WASM compiles, instead of after detection. Idempotent once loaded.
  warmUpEncoder('o200k_base');
  const detected = await detectStage(file, text, language, options);
  return estimateStage(file, text, language, detected, options);
}

/** Stage 1: the LLM calls the file sends, and notes. Loads the parser, never the tokenizer. */
export async function detectStage(
  file: string, text: string, language: LanguageId, options: DetectStageOptions,
): Promise<DetectResult> {
  if (!hasSdkMarkers(text)) return { calls: [], notes: [] };
  return detectCalls(text, language, { token: options.token, logger: options.logger, file, readFile: options.readFile });
}

/**
 * Stage 2: tokens, output estimate, footprint and findings of detected calls (`text` is the one they were detected
 * in: fixes are computed from it). All of a file's input counts are requested at once, so a tokenizer on another
 * thread gets them in one message.
 */
export async function estimateStage(
  file: string, text: string, language: LanguageId, detected: DetectResult, options: EstimateStageOptions,
): Promise<FileAnalysis> {
  const result: FileAnalysis = { file, language, calls: [], notes: [...detected.notes] };
  if (detected.calls.length === 0 || options.token?.isCancellationRequested) return result;
  const { settings } = options;
  const models = detected.calls.map((call) => resolveModel(call.model, settings));
  const counts = options.skipTokenCounting
    ? detected.calls.map((call): InputTokens => ({ count: 0, exact: false, dynamic: call.prompt.opaque, encoding: 'none' }))
    : await Promise.all(detected.calls.map((call, i) => countInputTokens(call, models[i]!.model, settings)));
  detected.calls.forEach((call, i) => {
    if (options.token?.isCancellationRequested) return;
    const resolution = models[i]!;
    const model = resolution.model;
    const inputTokens = counts[i]!;
    const outputTokens = estimateOutputTokens(call, model);
    const footprint = model ? estimateFootprint({ model, inputTokens, outputTokens, call, region: settings.region }) : null;
    const draft: Omit<CallAnalysis, 'findings'> = {
      call,
      inputTokens,
      outputTokens,
      footprint,
      ...(model === null ? { unknownModelReason: resolution.reason } : {}),
      callsPerDay: call.volume?.callsPerDay ?? settings.defaultCallsPerDay,
    };
    result.calls.push({ ...draft, findings: computeFindings(draft, { text, settings }) });
  });
  return result;
}
