import { computeFindings } from './advice';
import { detectCalls, hasSdkMarkers, type DetectOptions } from './detect';
import { estimateFootprint, resolveModel } from './footprint';
import type { AnalysisSettings } from './settings';
import { countInputTokens, estimateOutputTokens, warmUpEncoder } from './tokens';
import type { CallAnalysis, CancellationLike, FileAnalysis, LanguageId, Logger } from './types';

export interface AnalyzeOptions {
  settings: AnalysisSettings;
  token?: CancellationLike;
  logger?: Logger;
  /** Reads other workspace files, so imported constants can be resolved. */
  readFile?: DetectOptions['readFile'];
}

/**
 * The one entry point both shells call: source text in, every LLM call with its tokens, footprint and findings out.
 * It never throws for bad input — a broken file yields fewer calls and a note — only for cancellation.
 */
export async function analyzeText(
  file: string, text: string, language: LanguageId, options: AnalyzeOptions,
): Promise<FileAnalysis> {
  const result: FileAnalysis = { file, language, calls: [], notes: [] };
  // The prefilter keeps files without SDK markers free: no parser, no tokenizer is ever loaded for them.
  if (!hasSdkMarkers(text)) return result;
  // A file that names an SDK almost always has calls to count: build the tokenizer (o200k, most models' encoding;
  // ~0.4 s of ranks parsing) while the parser's WASM compiles, instead of after detection. Idempotent once built.
  warmUpEncoder('o200k_base');

  const detected = await detectCalls(text, language, {
    token: options.token, logger: options.logger, file, readFile: options.readFile,
  });
  result.notes.push(...detected.notes);

  for (const call of detected.calls) {
    if (options.token?.isCancellationRequested) break;
    const resolution = resolveModel(call.model, options.settings);
    const model = resolution.model;
    const inputTokens = await countInputTokens(call, model, options.settings);
    const outputTokens = estimateOutputTokens(call, model);
    const footprint = model
      ? estimateFootprint({ model, inputTokens, outputTokens, call, region: options.settings.region })
      : null;
    const draft: Omit<CallAnalysis, 'findings'> = {
      call,
      inputTokens,
      outputTokens,
      footprint,
      ...(resolution.model === null ? { unknownModelReason: resolution.reason } : {}),
      callsPerDay: call.volume?.callsPerDay ?? options.settings.defaultCallsPerDay,
    };
    const findings = computeFindings(draft, { text, settings: options.settings });
    result.calls.push({ ...draft, findings });
  }
  return result;
}
