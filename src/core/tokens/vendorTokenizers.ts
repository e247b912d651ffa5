import type { EncodingName } from './encoders';

/**
 * How we approximate a vendor whose tokenizer we do not ship: count with a tiktoken encoding and scale.
 * `low`/`high` bound the factor over the published comparisons we found; the basis and the sources are in
 * docs/tokens.md ("Other vendors"). Change a factor there and here together.
 */
export interface VendorTokenizer {
  /** Shown to users: "Claude tokenizer". */
  label: string;
  base: EncodingName;
  factor: number;
  low: number;
  high: number;
  /** One line on where the factor comes from, shown after "≈" in the hover. */
  basis: string;
}

export const VENDOR_TOKENIZERS: Readonly<Record<string, VendorTokenizer>> = Object.freeze({
  // Claude's tokenizer is not public. Measured against GPT-4o (o200k_base) on the same inputs: +16 % English prose,
  // +21 % maths, +30 % Python (Gupta, VentureBeat 2025, Claude 3.5 Sonnet). Anthropic states Opus 4.7's new
  // tokenizer yields 1.0–1.35× the tokens of earlier Claude models, hence the wide upper bound.
  anthropic: {
    label: 'Claude tokenizer', base: 'o200k_base', factor: 1.2, low: 1.1, high: 1.6,
    basis: 'Claude tokenizer is not public: o200k_base × 1.2 (measured +16 % prose … +30 % code vs GPT-4o; ±20 %)',
  },
  // Gemini/Gemma: 256k SentencePiece vocabulary. Google documents the same rule of thumb as OpenAI
  // (≈4 characters per token, 100 tokens ≈ 60–80 English words), no published ratio: factor 1, wide band.
  google: {
    label: 'Gemini tokenizer', base: 'o200k_base', factor: 1.0, low: 0.85, high: 1.25,
    basis: 'Gemini tokenizer not shipped: o200k_base × 1.0 (Google: ≈4 characters per token; ±20 %)',
  },
  // Llama 3+: 128k vocabulary whose first 100k tokens come from tiktoken (cl100k_base) plus 28k non-English tokens,
  // so English text counts almost exactly like cl100k; other languages come out a little lower.
  meta: {
    label: 'Llama 3 tokenizer', base: 'cl100k_base', factor: 1.0, low: 0.85, high: 1.05,
    basis: 'Llama 3 tokenizer extends cl100k_base (100k of its 128k tokens): cl100k_base × 1.0 (−15 %/+5 %)',
  },
  // Mistral ships two families: SentencePiece 32k (Mistral 7B, Mixtral, older Small/Large: ~20–25 % more tokens
  // than cl100k) and Tekken (tiktoken-based, 131k; Nemo and later, on par with or below Llama 3).
  mistral: {
    label: 'Mistral tokenizer', base: 'cl100k_base', factor: 1.1, low: 0.9, high: 1.3,
    basis: 'Mistral tokenizers (SentencePiece 32k or Tekken 131k) not shipped: cl100k_base × 1.1 (±20 %)',
  },
  // Command R / R+ / A: 255k-entry BPE vocabulary tuned for many languages; no published ratio.
  cohere: {
    label: 'Cohere tokenizer', base: 'o200k_base', factor: 1.0, low: 0.85, high: 1.25,
    basis: 'Cohere tokenizer (255k BPE) not shipped: o200k_base × 1.0 (±20 %)',
  },
  // DeepSeek V2/V3/R1: byte-level BPE with a 128k vocabulary, similar in size and training mix to cl100k's.
  deepseek: {
    label: 'DeepSeek tokenizer', base: 'cl100k_base', factor: 1.0, low: 0.85, high: 1.15,
    basis: 'DeepSeek tokenizer (128k byte-level BPE) not shipped: cl100k_base × 1.0 (±15 %)',
  },
  // Qwen: 151k BPE vocabulary built on cl100k_base plus Chinese and other-language tokens (Qwen technical report).
  qwen: {
    label: 'Qwen tokenizer', base: 'cl100k_base', factor: 1.0, low: 0.85, high: 1.1,
    basis: 'Qwen tokenizer extends cl100k_base (151k tokens): cl100k_base × 1.0 (−15 %/+10 %)',
  },
});

/** Any other vendor (xAI, Microsoft Phi, Amazon, AI21 …) and unknown models. */
export const UNKNOWN_TOKENIZER: VendorTokenizer = Object.freeze({
  label: 'unknown tokenizer', base: 'o200k_base', factor: 1.0, low: 0.8, high: 1.4,
  basis: 'tokenizer unknown: counted with o200k_base (±30 %)',
});

/** Vendor from a model name when the catalog does not know the model. Order matters: first match wins. */
const VENDOR_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/claude/, 'anthropic'],
  [/gemini|gemma|palm|bison/, 'google'],
  [/llama/, 'meta'],
  [/mistral|mixtral|codestral|ministral|magistral|pixtral|devstral|open-mi/, 'mistral'],
  [/command|cohere|^c4ai|aya/, 'cohere'],
  [/deepseek/, 'deepseek'],
  [/qwen|qwq/, 'qwen'],
];

export function vendorFromName(normalizedName: string): string | null {
  for (const [pattern, vendor] of VENDOR_PATTERNS) if (pattern.test(normalizedName)) return vendor;
  return null;
}

/** Catalog vendor names that are another name for a row above. */
const VENDOR_ALIASES: Readonly<Record<string, string>> = Object.freeze({ alibaba: 'qwen', 'mistralai': 'mistral', 'meta-llama': 'meta' });

export function vendorTokenizer(vendor: string | null): VendorTokenizer {
  if (vendor === null) return UNKNOWN_TOKENIZER;
  const key = vendor.toLowerCase();
  return VENDOR_TOKENIZERS[VENDOR_ALIASES[key] ?? key] ?? UNKNOWN_TOKENIZER;
}
