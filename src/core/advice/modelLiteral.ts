import type { AdviceCatalog } from './catalog';
import { stringLiteralAt, type CallSite } from './callSite';
import type { AnalysisSettings } from '../settings';
import type { ModelInfo, Provider, TextEdit } from '../types';

// Rewriting the string that names the model. Only where the new text is certain to be a name the provider's API
// accepts: providers whose API model ids are the catalog ids, the literal in this file, and a round trip through the
// catalog that lands on the intended model.

/** Providers whose API takes the catalog's model ids. Bedrock ids, Azure deployments, Ollama tags and Groq/Together
 * names are different strings, so a rewrite there would send a name the service does not know. */
const REWRITABLE: ReadonlySet<Provider> = new Set(['openai', 'anthropic', 'google', 'mistral', 'cohere', 'deepseek']);

// Anthropic's API accepts these aliases; a few catalog-style ids are not API names themselves.
// Source: docs.anthropic.com "Models overview" (aliases column), checked 2026-11.
const API_NAMES: Readonly<Record<string, string>> = {
  'claude-3-5-haiku': 'claude-3-5-haiku-latest',
  'claude-3-7-sonnet': 'claude-3-7-sonnet-latest',
  'claude-3-5-sonnet': 'claude-3-5-sonnet-latest',
  'claude-3-opus': 'claude-3-opus-latest',
  'claude-3-haiku': 'claude-3-haiku-20240307',
  'claude-sonnet-4': 'claude-sonnet-4-0',
  'claude-opus-4': 'claude-opus-4-0',
};

export function apiModelName(model: ModelInfo): string {
  return API_NAMES[model.id] ?? model.id;
}

export interface ModelRewrite {
  edit: TextEdit;
  newName: string;
}

/** The edit that makes the call use `target`, or null when no safe edit exists (see the rules above). */
export function rewriteModel(
  site: CallSite, target: ModelInfo, catalog: AdviceCatalog, settings: AnalysisSettings,
): ModelRewrite | null {
  const { call } = site;
  if (!call.modelRange || call.modelSource === 'imported' || call.modelSource === 'unresolved') return null;
  if (!REWRITABLE.has(call.provider) || target.provider !== call.provider) return null;
  const literal = stringLiteralAt(site, call.modelRange);
  if (!literal || literal.content !== call.model) return null;
  // A name the user mapped (an alias, a deployment) is theirs, not the provider's: never rewrite it.
  if (Object.prototype.hasOwnProperty.call(settings.modelMappings, literal.content)) return null;
  // Keep a routing prefix (`openai/gpt-4o` for LiteLLM, `models/gemini-…` for Google) in front of the new name.
  const slash = literal.content.lastIndexOf('/');
  const prefix = slash >= 0 ? literal.content.slice(0, slash + 1) : '';
  const newName = prefix + apiModelName(target);
  if (!/^[\w./:-]+$/.test(newName)) return null;
  const check = catalog.resolve(newName, { ...settings, modelMappings: {} });
  if (check.model?.id !== target.id) return null;
  return {
    edit: { range: site.source.rangeOf(literal.contentStart, literal.contentEnd), newText: newName },
    newName,
  };
}
