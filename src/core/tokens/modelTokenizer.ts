import type { ModelInfo } from '../types';
import type { EncodingName } from './encoders';
import { UNKNOWN_TOKENIZER, vendorFromName, vendorTokenizer } from './vendorTokenizers';

/** How one call's text is counted: with which encoding, scaled by what, and whether that is the model's own. */
export interface TokenizerChoice {
  encoding: EncodingName;
  /** 1 for OpenAI models; the vendor factor otherwise. */
  factor: number;
  exact: boolean;
  /** Why the count is approximate (absent when exact). */
  approximation?: string;
  /** OpenAI chat-format constants differ between the cl100k generation and the o200k one (tool schemas). */
  family: 'openai-o200k' | 'openai-cl100k' | 'other';
}

/**
 * Lower-cases and strips what does not change the model: provider routes (`openai/gpt-4o`, `azure/…`,
 * `accounts/fireworks/models/…`), fine-tune wrappers (`ft:gpt-4o-mini-2024-07-18:org::id`), Bedrock vendor
 * prefixes (`us.anthropic.claude-…-v1:0`) and Ollama tags (`llama3.1:8b`).
 */
export function normalizeModelName(name: string): string {
  let n = name.trim().toLowerCase();
  if (n.startsWith('ft:')) n = n.slice(3).split(':')[0] ?? n;
  const slash = n.lastIndexOf('/');
  if (slash >= 0) n = n.slice(slash + 1);
  n = n.replace(/^(?:[a-z]{2}\.)?(?:anthropic|meta|mistral|cohere|amazon|ai21|deepseek|qwen|openai)\./, '');
  return n;
}

// Patterns on the normalized name. The o200k family is tested first because `gpt-4o` also starts with `gpt-4`.
// Sources: tiktoken's model_to_encoding table (gpt-4o, o1, o3, o4-mini, gpt-4.1, gpt-4.5, gpt-5 → o200k_base;
// gpt-4, gpt-3.5-turbo, text-embedding-3-*, text-embedding-ada-002 → cl100k_base). gpt-oss uses o200k_harmony,
// which is o200k_base plus chat-format special tokens: identical for ordinary text.
const O200K = /^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|gpt-oss|gpt-realtime|gpt-audio|gpt-image|codex-mini|computer-use)(?:$|[-._:])/;
const CL100K = /^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)(?:$|[-._:])/;

/** The tiktoken encoding of an OpenAI model name (snapshots and provider prefixes allowed), null if not OpenAI. */
export function encodingForModel(name: string): EncodingName | null {
  const n = normalizeModelName(name);
  if (O200K.test(n)) return 'o200k_base';
  if (CL100K.test(n)) return 'cl100k_base';
  return null;
}

function openAi(encoding: EncodingName): TokenizerChoice {
  return { encoding, factor: 1, exact: true, family: encoding === 'o200k_base' ? 'openai-o200k' : 'openai-cl100k' };
}

/** Picks the tokenizer for a call: the catalog's encoding, else the name's OpenAI family, else a vendor factor. */
export function tokenizerFor(model: ModelInfo | null, callModelName: string | null): TokenizerChoice {
  if (model?.encoding) return openAi(model.encoding);
  const byName = encodingForModel(model?.id ?? '') ?? (callModelName ? encodingForModel(callModelName) : null);
  if (byName) return openAi(byName);

  const name = callModelName ? normalizeModelName(callModelName) : '';
  if (model === null && name === '') {
    return {
      encoding: UNKNOWN_TOKENIZER.base, factor: 1, exact: false, family: 'other',
      approximation: 'model unknown: counted with o200k_base (±30 %)',
    };
  }
  // The vendor prefix we strip (Bedrock's `deepseek.r1-v1:0`) can be the only hint, so the raw name is a fallback.
  const rawName = (model?.id ?? callModelName ?? '').toLowerCase();
  const vendor = model && model.vendor !== 'openai'
    ? model.vendor
    : vendorFromName(normalizeModelName(rawName)) ?? vendorFromName(rawName);
  if (model?.vendor === 'openai' && vendor === null) {
    // An OpenAI model whose name we do not recognise (a new family): o200k is what every model since 2024 uses.
    return {
      encoding: 'o200k_base', factor: 1, exact: false, family: 'openai-o200k',
      approximation: 'OpenAI model not in the tokenizer table: counted with o200k_base, the encoding of all models since gpt-4o',
    };
  }
  const t = vendorTokenizer(vendor);
  return { encoding: t.base, factor: t.factor, exact: false, family: 'other', approximation: t.basis };
}
