import type { Provider } from '../types';

// The shapes of the data files in ./data (models.json, regions.json, providers.json). validateCatalog.ts checks them at
// run time; catalog.test.ts runs it over the shipped files so a bad edit fails CI, not a user's hover.

/** A fixed value, or a `[min, max]` range where the value is an estimate (closed models). */
export type NumberOrRange = number | [number, number];

export type ModelKind = 'chat' | 'embedding' | 'image' | 'audio';

export interface ParamSpec {
  /** Total parameters, billions. */
  total: NumberOrRange;
  /** Active parameters per token, billions (= total for dense models). */
  active: NumberOrRange;
  moe: boolean;
  /** Bits per weight as served. 16 (BF16) unless the vendor publishes otherwise (DeepSeek FP8, gpt-oss MXFP4). */
  weightBits?: number;
  /** 'published' (model card / paper) or 'estimate' (EcoLogits or our stated assumption). */
  basis: 'published' | 'estimate';
  source: string;
}

export interface PriceSpec {
  /** USD per 1M tokens. Absent = unknown (never read as 0). */
  input?: number;
  output?: number;
  cachedInput?: number;
  /** Multiplier for the Batch API (0.5 = half price); absent when the vendor has no batch API. */
  batchMultiplier?: number;
  /** Image and audio models priced per unit. */
  perImage?: number;
  perMinute?: number;
  perMillionChars?: number;
  source: string;
  asOf: string;
}

export interface CatalogModel {
  id: string;
  provider: Provider;
  vendor: string;
  kind: ModelKind;
  aliases: string[];
  contextWindow: number;
  maxOutputTokens: number;
  reasoning: boolean;
  capabilities: { tools: boolean; vision: boolean; json: boolean };
  encoding?: 'o200k_base' | 'cl100k_base';
  /** Absent for image/audio models, whose energy is per image / per audio minute (see energyModel.ts). */
  params?: ParamSpec;
  prices: PriceSpec | null;
  source: string;
  asOf: string;
  note?: string;
}

export interface GridZone {
  /** Region id as users write it: 'US', 'FR', 'us-east-1', 'europe-west4', 'eastus', 'US-MIDA-PJM'. */
  id: string;
  /** gCO₂e/kWh, annual, location-based. */
  gridIntensity: number;
  /** ISO country (or 'WORLD'/'EU') whose water factor applies. */
  country: string;
  /** What the id stands for, e.g. 'AWS us-east-1 (N. Virginia) → PJM'. */
  label: string;
  source: string;
  year: number;
}

export interface RangeSpec {
  min: number;
  typical: number;
  max: number;
}

export interface ProviderProfile {
  provider: Provider | 'default';
  /** Default grid zone id (a GridZone id) when the user sets no region. */
  zone: string;
  pue: RangeSpec;
  /** On-site water usage effectiveness, L/kWh of IT energy. */
  wueOnSite: RangeSpec;
  source: string;
  /** True when the provider's serving locations are not its own data centers (local machine). */
  local?: boolean;
}

export interface RegionData {
  zones: GridZone[];
  /** Off-site (electricity generation) water intensity by country, L/kWh (WRI). */
  offSiteWue: Record<string, number>;
  offSiteWueSource: string;
  asOf: string;
}
