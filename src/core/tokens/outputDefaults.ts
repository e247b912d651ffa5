// Output-length assumptions (shared/ENERGY.md §2). Each is an assumption shown in the hover, never hidden.

/**
 * Typical visible answer of a chat/completion call when the code does not say: Microsoft's measured production
 * median (Oviedo et al. 2025) is 300 output tokens; Epoch AI assumes 500 for a typical chatbot reply; ML.ENERGY's
 * chat mean is 717. We take the measured median as the central value and show the others in the basis.
 */
export const TYPICAL_ANSWER_TOKENS = 300;
export const TYPICAL_ANSWER_NOTE = 'typical answer ~300 tokens (Microsoft production median; Epoch AI assumes 500, ML.ENERGY chat mean 717)';

/** Upper bound when neither the call nor the catalog gives one: gpt-4o's documented max output. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 16_384;

/**
 * Hidden reasoning tokens per effort level (assumption, ENERGY.md §2; calibrated on ML.ENERGY's reasoning-vs-chat
 * mean 6,988 vs 717 and Microsoft's median 5,000 vs 300). OpenAI reasoning models default to `medium`.
 */
export const REASONING_TOKENS_BY_EFFORT: Readonly<Record<string, number>> = Object.freeze({
  none: 0,
  minimal: 0,
  low: 1_000,
  medium: 4_000,
  high: 8_000,
});
export const DEFAULT_REASONING_EFFORT = 'medium';

/**
 * Reasoning models by name when the catalog does not say: OpenAI o-series, gpt-5 (except the non-reasoning
 * `gpt-5-chat`), gpt-oss, DeepSeek R1 / reasoner, QwQ, Magistral.
 */
export const REASONING_NAME = /^(?:o1|o3|o4)(?:$|-)|^gpt-5(?!.*chat)|^gpt-oss|deepseek-r1|deepseek-reasoner|^qwq|magistral/;

/**
 * Models that reason only when the request asks (thinking budget or effort), whatever the catalog's `reasoning`
 * flag says: Claude (extended thinking is opt-in) and Gemini Flash-Lite (thinking off by default, Gemini docs).
 */
export const OPT_IN_REASONING_NAME = /claude|flash-lite/;
