import type { AnalysisSettings } from '../settings';
import type { ModelInfo } from '../types';
import { catalogEntry, DATA_AS_OF, toModelInfo } from './catalog';
import type { CatalogModel } from './catalogTypes';
import { declaredModel, isSizeDeclaration } from './declaredModel';

// Model name as written in code → catalog entry. Order: the user's mappings (exact name), then the name itself and
// the same name with what does not change the model stripped: provider routes (`openai/`, `azure/`, `bedrock/`,
// `models/`, `publishers/google/models/`), Bedrock region/vendor prefixes and version suffixes
// (`us.anthropic.…-v1:0`), Vertex `@date` versions, Ollama `:latest`, and finally dated snapshot suffixes.

export type ModelResolution = { model: ModelInfo } | { model: null; reason: string };

const BEDROCK_PREFIX = /^(?:(?:us|eu|apac|ap|global|us-gov|ca|jp|au)\.)?(?:anthropic|meta|mistral|cohere|amazon|ai21|deepseek|qwen|openai|writer)\./;
const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest|preview)$/;

/** Candidate catalog keys for a raw model name, most specific first. */
export function nameCandidates(raw: string): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    const v = s.trim().toLowerCase();
    if (v !== '' && !out.includes(v)) out.push(v);
  };
  let n = raw.trim().toLowerCase();
  add(n);
  if (n.startsWith('ft:')) n = n.slice(3).split(':')[0] ?? n; // fine-tunes: ft:gpt-4o-mini-2024-07-18:org::id
  const slash = n.lastIndexOf('/');
  if (slash >= 0) n = n.slice(slash + 1);
  add(n);
  const bedrock = n.replace(BEDROCK_PREFIX, '');
  add(bedrock);
  n = bedrock;
  const versionless = n.replace(/-v\d+(?::\d+)?$/, '').replace(/:0$/, '');
  add(versionless);
  n = versionless;
  const at = n.indexOf('@');
  if (at > 0) {
    add(n.slice(0, at));
    n = n.slice(0, at);
  }
  if (n.endsWith(':latest')) add(n.slice(0, -':latest'.length));
  let undated = n;
  for (let i = 0; i < 2 && DATE_SUFFIX.test(undated); i++) {
    undated = undated.replace(DATE_SUFFIX, '');
    add(undated);
  }
  return out;
}

// Names found in code repeat (the bench tree's 3,940 calls name a few dozen models), and advice resolves each call's
// model again plus each proposed rename: the catalog entry a name leads to is kept per name (the catalog is bundled
// data). Each resolution still gets its own ModelInfo, so callers may keep or change theirs. Bounded: in the editor
// every keystroke inside a model string is a new name, for as long as the extension host lives.
const entries = new Map<string, CatalogModel | null>();
const ENTRIES_LIMIT = 2048;

function lookup(name: string): ModelInfo | null {
  let entry = entries.get(name);
  if (entry === undefined) {
    entry = null;
    for (const candidate of nameCandidates(name)) {
      const found = catalogEntry(candidate);
      if (found) {
        entry = found;
        break;
      }
    }
    if (entries.size >= ENTRIES_LIMIT) entries.clear();
    entries.set(name, entry);
  }
  return entry ? toModelInfo(entry) : null;
}

// The case-insensitive view of a mappings object, built once per settings snapshot instead of re-reading every key
// for every resolution (advice resolves each call's model again and each proposed rename). First key wins, as the
// scan it replaces did. Settings are frozen snapshots; a new object gets its own view.
const foldedMappings = new WeakMap<object, Map<string, string>>();

function folded(mappings: Readonly<Record<string, string>>): Map<string, string> {
  let map = foldedMappings.get(mappings);
  if (!map) {
    map = new Map();
    for (const [key, value] of Object.entries(mappings)) {
      const lower = key.trim().toLowerCase();
      if (!map.has(lower)) map.set(lower, value);
    }
    foldedMappings.set(mappings, map);
  }
  return map;
}

function mappingFor(name: string, mappings: Readonly<Record<string, string>>): string | undefined {
  const exact = mappings[name];
  if (exact !== undefined) return exact;
  return folded(mappings).get(name.trim().toLowerCase());
}

const HOW_TO_FIX = 'map it to a known model with the llmFootprint.modelMappings setting or "modelMappings" in '
  + 'llm-footprint.config.json (e.g. {"NAME": "gpt-4o-mini"}), or declare its size ({"NAME": "70b"} for a dense '
  + 'model, {"NAME": "moe:400b/17b"} for a mixture of experts)';

export function resolveModel(name: string | null, settings: AnalysisSettings): ModelResolution {
  if (name === null || name.trim() === '') {
    return {
      model: null,
      reason: 'model not known from the code (a variable we could not follow): write it as a literal or constant, '
        + `or ${HOW_TO_FIX.replace(/NAME/g, 'the variable’s value')}`,
    };
  }
  const mapped = mappingFor(name, settings.modelMappings);
  if (mapped !== undefined) {
    if (isSizeDeclaration(mapped)) {
      const declared = declaredModel(mapped);
      if (declared) return { model: declared };
    }
    const target = lookup(mapped);
    if (target) return { model: target };
    return {
      model: null,
      reason: `model '${name}' is mapped to '${mapped}', which is neither a catalog model nor a size like "70b" or `
        + `"moe:400b/17b" (catalog data as of ${DATA_AS_OF}): fix the mapping`,
    };
  }
  const found = lookup(name);
  if (found) return { model: found };
  return {
    model: null,
    reason: `unknown model '${name}': not in the catalog (data as of ${DATA_AS_OF}), so no energy is estimated — `
      + HOW_TO_FIX.replace(/NAME/g, name),
  };
}
