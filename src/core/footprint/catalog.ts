import type { ModelInfo } from '../types';
import type { CatalogModel, NumberOrRange } from './catalogTypes';
import modelsJson from './data/models.json';
import { asModels, validateModel } from './validateCatalog';

// The model catalog: data/models.json, validated once on first use. An invalid entry is dropped (and listed by
// catalogProblems()) rather than breaking every estimate; catalog.test.ts keeps the shipped file free of problems.

interface Loaded {
  models: CatalogModel[];
  byName: Map<string, CatalogModel>;
  problems: string[];
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const models: CatalogModel[] = [];
  const problems: string[] = [];
  const byName = new Map<string, CatalogModel>();
  asModels(modelsJson as unknown).forEach((entry, i) => {
    const issues = validateModel(entry, `models[${i}]`);
    if (issues.length > 0) {
      problems.push(...issues);
      return;
    }
    models.push(entry);
    for (const name of [entry.id, ...entry.aliases]) {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, entry);
    }
  });
  loaded = { models, byName, problems };
  return loaded;
}

/** Newest as-of date of the model data; catalog.test.ts checks DATA_AS_OF against it. */
export function newestAsOf(): string {
  let newest = '0000-00-00';
  for (const m of load().models) {
    if (m.asOf > newest) newest = m.asOf;
    if (m.prices && m.prices.asOf > newest) newest = m.prices.asOf;
  }
  return newest;
}

/**
 * The as-of date of the bundled data (prices, model sizes); grid data is Ember/Electricity Maps 2024. A constant, not
 * newestAsOf() at module load: that validated the whole catalog whenever the bundle loaded (the editor's activation),
 * before any file needed it. catalog.test.ts fails when models.json gets newer data and this date is not updated.
 */
export const DATA_AS_OF = '2025-10-15';

/** Full catalog entry by canonical id or alias (exact, case-insensitive), undefined if none. */
export function catalogEntry(idOrAlias: string): CatalogModel | undefined {
  return load().byName.get(idOrAlias.trim().toLowerCase());
}

export function catalogModels(): readonly CatalogModel[] {
  return load().models;
}

/** Problems found in the bundled data (empty when valid). */
export function catalogProblems(): readonly string[] {
  return load().problems;
}

export function toModelInfo(entry: CatalogModel): ModelInfo {
  const info: ModelInfo = {
    id: entry.id,
    provider: entry.provider,
    vendor: entry.vendor,
    kind: entry.kind,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    reasoning: entry.reasoning,
    capabilities: { ...entry.capabilities },
  };
  if (entry.encoding) info.encoding = entry.encoding;
  return info;
}

let infos: ModelInfo[] | null = null;

/** Every catalog model as the engine sees it (what advice chooses a smaller model from). */
export function listModels(): ModelInfo[] {
  infos ??= load().models.map(toModelInfo);
  return infos.map((m) => ({ ...m, capabilities: { ...m.capabilities } }));
}

/** [min, typical, max] of a fixed value or a range (typical = midpoint). */
export function spread(v: NumberOrRange): [number, number, number] {
  if (typeof v === 'number') return [v, v, v];
  return [v[0], (v[0] + v[1]) / 2, v[1]];
}
