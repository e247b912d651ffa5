import type { DetectedCall, MinTypMax, ModelInfo, OutputTokens } from '../types';
import { formatGrouped } from '../units';
import { normalizeModelName } from './modelTokenizer';
import {
  DEFAULT_MAX_OUTPUT_TOKENS, DEFAULT_REASONING_EFFORT, OPT_IN_REASONING_NAME, REASONING_NAME, REASONING_TOKENS_BY_EFFORT,
  TYPICAL_ANSWER_NOTE, TYPICAL_ANSWER_TOKENS,
} from './outputDefaults';

const ZERO: MinTypMax = Object.freeze({ min: 0, typical: 0, max: 0 });
const fmt = formatGrouped;

function nonGenerative(call: DetectedCall, model: ModelInfo | null): string | null {
  const kind = model?.kind;
  if (call.api === 'embeddings' || kind === 'embedding') return 'embeddings return vectors: 0 generated tokens';
  if (call.api === 'image' || kind === 'image') return 'image API: the output is an image, 0 text tokens (image output not modelled)';
  if (call.api === 'audio' || kind === 'audio') return 'audio API: the output is audio or a transcript, 0 text tokens modelled';
  return null;
}

interface Reasoning {
  tokens: number;
  note: string;
}

function reasoningTokens(call: DetectedCall, model: ModelInfo | null): Reasoning | null {
  const { thinkingBudget, reasoningEffort } = call.params;
  if (thinkingBudget !== undefined && thinkingBudget >= 0) {
    return { tokens: thinkingBudget, note: `thinking budget ${fmt(thinkingBudget)} tokens (an upper bound we take as typical)` };
  }
  const effort = reasoningEffort?.toLowerCase();
  const name = normalizeModelName(model?.id ?? call.model ?? '');
  // Claude and Gemini Flash-Lite think only when the request enables it, whatever the catalog says.
  const optIn = model?.vendor === 'anthropic' || call.provider === 'anthropic' || OPT_IN_REASONING_NAME.test(name);
  const reasoningModel = optIn ? false : model?.reasoning ?? REASONING_NAME.test(name);
  if (effort === undefined && !reasoningModel) return null;
  if (effort === undefined) {
    const tokens = REASONING_TOKENS_BY_EFFORT[DEFAULT_REASONING_EFFORT] ?? 0;
    return { tokens, note: `reasoning model, effort not set: default "${DEFAULT_REASONING_EFFORT}" ≈ ${fmt(tokens)} hidden reasoning tokens (assumption)` };
  }
  const known = REASONING_TOKENS_BY_EFFORT[effort];
  if (known !== undefined) {
    return { tokens: known, note: `reasoning effort "${effort}" ≈ ${fmt(known)} hidden reasoning tokens (assumption)` };
  }
  // Levels above `high` (xhigh, max) exist; we have no measurement for them, so `high` is a lower bound.
  const high = REASONING_TOKENS_BY_EFFORT['high'] ?? 0;
  return { tokens: high, note: `reasoning effort "${effort}" not in our table: taken as "high" ≈ ${fmt(high)} tokens (likely more)` };
}

/**
 * Output tokens of one call as `{min, typical, max}` with the reason for each number in `basis`.
 * `max` covers visible and reasoning tokens (OpenAI's max_completion_tokens, Anthropic's max_tokens and Gemini's
 * maxOutputTokens all bound both); `n` completions multiply everything.
 */
export function estimateOutputTokens(call: DetectedCall, model: ModelInfo | null): OutputTokens {
  const none = nonGenerative(call, model);
  if (none) return { min: 0, typical: 0, max: 0, reasoning: { ...ZERO }, basis: [none] };

  const basis: string[] = [];
  const cap = call.params.maxOutputTokens;
  const modelMax = model && model.maxOutputTokens > 0 ? model.maxOutputTokens : null;
  let max: number;
  if (cap && cap.value !== null && cap.value >= 0) {
    max = modelMax !== null ? Math.min(cap.value, modelMax) : cap.value;
    basis.push(`${cap.name}=${fmt(cap.value)}` + (max < cap.value ? ` (above the model maximum ${fmt(max)})` : ''));
  } else if (modelMax !== null) {
    max = modelMax;
    basis.push(cap ? `${cap.name} is not a constant: model maximum ${fmt(max)}` : `no output cap in code: model maximum ${fmt(max)}`);
  } else {
    max = DEFAULT_MAX_OUTPUT_TOKENS;
    basis.push(`no output cap${cap ? ` (${cap.name} is not a constant)` : ''} and model unknown: assumed maximum ${fmt(max)}`);
  }

  const visible = Math.min(TYPICAL_ANSWER_TOKENS, max);
  basis.push(visible < TYPICAL_ANSWER_TOKENS ? `typical answer capped at ${fmt(max)}` : TYPICAL_ANSWER_NOTE);

  const thinking = reasoningTokens(call, model);
  let reasoning: MinTypMax = { ...ZERO };
  if (thinking) {
    const typical = Math.min(thinking.tokens, max);
    reasoning = { min: 0, typical, max: thinking.tokens > 0 ? max : 0 };
    basis.push(thinking.note + (typical < thinking.tokens ? `, capped by the maximum ${fmt(max)}` : ''));
  }

  const single: MinTypMax = {
    min: Math.min(1, max),
    typical: Math.min(visible + reasoning.typical, max),
    max,
  };
  const n = call.params.n !== undefined && call.params.n > 1 ? Math.floor(call.params.n) : 1;
  if (n > 1) basis.push(`n=${n}: ${n} completions, output ×${n}`);
  const times = (v: MinTypMax): MinTypMax => ({ min: v.min * n, typical: v.typical * n, max: v.max * n });
  return { ...times(single), reasoning: times(reasoning), basis };
}
