import type { DetectedCall, Footprint, InputTokens, MinTypMax, ModelInfo, OutputTokens } from '../types';
import { catalogEntry, spread } from './catalog';
import type { CatalogModel, ParamSpec, PriceSpec, ProviderProfile } from './catalogTypes';
import { declaredParams } from './declaredModel';
import {
  AUDIO_MINUTES, AUDIO_WH_PER_MINUTE, BATCH, CHARS_PER_MINUTE, CHARS_PER_TOKEN, decodeWhPerToken, effectiveBatch,
  embodiedKg, IMAGE_WH, K_INPUT, LONG_PROMPT_L0, promptTokenEquivalents, SERVER_OVERHEAD,
} from './energyModel';
import { offSiteWue, providerProfile, resolveRegion, type ResolvedRegion } from './regions';
import { formatGrouped } from '../units';

// One call → energy, CO₂e, water and cost as {min, typical, max}. The range is formed by evaluating every uncertain
// input at its extremes together (parameters, batch size, server overhead, k_in, PUE, WUE, output length): all enter
// monotonically except active parameters of an MoE, whose candidates are all tried. See docs/methodology.md.

export interface FootprintRequest {
  model: ModelInfo;
  inputTokens: InputTokens;
  outputTokens: OutputTokens;
  call?: DetectedCall;
  /** User's region (settings/CLI); null = the provider's default zone. */
  region: string | null;
}

type Corner = 'min' | 'typical' | 'max';
const CORNERS: readonly Corner[] = ['min', 'typical', 'max'];
const fmt = (n: number, digits = 3): string => formatGrouped(Number(n.toPrecision(digits)));
const range = (f: (c: Corner) => number): MinTypMax => ({ min: f('min'), typical: f('typical'), max: f('max') });

/** Where notes explaining an estimate go; null when only the figures are wanted (nothing is formatted). */
type Notes = string[] | null;

interface Setting {
  profile: ProviderProfile;
  region: ResolvedRegion;
  /** Shared by every footprint of the same host and region: read only (spread into each one's assumptions). */
  notes: readonly string[];
}

// A setting depends only on the host and the requested region, yet building it (region lookup, two formatted notes)
// was done for every estimate: ~4,000 calls plus every re-estimate advice makes on the bench tree. Bundled data
// never changes at run time, so one per host and region is kept (bounded: the region comes from user settings).
const settings = new Map<string, Setting | null>();
const SETTINGS_LIMIT = 1024;

/** Where the request runs: the calling SDK's host if it is a hosting provider, else the model's own provider. */
function setting(model: ModelInfo, call: DetectedCall | undefined, requested: string | null): Setting | null {
  const host = call && call.provider !== 'unknown' ? call.provider : model.provider;
  const key = `${host}\u0000${requested ?? ''}`; // null and '' both mean the provider default
  let found = settings.get(key);
  if (found === undefined) {
    found = buildSetting(host, requested);
    if (settings.size >= SETTINGS_LIMIT) settings.clear();
    settings.set(key, found);
  }
  return found;
}

function buildSetting(host: string, requested: string | null): Setting | null {
  const profile = providerProfile(host);
  const notes: string[] = [];
  let region: ResolvedRegion | null = null;
  if (requested !== null && requested.trim() !== '') {
    region = resolveRegion(requested);
    if (!region) notes.push(`region '${requested}' is not in our data: using the provider default instead`);
  }
  const chosen = region !== null;
  region ??= resolveRegion(profile.zone);
  if (!region) return null;
  const how = chosen ? 'region from settings' : `${host === 'unknown' ? 'unknown host' : host} default zone`;
  notes.push(`grid ${region.id}: ${region.gridIntensity} gCO₂e/kWh, location-based (${how}; ${region.label}; ${region.source})`);
  const pue = profile.pue;
  const wue = profile.wueOnSite;
  const span = (r: MinTypMax): string => (r.min === r.max ? fmt(r.typical) : `${fmt(r.min)}–${fmt(r.max)}`);
  notes.push(`data center: PUE ${span(pue)}, on-site water ${span(wue)} L/kWh (${profile.source})`);
  return { profile, region, notes };
}

function paramsFor(model: ModelInfo, entry: CatalogModel | undefined): ParamSpec | null {
  return entry?.params ?? declaredParams(model.id);
}

// Notes that depend only on the catalog entry or on constants, formatted once instead of for every estimate (the
// bench audit formats ~4,000 footprints' assumptions).
const paramNotes = new WeakMap<ParamSpec, string>();

function describeParams(p: ParamSpec): string {
  let note = paramNotes.get(p);
  if (note === undefined) {
    note = formatParams(p);
    paramNotes.set(p, note);
  }
  return note;
}

function formatParams(p: ParamSpec): string {
  const show = (v: ParamSpec['total']): string => (typeof v === 'number' ? `${fmt(v)}B` : `${fmt(v[0])}–${fmt(v[1])}B`);
  const size = p.moe ? `MoE ${show(p.total)} total / ${show(p.active)} active` : `dense ${show(p.total)}`;
  const bits = p.weightBits !== undefined && p.weightBits !== 16 ? `, ${fmt(p.weightBits)}-bit weights` : '';
  return `parameters: ${size}${bits} (${p.source})`;
}

/** Accelerator Wh per decoded token at each corner (corrections 1–2 of energyModel.ts). */
function perTokenWh(p: ParamSpec, contextTokens: MinTypMax): MinTypMax {
  const [aMin, aTyp, aMax] = spread(p.active);
  const [tMin, tTyp, tMax] = spread(p.total);
  const bits = p.weightBits ?? 16;
  // The three (active, total) candidates at the extreme batches, written out: the arrays, closures and spreads this
  // was built from were a visible share of each estimate (it runs once per call and once per re-estimate).
  const tLow = Math.max(aMin, tMin);
  const tTyp2 = Math.max(aTyp, tTyp);
  const tHigh = Math.max(aMax, tMax);
  const bMin = effectiveBatch(BATCH.max, contextTokens.min);
  const bMax = effectiveBatch(BATCH.min, contextTokens.max);
  return {
    min: Math.min(decodeWhPerToken(aMin, tLow, bMin, bits), decodeWhPerToken(aTyp, tTyp2, bMin, bits), decodeWhPerToken(aMax, tHigh, bMin, bits)),
    typical: decodeWhPerToken(aTyp, tTyp2, effectiveBatch(BATCH.typical, contextTokens.typical), bits),
    max: Math.max(decodeWhPerToken(aMin, tLow, bMax, bits), decodeWhPerToken(aTyp, tTyp2, bMax, bits), decodeWhPerToken(aMax, tHigh, bMax, bits)),
  };
}

function completions(call: DetectedCall | undefined): number {
  const n = call?.params.n;
  return n !== undefined && n > 1 ? Math.floor(n) : 1;
}

/** Cost of the text part from per-1M-token prices; null when a needed price is unknown (never 0 for unknown). */
function tokenCost(
  prices: PriceSpec | null, inputs: MinTypMax, cachedIn: number, out: MinTypMax, batch: boolean, notes: Notes,
): MinTypMax | null {
  if (!prices || prices.input === undefined) return null;
  const outPrice = prices.output;
  if (out.max > 0 && outPrice === undefined) return null;
  const cachedPrice = prices.cachedInput ?? prices.input;
  if (cachedIn > 0 && prices.cachedInput === undefined) notes?.push('no cached-input price published: cached tokens costed at the input price');
  let factor = 1;
  if (batch) {
    if (prices.batchMultiplier !== undefined) {
      factor = prices.batchMultiplier;
      notes?.push(`Batch API: price ×${prices.batchMultiplier} (energy unchanged: same computation, just deferred)`);
    } else notes?.push('Batch API requested but no batch price is published: list price used');
  }
  const inPrice = prices.input;
  const inCost = (c: Corner): number => (inputs[c] - cachedIn) * inPrice + cachedIn * cachedPrice;
  return range((c) => ((inCost(c) + out[c] * (outPrice ?? 0)) / 1e6) * factor);
}

interface Energy {
  /** Accelerator (GPU) Wh. */
  accelerator: MinTypMax;
  /** Facility Wh (IT × PUE). */
  total: MinTypMax;
  /** IT Wh (accelerator + server overhead), before PUE. */
  it: MinTypMax;
}

function withOverheads(accelerator: MinTypMax, profile: ProviderProfile): Energy {
  const it = range((c) => accelerator[c] * (1 + SERVER_OVERHEAD[c]));
  return { accelerator, it, total: range((c) => it[c] * profile.pue[c]) };
}

/**
 * Input tokens as a range. A dynamic part counts as 0 unless the user sized it, so the count is a lower bound; for an
 * embedding call (no output) that would read as "free", so there we assume a typical embedded chunk and bound the
 * maximum by the model's context window.
 */
function inputRange(req: FootprintRequest, notes: Notes): MinTypMax {
  const count = req.inputTokens.count;
  if (req.model.kind !== 'embedding' || !req.inputTokens.dynamic) {
    if (req.inputTokens.dynamic) notes?.push(`prompt partly known only at run time: ${fmt(count, 6)} tokens counted (a lower bound)`);
    return { min: count, typical: count, max: count };
  }
  const ceiling = Math.max(count, req.model.contextWindow > 0 ? req.model.contextWindow : count);
  const typical = Math.min(Math.max(count, DYNAMIC_EMBEDDING_TOKENS), ceiling);
  notes?.push(`embedded text known only at run time: ${fmt(count, 6)} tokens counted; typical ${fmt(typical, 6)} `
    + `(a ~1,000-character chunk, assumption), at most the ${fmt(ceiling, 6)}-token context window`);
  return { min: Math.max(count, 1), typical, max: ceiling };
}

/** Typical text of one embedding call when it is only known at run time: a ~1,000-character chunk (LangChain's default splitter size). */
const DYNAMIC_EMBEDDING_TOKENS = 256;

const ENERGY_NOTE = `energy: ML.ENERGY H100 fit (EcoLogits 0.9.1) counted once per deployment, not per GPU; batch ${BATCH.min}–${BATCH.max}`
  + ` concurrent requests; rest of server +${fmt(SERVER_OVERHEAD.min * 100)}–${fmt(SERVER_OVERHEAD.max * 100)} % (Google 2025 fleet)`;
const INPUT_SHARE_NOTE = `each ${fmt(K_INPUT.min * 100)}–${fmt(K_INPUT.max * 100)} % `
  + `(typ. ${fmt(K_INPUT.typical * 100)} %) of an output token's energy (prefill; assumption)`;

function tokenEnergy(
  p: ParamSpec, req: FootprintRequest, inputs: MinTypMax, cached: number, notes: Notes, profile: ProviderProfile,
): Energy {
  const n = completions(req.call);
  const out: MinTypMax = req.model.kind === 'embedding'
    ? { min: 0, typical: 0, max: 0 }
    : { min: req.outputTokens.min, typical: req.outputTokens.typical, max: req.outputTokens.max };
  const context = range((c) => inputs[c] + out[c] / n);
  const perToken = perTokenWh(p, context);
  const accelerator = range((c) => (out[c] + K_INPUT[c] * promptTokenEquivalents(inputs[c], cached)) * perToken[c]);

  if (!notes) return withOverheads(accelerator, profile);
  notes.push(describeParams(p));
  notes.push(ENERGY_NOTE);
  if (inputs.typical > 0) notes.push(`input: ${fmt(inputs.typical, 6)} prompt tokens, ${INPUT_SHARE_NOTE}`);
  if (inputs.typical > 8_000) {
    notes.push(`long prompt: attention cost grows with length, prefill ×${fmt(1 + inputs.typical / (2 * LONG_PROMPT_L0))} `
      + `and fewer concurrent requests fit in memory`);
  }
  if (cached > 0) notes.push(`prompt caching: ${fmt(cached, 6)} cached input tokens at 10 % of the energy (assumption) and the cached-input price`);
  if (n > 1) notes.push(`n=${n}: the output already counts ${n} completions; the prompt is processed once`);
  return withOverheads(accelerator, profile);
}

function isTranscription(id: string): boolean {
  return id.includes('transcribe') || id.startsWith('whisper');
}

function unitEnergy(req: FootprintRequest, entry: CatalogModel, notes: Notes, profile: ProviderProfile): {
  energy: Energy; cost: MinTypMax | null;
} {
  const prices = entry.prices;
  let it: MinTypMax;
  let cost: MinTypMax | null = null;
  if (entry.kind === 'image') {
    const images = completions(req.call);
    it = range((c) => IMAGE_WH[c] * images);
    notes?.push(`image generation: ${fmt(IMAGE_WH.min)}–${fmt(IMAGE_WH.max)} Wh per image (typ. ${fmt(IMAGE_WH.typical)}; `
      + `Luccioni et al. 2024 measured mean and maximum; lower bound assumed) × ${images} image(s)`);
    if (prices?.perImage !== undefined) {
      const perImage = prices.perImage;
      const text = prices.input !== undefined ? (req.inputTokens.count * prices.input) / 1e6 : 0;
      cost = range(() => perImage * images + text);
    }
  } else {
    let minutes: MinTypMax;
    if (!isTranscription(entry.id) && req.inputTokens.count > 0) {
      const m = (req.inputTokens.count * CHARS_PER_TOKEN) / CHARS_PER_MINUTE;
      minutes = { min: m, typical: m, max: m };
      notes?.push(`speech: ${fmt(m)} min from ${fmt(req.inputTokens.count, 6)} text tokens (≈${CHARS_PER_TOKEN} chars/token, ${CHARS_PER_MINUTE} chars/min)`);
    } else {
      minutes = AUDIO_MINUTES;
      notes?.push(`audio length unknown in code: ${fmt(AUDIO_MINUTES.min)}–${fmt(AUDIO_MINUTES.max)} min (typ. ${fmt(AUDIO_MINUTES.typical)}) assumed`);
    }
    it = range((c) => minutes[c] * AUDIO_WH_PER_MINUTE[c]);
    notes?.push(`audio: ${fmt(AUDIO_WH_PER_MINUTE.min)}–${fmt(AUDIO_WH_PER_MINUTE.max)} Wh per audio minute `
      + '(method: Whisper-large-class GPU time per minute; no published measurement; assumption)');
    if (prices?.perMinute !== undefined) {
      const perMinute = prices.perMinute;
      cost = range((c) => perMinute * minutes[c]);
    } else if (prices?.perMillionChars !== undefined) {
      const perChar = prices.perMillionChars / 1e6;
      cost = range((c) => perChar * minutes[c] * CHARS_PER_MINUTE);
    }
  }
  // Measured figures are IT energy; the accelerator share (for embodied carbon) is IT / (1 + typical overhead).
  const accelerator = range((c) => it[c] / (1 + SERVER_OVERHEAD.typical));
  return { energy: { accelerator, it, total: range((c) => it[c] * profile.pue[c]) }, cost };
}

/** The figures of a footprint without its assumptions: what a saving is computed from. */
export type FootprintFigures = Omit<Footprint, 'assumptions'>;

interface Computed {
  where: Setting;
  entry: CatalogModel | undefined;
  energy: Energy;
  cost: MinTypMax | null;
  co2eGrams: MinTypMax;
  waterMl: MinTypMax;
  water: ReturnType<typeof offSiteWue>;
}

/** The numbers of an estimate; the notes explaining them go to `notes`/`priceNotes` unless those are null. */
function compute(req: FootprintRequest, notes: Notes, priceNotes: Notes): Computed | null {
  const entry = catalogEntry(req.model.id);
  const where = setting(req.model, req.call, req.region);
  if (!where) return null;
  const { profile, region } = where;
  let energy: Energy;
  let cost: MinTypMax | null;

  if (req.model.kind === 'image' || req.model.kind === 'audio') {
    if (!entry) return null;
    ({ energy, cost } = unitEnergy(req, entry, notes, profile));
  } else {
    const params = paramsFor(req.model, entry);
    if (!params) return null;
    const cacheable = req.inputTokens.cacheablePrefix ?? 0;
    const cached = req.call?.params.promptCaching ? Math.min(cacheable, req.inputTokens.count) : 0;
    const inputs = inputRange(req, notes);
    energy = tokenEnergy(params, req, inputs, cached, notes, profile);
    const out: MinTypMax = req.model.kind === 'embedding'
      ? { min: 0, typical: 0, max: 0 }
      : { min: req.outputTokens.min, typical: req.outputTokens.typical, max: req.outputTokens.max };
    cost = tokenCost(entry?.prices ?? null, inputs, cached, out, req.call?.params.batch === true, priceNotes);
  }
  for (const c of CORNERS) {
    if (!Number.isFinite(energy.total[c])) return null;
  }

  const water = offSiteWue(region.country);
  const co2eGrams = range((c) => (energy.total[c] / 1000) * region.gridIntensity + embodiedKg(energy.accelerator[c]) * 1000);
  const waterMl = range((c) => energy.it[c] * profile.wueOnSite[c] + energy.total[c] * water.value);
  return { where, entry, energy, cost, co2eGrams, waterMl, water };
}

/** The footprint of one call, or null when the model's size is unknown (no catalog entry, not declared). */
export function estimateFootprint(req: FootprintRequest): Footprint | null {
  const notes: string[] = [];
  const priceNotes: string[] = [];
  const computed = compute(req, notes, priceNotes);
  if (!computed) return null;
  const { where, entry, cost, water } = computed;
  const region = where.region;

  const output = req.outputTokens.basis.length > 0 ? req.outputTokens.basis.join('; ') : 'given';
  const reasoning = req.outputTokens.reasoning;
  const assumptions = [
    `output tokens ${fmt(req.outputTokens.min, 6)}–${fmt(req.outputTokens.max, 6)} (typ. ${fmt(req.outputTokens.typical, 6)}): ${output}`,
    ...(reasoning.typical > 0 ? [`of which hidden reasoning tokens: typ. ${fmt(reasoning.typical, 6)}, billed and decoded like output`] : []),
    ...notes,
    ...where.notes,
    `CO₂e = energy × grid intensity (location-based, use phase) + embodied hardware share (H100 164 kg, server 5,700 kg per 8 GPUs, 3-year life)`,
    `water = on-site cooling + off-site electricity generation ${fmt(water.value)} L/kWh (${water.exact ? region.country : 'world average: no factor for ' + region.country}; WRI)`,
    ...(cost === null
      ? ['cost: no list price in our data for this model (open weights or unpublished): shown as unknown']
      : [`cost: ${entry?.prices?.source ?? 'list price'}, as of ${entry?.prices?.asOf ?? '?'}`]),
    ...priceNotes,
  ];
  return { ...figuresOf(req, computed), assumptions };
}

/**
 * The same figures as estimateFootprint (null in the same cases), without formatting its assumptions. Advice
 * re-estimates each call with every smaller candidate model and each fix only to compare figures: formatting the
 * assumptions of those re-estimates was most of findings' cost on the bench tree (smallerModels ~240 ms of ~550 ms).
 */
export function estimateFigures(req: FootprintRequest): FootprintFigures | null {
  const computed = compute(req, null, null);
  return computed ? figuresOf(req, computed) : null;
}

/** The numbers both estimates return (the full one adds its assumptions). */
function figuresOf(req: FootprintRequest, computed: Computed): FootprintFigures {
  const { where, energy, cost, co2eGrams, waterMl } = computed;
  return {
    energyWh: energy.total, co2eGrams, waterMl, costUsd: cost, region: where.region.id, gridIntensity: where.region.gridIntensity,
    modelId: req.model.id,
  };
}
