import type { ModelInfo } from '../types';

// Orders the catalog for "Map unknown model…": the models whose id shares the most words with the name as written
// come first ('prod-gpt4o-eu' → gpt-4o…), then chat models, then the rest in catalog order.

function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** "gpt4o" and "gpt-4o" should match: compare with separators removed as well as word by word. */
function score(name: string, model: ModelInfo): number {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const id = model.id.toLowerCase();
  const idSquashed = id.replace(/[^a-z0-9]/g, '');
  let s = 0;
  if (idSquashed === squashed) s += 1000;
  else if (squashed.includes(idSquashed)) s += 100 + idSquashed.length;
  const nameWords = new Set(words(name));
  for (const w of words(id)) if (nameWords.has(w)) s += 10;
  if (squashed.includes(model.vendor.toLowerCase()) || squashed.includes(model.provider.replace(/[^a-z]/g, ''))) s += 5;
  if (model.kind === 'chat') s += 1;
  return s;
}

export function rankModelsFor(name: string, models: readonly ModelInfo[]): ModelInfo[] {
  return models
    .map((model, index) => ({ model, index, score: score(name, model) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.model);
}
