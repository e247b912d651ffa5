import type { Provider } from '../types';
import type { GridZone, ProviderProfile, RegionData } from './catalogTypes';
import providersJson from './data/providers.json';
import regionsJson from './data/regions.json';
import { asProviders, asRegionData, validateProviders, validateRegionData } from './validateCatalog';

// Grid intensity by country / grid zone / cloud region, and the data-center profile (default zone, PUE, WUE) of each
// provider. Sources and licences: data/SOURCES.md and each entry's `source`.

export interface ResolvedRegion {
  id: string;
  /** gCO₂e/kWh, annual, location-based. */
  gridIntensity: number;
  source: string;
  /** What the id stands for ('AWS us-east-1 (N. Virginia) → PJM …'). */
  label: string;
  year: number;
  /** ISO country (or WORLD/EU) for the off-site water factor. */
  country: string;
}

interface Loaded {
  zones: Map<string, GridZone>;
  data: RegionData;
  providers: Map<string, ProviderProfile>;
  problems: string[];
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const problems = validateRegionData(regionsJson as unknown);
  const data = asRegionData(regionsJson as unknown);
  const zones = new Map<string, GridZone>();
  for (const z of Array.isArray(data.zones) ? data.zones : []) zones.set(z.id.toLowerCase(), z);
  const providerList = asProviders(providersJson as unknown);
  problems.push(...validateProviders(providerList, [...zones.values()]));
  const providers = new Map<string, ProviderProfile>();
  for (const p of providerList) providers.set(p.provider, p);
  loaded = { zones, data, providers, problems };
  return loaded;
}

const SYNONYMS: Readonly<Record<string, string>> = Object.freeze({
  global: 'WORLD', world: 'WORLD', usa: 'US', 'united-states': 'US', uk: 'GB', 'great-britain': 'GB',
});

/** A country code ('US', 'fr'), grid zone ('US-MIDA-PJM') or cloud region ('us-east-1', 'europe-west4', 'eastus'). */
export function resolveRegion(region: string): ResolvedRegion | null {
  const key = region.trim().toLowerCase();
  if (key === '') return null;
  const zone = load().zones.get(key) ?? load().zones.get((SYNONYMS[key] ?? '').toLowerCase());
  if (!zone) return null;
  return {
    id: zone.id, gridIntensity: zone.gridIntensity, label: zone.label,
    source: zone.source.includes(String(zone.year)) ? zone.source : `${zone.source}, ${zone.year}`,
    year: zone.year, country: zone.country,
  };
}

/** Every region id users may write, for messages and completions. */
export function regionIds(): string[] {
  return [...load().zones.values()].map((z) => z.id);
}

/** The data-center profile for a provider (a 'default' profile for hosts we have no data for). */
export function providerProfile(provider: Provider | string): ProviderProfile {
  const { providers } = load();
  const profile = providers.get(provider) ?? providers.get('default');
  if (!profile) throw new Error('footprint data: providers.json has no default profile'); // caught by catalog.test.ts
  return profile;
}

/** Off-site water (electricity generation), L/kWh, for a country; the world average when we bundle none. */
export function offSiteWue(country: string): { value: number; exact: boolean; source: string } {
  const { data } = load();
  const value = data.offSiteWue[country];
  if (value !== undefined) return { value, exact: true, source: data.offSiteWueSource };
  return { value: data.offSiteWue['WORLD'] ?? 3.908, exact: false, source: data.offSiteWueSource };
}

export function regionProblems(): readonly string[] {
  return load().problems;
}

export const REGION_DATA_AS_OF = (): string => load().data.asOf;
