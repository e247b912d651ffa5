import * as assert from 'node:assert/strict';
import { computeFindings, type AdviceCatalog } from '../../src/core/advice';
import { catalogEntry, listModels, resolveModel } from '../../src/core/footprint';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings';
import type {
  CallAnalysis, CallParams, DetectedCall, Finding, Footprint, InputTokens, LanguageId, LoopContext, MessageRole,
  ModelInfo, ModelSource, OutputTokens, PromptMessage, Provider, Range,
} from '../../src/core/types';

// Shared harness for the advice unit tests: builds DetectedCall objects with real ranges over real snippets (found by
// searching the snippet, independently of the advice code), and a transparent test catalog — the real model list and
// aliases, with energy ∝ active parameters × tokens and cost from catalog prices — so savings are easy to check by hand.

export function positionOf(text: string, offset: number): Range['start'] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function rangeOf(text: string, start: number, end: number): Range {
  return { start: positionOf(text, start), end: positionOf(text, end) };
}

/** End offset of the call starting at `start` whose callee text ends with '(' — a naive matcher skipping quoted text. */
export function callEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? text.indexOf(c.repeat(3), i + 3) + 3 : text.indexOf(c, i + 1) + 1;
      i = close - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unbalanced snippet');
}

export interface CallSpec {
  language?: LanguageId;
  /** Text that starts the call, ending with its '(' (e.g. 'client.chat.completions.create('). */
  call: string;
  /** Which occurrence of `call` (default 0). */
  occurrence?: number;
  provider?: Provider;
  sdk?: string;
  api?: DetectedCall['api'];
  model?: string | null;
  /** The model literal with quotes as written, located in the text (first occurrence). */
  modelLiteral?: string;
  modelSource?: ModelSource;
  messages?: Array<{ role: MessageRole; text?: string; dynamic?: string }>;
  params?: CallParams;
  /** Loop header text (its first occurrence starts the loop range, which ends at `loopEnd` or the call's end). */
  loop?: { kind: LoopContext['kind']; header: string; end?: string; iterable?: string };
  tools?: number;
}

export function buildCall(text: string, spec: CallSpec): DetectedCall {
  let start = -1;
  for (let k = 0; k <= (spec.occurrence ?? 0); k++) start = text.indexOf(spec.call, start + 1);
  assert.ok(start >= 0, `call text ${spec.call} not in snippet`);
  const end = callEnd(text, start + spec.call.length - 1);
  const model = spec.model === undefined ? 'gpt-4o' : spec.model;
  const call: DetectedCall = {
    language: spec.language ?? 'python',
    range: rangeOf(text, start, end),
    provider: spec.provider ?? 'openai',
    sdk: spec.sdk ?? 'openai',
    api: spec.api ?? 'chat',
    callee: spec.call.slice(0, -1).replace(/^(await|new)\s+/, ''),
    model,
    modelSource: spec.modelSource ?? 'literal',
    prompt: {
      messages: (spec.messages ?? [{ role: 'user', text: 'Hello' }]).map((m): PromptMessage => ({
        role: m.role,
        parts: [
          ...(m.text !== undefined ? [{ kind: 'static' as const, text: m.text }] : []),
          ...(m.dynamic !== undefined ? [{ kind: 'dynamic' as const, expression: m.dynamic }] : []),
        ],
      })),
      tools: Array.from({ length: spec.tools ?? 0 }, () => ({ kind: 'static' as const, text: '{"name":"t"}' })),
      images: 0,
      audio: false,
      opaque: false,
    },
    params: spec.params ?? {},
  };
  if (spec.modelLiteral) {
    const at = text.indexOf(spec.modelLiteral);
    assert.ok(at >= 0, `model literal ${spec.modelLiteral} not in snippet`);
    call.modelRange = rangeOf(text, at, at + spec.modelLiteral.length);
  }
  if (spec.loop) {
    const at = text.indexOf(spec.loop.header);
    assert.ok(at >= 0, 'loop header not in snippet');
    const loopEnd = spec.loop.end ? text.indexOf(spec.loop.end, at) + spec.loop.end.length : end;
    call.loop = { kind: spec.loop.kind, range: rangeOf(text, at, loopEnd), ...(spec.loop.iterable ? { iterable: spec.loop.iterable } : {}) };
  }
  return call;
}

/** Energy ∝ typical active parameters × (0.05 × input + output) tokens; cost from catalog prices. Min/max ×0.5/×2. */
// `satisfies`, not a type annotation: analyzeOne uses its estimate as the call's full footprint (advice only needs the figures).
export const testCatalog = {
  listModels: () => listModels(),
  resolve: (name, settings) => resolveModel(name, settings),
  estimateOutput(call: DetectedCall, model: ModelInfo | null): OutputTokens {
    const cap = call.params.maxOutputTokens?.value ?? model?.maxOutputTokens ?? 4096;
    const effort = call.params.reasoningEffort;
    const reasoningTypical = model?.reasoning ? (effort === 'high' ? 4000 : effort === 'low' ? 500 : effort === 'minimal' ? 100 : 1500) : 0;
    const budget = call.params.thinkingBudget;
    const reasoning = budget !== undefined ? Math.min(budget, cap) : Math.min(reasoningTypical, cap);
    const typical = Math.min(300, cap) + reasoning;
    return { min: 1, typical: Math.min(typical, cap), max: cap, reasoning: { min: 0, typical: reasoning, max: reasoning }, basis: ['test'] };
  },
  estimate(model: ModelInfo, input: InputTokens, output: OutputTokens): Footprint | null {
    const entry = catalogEntry(model.id);
    if (!entry?.params) return null;
    const a = entry.params.active;
    const active = typeof a === 'number' ? a : (a[0] + a[1]) / 2;
    const wh = (tokens: number): number => active * (0.05 * input.count + tokens) * 1e-4;
    const price = entry.prices;
    const usd = (tokens: number): number => ((price?.input ?? 0) * input.count + (price?.output ?? 0) * tokens) / 1e6;
    const mtm = (f: (t: number) => number) => ({ min: f(output.min) * 0.5, typical: f(output.typical), max: f(output.max) * 2 });
    return {
      energyWh: mtm(wh), co2eGrams: mtm((t) => wh(t) * 0.4), waterMl: mtm((t) => wh(t) * 2),
      costUsd: price?.input !== undefined ? mtm(usd) : null, region: 'US', gridIntensity: 400, assumptions: [], modelId: model.id,
    };
  },
} satisfies AdviceCatalog;

export interface AnalyzeSpec extends CallSpec {
  inputTokens?: number;
  dynamic?: boolean;
  cacheablePrefix?: number;
  settings?: Partial<AnalysisSettings>;
}

/** Runs the same steps analyzeText runs for one call, with the test catalog. */
export function analyzeOne(text: string, spec: AnalyzeSpec): { call: DetectedCall; analysis: Omit<CallAnalysis, 'findings'>; findings: Finding[] } {
  const call = buildCall(text, spec);
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...spec.settings };
  const resolution = testCatalog.resolve(call.model, settings);
  const model = resolution.model;
  const inputTokens: InputTokens = {
    count: spec.inputTokens ?? 40, exact: true, dynamic: spec.dynamic ?? false, encoding: 'o200k_base',
    ...(spec.cacheablePrefix !== undefined ? { cacheablePrefix: spec.cacheablePrefix } : {}),
  };
  const outputTokens = testCatalog.estimateOutput(call, model);
  const footprint = model ? testCatalog.estimate(model, inputTokens, outputTokens) : null;
  const analysis: Omit<CallAnalysis, 'findings'> = {
    call, inputTokens, outputTokens, footprint,
    ...(resolution.model === null ? { unknownModelReason: resolution.reason } : {}),
    callsPerDay: null,
  };
  return { call, analysis, findings: computeFindings(analysis, { text, settings, catalog: testCatalog }) };
}

describe('advice harness', () => {
  it('locates call ranges in snippets, multi-line and with parentheses inside strings', () => {
    const text = 'x = 1\nr = client.create(\n    model="m",\n    prompt="a (b",\n)\n';
    const call = buildCall(text, { call: 'client.create(' });
    assert.deepEqual(call.range, { start: { line: 1, character: 4 }, end: { line: 4, character: 1 } });
  });
});
