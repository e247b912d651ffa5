import type { FindingCode, Severity } from './types';

// One typed, frozen snapshot of the user's choices. The extension builds it from `llmFootprint.*` settings, the CLI
// from `llm-footprint.config.json`; the engine only ever sees this shape.
export interface AnalysisSettings {
  /** ISO country code ('US', 'FR') or cloud region ('us-east-1', 'europe-west4'); null = the provider's default. */
  region: string | null;
  /** Calls per day assumed for a call without an annotation; null = show per-call figures only. */
  defaultCallsPerDay: number | null;
  /** Model aliases and Azure deployment names → catalog model ids. */
  modelMappings: Readonly<Record<string, string>>;
  /** Tokens assumed for a dynamic prompt part the user did not size (0 = count it as nothing, a lower bound). */
  dynamicPartTokens: number;
  /** Severity per finding code; 'off' silences it. */
  severity: Readonly<Record<FindingCode, Severity | 'off'>>;
  /** `oversized-model` fires when a large model gets a prompt at most this long … */
  oversizedMaxInputTokens: number;
  /** … and an output cap at most this large (or a classification/extraction shape). */
  oversizedMaxOutputTokens: number;
  /** `cacheable-prompt` fires for a static prompt prefix at least this long. */
  cacheableMinTokens: number;
}

export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, Severity>> = Object.freeze({
  'oversized-model': 'warning',
  'unbounded-output': 'warning',
  'call-in-loop': 'warning',
  'high-reasoning-effort': 'warning',
  'cacheable-prompt': 'information',
  'unknown-model': 'information',
});

export const DEFAULT_SETTINGS: AnalysisSettings = Object.freeze({
  region: null,
  defaultCallsPerDay: null,
  modelMappings: Object.freeze({}),
  dynamicPartTokens: 0,
  severity: DEFAULT_SEVERITY,
  oversizedMaxInputTokens: 200,
  oversizedMaxOutputTokens: 50,
  // OpenAI caches prompts from 1,024 tokens; Anthropic's minimum cacheable block is 1,024 tokens for most models.
  cacheableMinTokens: 1024,
});
