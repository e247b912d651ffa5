import type { AnalyzeOptions } from '../core/analyze';
import { hasSdkMarkers } from '../core/detect/markers';
import type { FileAnalysis, LanguageId } from '../core/types';
import { engine, tokenCounter } from './lazyEngine';

// Models counted with cl100k_base (modelTokenizer.ts, vendorTokenizers.ts): a file naming one gets that encoder
// warmed up too. Only a head start: a miss costs time, never a wrong count.
const CL100K_HINT = /gpt-4(?![o.])|gpt-3\.5|gpt-35|text-embedding-(?:3|ada)|llama|mistral|mixtral|deepseek|qwen/;

/**
 * The editor's analysis of one document, as AnalysisService runs it. The prefilter comes first, before the engine
 * loads: a file without SDK markers never loads it (analyzeText would return this same empty result). A file with
 * them starts the tokenizer thread building its encoders at once, in parallel with loading the engine and
 * detecting the calls on this thread; the counts analyzeText returns are exact, they only arrive sooner.
 * `options` may be a function, called only after the prefilter: the editor's settings for analysis are checked
 * against the catalog and a folder's team config is found by the engine, so building them loads it.
 */
export async function analyzeForEditor(
  file: string, text: string, language: LanguageId, options: AnalyzeOptions | (() => AnalyzeOptions),
): Promise<FileAnalysis> {
  if (!hasSdkMarkers(text)) return { file, language, calls: [], notes: [] };
  const counter = tokenCounter();
  if (counter) {
    counter.warmUp('o200k_base');
    // The hint is a scan of the whole text (~1 ms for 5,000 lines): once per session is enough.
    if (!counter.isWarming('cl100k_base') && CL100K_HINT.test(text)) counter.warmUp('cl100k_base');
  }
  return engine().analyzeText(file, text, language, typeof options === 'function' ? options() : options);
}
