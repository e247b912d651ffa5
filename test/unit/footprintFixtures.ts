import { estimateFootprint, resolveModel } from '../../src/core/footprint';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CallParams, DetectedCall, Footprint, InputTokens, ModelInfo, OutputTokens } from '../../src/core/types';

// Small builders shared by the footprint tests: a resolved model, fixed token counts, a minimal detected call.

export function model(name: string): ModelInfo {
  const r = resolveModel(name, DEFAULT_SETTINGS);
  if (!r.model) throw new Error(`test setup: ${name} should resolve (${r.reason})`);
  return r.model;
}

export function input(count: number, cacheablePrefix?: number): InputTokens {
  return { count, exact: true, dynamic: false, encoding: 'o200k_base', ...(cacheablePrefix !== undefined ? { cacheablePrefix } : {}) };
}

export function output(min: number, typical = min, max = typical, reasoning = 0): OutputTokens {
  return { min, typical, max, reasoning: { min: 0, typical: reasoning, max: reasoning }, basis: ['test'] };
}

export function call(params: CallParams = {}, provider: DetectedCall['provider'] = 'unknown'): DetectedCall {
  return {
    language: 'python', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, provider,
    sdk: 'openai', api: 'chat', callee: 'client.chat.completions.create', model: null, modelSource: 'literal',
    prompt: { messages: [], tools: [], images: 0, audio: false, opaque: false }, params,
  };
}

/** Estimate with fixed tokens; throws when the model has no footprint (tests expect one). */
export function estimate(
  name: string, inTokens: number, outTokens: number, opts: { region?: string | null; call?: DetectedCall; cacheable?: number } = {},
): Footprint {
  const f = estimateFootprint({
    model: model(name), inputTokens: input(inTokens, opts.cacheable), outputTokens: output(outTokens),
    region: opts.region ?? null, ...(opts.call ? { call: opts.call } : {}),
  });
  if (!f) throw new Error(`test setup: no footprint for ${name}`);
  return f;
}
