import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CallParams, DetectedCall, ModelInfo, Prompt, PromptMessage, PromptPart } from '../../src/core/types';
import { FIXTURES } from './setup';

// Hand-built DetectedCall / ModelInfo objects for the token tests (the detection stage is tested on its own).

const ZERO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function readTokenFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'tokens', name), 'utf8');
}

export const TEXT_FIXTURES = ['english.txt', 'multilingual.txt', 'emoji.txt', 'special-tokens.txt', 'code.txt', 'whitespace.txt'];

export function text(t: string): PromptPart {
  return { kind: 'static', text: t };
}

export function dyn(expression: string, declaredTokens?: number): PromptPart {
  return declaredTokens === undefined ? { kind: 'dynamic', expression } : { kind: 'dynamic', expression, declaredTokens };
}

export function msg(role: PromptMessage['role'], ...parts: PromptPart[]): PromptMessage {
  return { role, parts };
}

export function makeCall(
  over: Partial<Omit<DetectedCall, 'prompt' | 'params'>> & { prompt?: Partial<Prompt>; params?: CallParams } = {},
): DetectedCall {
  const { prompt, params, ...rest } = over;
  return {
    language: 'python',
    range: ZERO_RANGE,
    provider: 'openai',
    sdk: 'openai',
    api: 'chat',
    callee: 'client.chat.completions.create',
    model: 'gpt-4o',
    modelSource: 'literal',
    prompt: { messages: [], tools: [], images: 0, audio: false, opaque: false, ...prompt },
    params: params ?? {},
    ...rest,
  };
}

export function makeModel(over: Partial<ModelInfo> = {}): ModelInfo {
  return {
    id: 'gpt-4o',
    provider: 'openai',
    vendor: 'openai',
    kind: 'chat',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    reasoning: false,
    capabilities: { tools: true, vision: true, json: true },
    ...over,
  };
}
