import type { CallAnalysis, DetectedCall, Footprint } from '../../src/core/types';

// Hand-built analyses for the presentation builders: the shapes the engine produces, with round numbers so the
// expected strings can be checked by hand (0.31 Wh typical → "0.31 Wh").

export function detected(overrides: Partial<DetectedCall> = {}): DetectedCall {
  return {
    language: 'python',
    range: { start: { line: 4, character: 4 }, end: { line: 8, character: 5 } },
    provider: 'openai', sdk: 'openai', api: 'chat',
    callee: 'client.chat.completions.create',
    model: 'gpt-4o', modelSource: 'literal',
    prompt: { messages: [{ role: 'user', parts: [{ kind: 'static', text: 'Classify this.' }] }], tools: [], images: 0, audio: false, opaque: false },
    params: { maxOutputTokens: { name: 'max_tokens', value: 500 } },
    ...overrides,
  };
}

export function footprint(overrides: Partial<Footprint> = {}): Footprint {
  return {
    energyWh: { min: 0.1, typical: 0.31, max: 0.9 },
    co2eGrams: { min: 0.04, typical: 0.12, max: 0.4 },
    waterMl: { min: 0.5, typical: 1.1, max: 3 },
    costUsd: { min: 0.001, typical: 0.0021, max: 0.005 },
    region: 'US', gridIntensity: 384,
    assumptions: ['PUE 1.1–1.4 (hyperscale)', 'output length: typical 300 of max_tokens=500'],
    modelId: 'gpt-4o',
    ...overrides,
  };
}

export function analysis(overrides: Partial<CallAnalysis> = {}): CallAnalysis {
  return {
    call: detected(),
    inputTokens: { count: 1234, exact: true, dynamic: false, encoding: 'o200k_base' },
    outputTokens: { min: 1, typical: 300, max: 500, reasoning: { min: 0, typical: 0, max: 0 }, basis: ['max_tokens=500'] },
    footprint: footprint(),
    callsPerDay: null,
    findings: [],
    ...overrides,
  };
}
