import type { CallAnalysis, DetectedCall } from '../types';

// What a call is for, read from its static prompt text and parameters. It sizes the output cap a fix proposes and
// tells `oversized-model` when a task is a classification/extraction a small model handles well.

export type Purpose = 'classification' | 'extraction' | 'summary' | 'long-form' | 'code' | 'answer';

export interface PurposeInfo {
  purpose: Purpose;
  /** Output tokens a typical answer of this kind needs, with headroom. */
  cap: number;
  /** "classification label", shown in titles and messages. */
  label: string;
}

// Caps: a label or yes/no answer is a handful of tokens (32 leaves room for a short justification or a JSON wrapper);
// a JSON extraction of a few fields or a summary fits in ~512; a chat answer in ~1,024 (about 750 English words);
// generated code or long-form text in ~2,048.
const PURPOSES: ReadonlyArray<{ purpose: Purpose; cap: number; label: string; pattern: RegExp }> = [
  {
    purpose: 'classification', cap: 32, label: 'classification label',
    pattern: /\b(classif(y|ies|ication)|categori[sz]e|(one|which) (of (the|these) )?categor(y|ies)|label (this|the|each)|sentiment|yes or no|yes\/no|true or false|(one|single) word|answer (with )?(only|just)|respond (with )?(only|just)|reply (with )?(only|just)|is this (spam|toxic)|spam or not)\b/i,
  },
  {
    purpose: 'extraction', cap: 512, label: 'extraction',
    pattern: /\b(extract|parse|pull out|named entities|entities|fields? (from|of)|structured data|as json|in json|json (object|format|schema))\b/i,
  },
  { purpose: 'summary', cap: 512, label: 'summary', pattern: /\b(summari[sz]e|summary|tl;?dr|condense)\b/i },
  {
    purpose: 'code', cap: 2048, label: 'code generation',
    pattern: /\b(write (a |the )?(function|class|program|script|code)|generate (the )?code|implement|refactor|unit tests?)\b/i,
  },
  {
    purpose: 'long-form', cap: 2048, label: 'long-form text',
    pattern: /\b(essay|article|blog post|report|story|chapter|detailed (explanation|guide)|write (a|an) (long|detailed))\b/i,
  },
];

export function staticPromptText(call: DetectedCall): string {
  const texts: string[] = [];
  for (const message of call.prompt.messages) {
    for (const part of message.parts) if (part.kind === 'static') texts.push(part.text);
  }
  return texts.join('\n');
}

const purposeCache = new WeakMap<DetectedCall, PurposeInfo>();

export function callPurpose(analysis: Pick<CallAnalysis, 'call'>): PurposeInfo {
  const known = purposeCache.get(analysis.call);
  if (known) return known;
  const info = readPurpose(analysis.call);
  purposeCache.set(analysis.call, info);
  return info;
}

function readPurpose(call: DetectedCall): PurposeInfo {
  // Long prompts: the task is stated near the start or the end; reading those keeps this linear and cheap.
  const full = staticPromptText(call);
  const text = full.length > 4000 ? `${full.slice(0, 2000)}\n${full.slice(-2000)}` : full;
  for (const entry of PURPOSES) {
    if (entry.pattern.test(text)) return { purpose: entry.purpose, cap: entry.cap, label: entry.label };
  }
  if (call.params.jsonMode) return { purpose: 'extraction', cap: 512, label: 'JSON answer' };
  return { purpose: 'answer', cap: 1024, label: 'chat answer' };
}

/** Rounds up to a number people write in code: 32, 64, 512, 1024, 1536, 2048, 4096 … */
export function niceTokens(n: number): number {
  if (n <= 64) return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
  const step = n <= 1024 ? 256 : n <= 8192 ? 1024 : 4096;
  return Math.ceil(n / step) * step;
}
