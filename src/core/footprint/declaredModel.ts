import type { ModelInfo } from '../types';
import type { ParamSpec } from './catalogTypes';

// A model the user sized themselves through modelMappings: "70b" / "dense:70b" or "moe:400b/17b" ("400b-a17b").
// Its id carries the size ("declared:moe-400b-a17b") so estimateFootprint can rebuild the parameters from the id alone.

const SIZE = /^(?:(dense|moe):)?\s*(\d+(?:\.\d+)?)\s*b(?:\s*(?:\/|-a|\s+a)\s*(\d+(?:\.\d+)?)\s*b)?$/i;
const ID = /^declared:(?:(moe)-)?(\d+(?:\.\d+)?)b(?:-a(\d+(?:\.\d+)?)b)?$/;

/** Context and output limits assumed for a declared model (not known). */
const DECLARED_CONTEXT = 131_072;
const DECLARED_MAX_OUTPUT = 16_384;

export function isSizeDeclaration(value: string): boolean {
  return SIZE.test(value.trim());
}

/** The ModelInfo for a size declaration, or null when the text is not one (or is inconsistent). */
export function declaredModel(value: string): ModelInfo | null {
  const match = SIZE.exec(value.trim());
  if (!match) return null;
  const total = Number(match[2]);
  const active = match[3] !== undefined ? Number(match[3]) : total;
  const moe = match[1]?.toLowerCase() === 'moe' || active < total;
  if (!(total > 0) || !(active > 0) || active > total) return null;
  const id = moe ? `declared:moe-${total}b-a${active}b` : `declared:${total}b`;
  return {
    id, provider: 'unknown', vendor: 'unknown', kind: 'chat', contextWindow: DECLARED_CONTEXT,
    maxOutputTokens: DECLARED_MAX_OUTPUT, reasoning: false, capabilities: { tools: true, vision: false, json: true },
  };
}

/** Parameters encoded in a declared model's id, or null for any other id. */
export function declaredParams(id: string): ParamSpec | null {
  const match = ID.exec(id);
  if (!match) return null;
  const total = Number(match[2]);
  const active = match[3] !== undefined ? Number(match[3]) : total;
  return {
    total, active, moe: match[1] === 'moe', basis: 'published',
    source: `size declared in modelMappings (${total}B${active < total ? ` total, ${active}B active` : ''})`,
  };
}
