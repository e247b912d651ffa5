import type { CatalogModel, GridZone, ProviderProfile, RegionData } from './catalogTypes';

// A hand-written runtime check of the data files (no schema library: the shapes are small). Each function returns the
// problems it found as readable strings; an empty list means valid. The loader drops invalid entries and keeps the rest.

const PROVIDERS = new Set([
  'openai', 'azure-openai', 'anthropic', 'google', 'mistral', 'cohere', 'bedrock', 'ollama', 'deepseek', 'groq',
  'together', 'unknown',
]);
const KINDS = new Set(['chat', 'embedding', 'image', 'audio']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPos = (v: unknown): v is number => isNum(v) && v > 0;
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function numberOrRange(v: unknown): boolean {
  if (isPos(v)) return true;
  return Array.isArray(v) && v.length === 2 && isPos(v[0]) && isPos(v[1]) && v[0] <= v[1];
}

function rangeSpec(v: unknown): boolean {
  return isObj(v) && isNum(v.min) && isNum(v.typical) && isNum(v.max) && v.min >= 0 && v.min <= v.typical
    && v.typical <= v.max;
}

/** Problems of one model entry (`where` prefixes each message). */
export function validateModel(v: unknown, where = 'model'): string[] {
  if (!isObj(v)) return [`${where}: not an object`];
  const p: string[] = [];
  const at = `${where} ${typeof v.id === 'string' ? v.id : '?'}`;
  if (!isStr(v.id) || v.id !== v.id.toLowerCase()) p.push(`${at}: id must be a lower-case string`);
  if (!isStr(v.provider) || !PROVIDERS.has(v.provider)) p.push(`${at}: unknown provider ${String(v.provider)}`);
  if (!isStr(v.vendor)) p.push(`${at}: vendor missing`);
  if (!isStr(v.kind) || !KINDS.has(v.kind)) p.push(`${at}: kind must be chat|embedding|image|audio`);
  if (!Array.isArray(v.aliases) || !v.aliases.every(isStr)) p.push(`${at}: aliases must be strings`);
  if (!isNum(v.contextWindow) || v.contextWindow < 0) p.push(`${at}: contextWindow`);
  if (!isNum(v.maxOutputTokens) || v.maxOutputTokens < 0) p.push(`${at}: maxOutputTokens`);
  if (typeof v.reasoning !== 'boolean') p.push(`${at}: reasoning must be boolean`);
  const caps = v.capabilities;
  if (!isObj(caps) || typeof caps.tools !== 'boolean' || typeof caps.vision !== 'boolean' || typeof caps.json !== 'boolean') {
    p.push(`${at}: capabilities {tools, vision, json} booleans`);
  }
  if (v.encoding !== undefined && v.encoding !== 'o200k_base' && v.encoding !== 'cl100k_base') p.push(`${at}: encoding`);
  if (!isStr(v.source)) p.push(`${at}: source missing`);
  if (!isStr(v.asOf) || !DATE.test(v.asOf)) p.push(`${at}: asOf must be YYYY-MM-DD`);

  const generative = v.kind === 'chat' || v.kind === 'embedding';
  if (generative || v.params !== undefined) {
    const params = v.params;
    if (!isObj(params)) p.push(`${at}: params required for ${String(v.kind)} models`);
    else {
      if (!numberOrRange(params.total)) p.push(`${at}: params.total`);
      if (!numberOrRange(params.active)) p.push(`${at}: params.active`);
      if (typeof params.moe !== 'boolean') p.push(`${at}: params.moe`);
      if (params.weightBits !== undefined && !(isPos(params.weightBits) && params.weightBits <= 32)) p.push(`${at}: params.weightBits`);
      if (params.basis !== 'published' && params.basis !== 'estimate') p.push(`${at}: params.basis`);
      if (!isStr(params.source)) p.push(`${at}: params.source`);
      const hi = (r: unknown): number => (Array.isArray(r) ? Number(r[1]) : Number(r));
      const lo = (r: unknown): number => (Array.isArray(r) ? Number(r[0]) : Number(r));
      if (hi(params.active) > hi(params.total) || lo(params.active) > lo(params.total) * 1.0001) {
        p.push(`${at}: active parameters exceed total`);
      }
    }
  }

  if (v.prices !== null) {
    const pr = v.prices;
    if (!isObj(pr)) p.push(`${at}: prices must be an object or null`);
    else {
      for (const k of ['input', 'output', 'cachedInput', 'perImage', 'perMinute', 'perMillionChars'] as const) {
        if (pr[k] !== undefined && !(isNum(pr[k]) && (pr[k] as number) >= 0)) p.push(`${at}: prices.${k}`);
      }
      if (pr.batchMultiplier !== undefined && !(isPos(pr.batchMultiplier) && pr.batchMultiplier <= 1)) {
        p.push(`${at}: prices.batchMultiplier`);
      }
      if (!isStr(pr.source)) p.push(`${at}: prices.source`);
      if (!isStr(pr.asOf) || !DATE.test(pr.asOf)) p.push(`${at}: prices.asOf`);
    }
  }
  return p;
}

/** Problems of the whole model list, including duplicate ids/aliases across entries. */
export function validateModels(list: unknown): string[] {
  if (!Array.isArray(list)) return ['models: not an array'];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  list.forEach((entry, i) => {
    problems.push(...validateModel(entry, `models[${i}]`));
    if (!isObj(entry) || !isStr(entry.id)) return;
    const names = [entry.id, ...(Array.isArray(entry.aliases) ? entry.aliases.filter(isStr) : [])];
    for (const name of names) {
      const key = name.toLowerCase();
      const owner = seen.get(key);
      if (owner !== undefined && owner !== entry.id) problems.push(`name '${name}' used by both ${owner} and ${entry.id}`);
      seen.set(key, entry.id);
    }
  });
  return problems;
}

export function validateZone(v: unknown, where = 'zone'): string[] {
  if (!isObj(v)) return [`${where}: not an object`];
  const p: string[] = [];
  const at = `${where} ${String(v.id)}`;
  if (!isStr(v.id)) p.push(`${at}: id`);
  if (!isPos(v.gridIntensity) || v.gridIntensity > 2000) p.push(`${at}: gridIntensity (gCO2e/kWh)`);
  if (!isStr(v.country)) p.push(`${at}: country`);
  if (!isStr(v.label)) p.push(`${at}: label`);
  if (!isStr(v.source)) p.push(`${at}: source`);
  if (!isNum(v.year) || v.year < 2015 || v.year > 2100) p.push(`${at}: year`);
  return p;
}

export function validateRegionData(v: unknown): string[] {
  if (!isObj(v)) return ['regions: not an object'];
  const p: string[] = [];
  if (!Array.isArray(v.zones)) return ['regions.zones: not an array'];
  const ids = new Set<string>();
  v.zones.forEach((z, i) => {
    p.push(...validateZone(z, `zones[${i}]`));
    if (isObj(z) && isStr(z.id)) {
      const key = z.id.toLowerCase();
      if (ids.has(key)) p.push(`zone id '${z.id}' duplicated`);
      ids.add(key);
    }
  });
  if (!isObj(v.offSiteWue) || !Object.values(v.offSiteWue).every(isPos)) p.push('regions.offSiteWue');
  else if (!isPos(v.offSiteWue['WORLD'])) p.push('regions.offSiteWue needs WORLD');
  if (!isStr(v.offSiteWueSource)) p.push('regions.offSiteWueSource');
  if (!isStr(v.asOf) || !DATE.test(v.asOf)) p.push('regions.asOf');
  return p;
}

export function validateProviders(v: unknown, zones: readonly GridZone[]): string[] {
  if (!Array.isArray(v)) return ['providers: not an array'];
  const zoneIds = new Set(zones.map((z) => z.id.toLowerCase()));
  const p: string[] = [];
  let hasDefault = false;
  v.forEach((e, i) => {
    const at = `providers[${i}]`;
    if (!isObj(e)) {
      p.push(`${at}: not an object`);
      return;
    }
    if (e.provider === 'default') hasDefault = true;
    else if (!isStr(e.provider) || !PROVIDERS.has(e.provider)) p.push(`${at}: provider`);
    if (!isStr(e.zone) || !zoneIds.has(e.zone.toLowerCase())) p.push(`${at}: zone ${String(e.zone)} is not a known zone`);
    if (!rangeSpec(e.pue) || (e.pue as { min: number }).min < 1) p.push(`${at}: pue {min,typical,max} ≥ 1`);
    if (!rangeSpec(e.wueOnSite)) p.push(`${at}: wueOnSite {min,typical,max}`);
    if (!isStr(e.source)) p.push(`${at}: source`);
  });
  if (!hasDefault) p.push('providers: a "default" profile is required');
  return p;
}

/** Narrowing helpers for the loader (after validation). */
export const asModels = (v: unknown): CatalogModel[] => (Array.isArray(v) ? (v as CatalogModel[]) : []);
export const asRegionData = (v: unknown): RegionData => v as RegionData;
export const asProviders = (v: unknown): ProviderProfile[] => (Array.isArray(v) ? (v as ProviderProfile[]) : []);
