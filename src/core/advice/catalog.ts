import * as footprint from '../footprint';
import { estimateOutputTokens } from '../tokens';
import type { AnalysisSettings } from '../settings';
import type { DetectedCall, InputTokens, ModelInfo, OutputTokens } from '../types';

// What advice needs from the catalog and the footprint model: the list of models to choose a smaller one from, and a
// way to re-estimate a call as it would be after a fix, so every fix title carries a computed saving. Tests may pass
// their own; the default is the real catalog.

/** The figures a saving is computed from (a full Footprint is one). */
export type EstimatedFigures = footprint.FootprintFigures;

export type Resolution = { model: ModelInfo } | { model: null; reason: string };

export interface AdviceCatalog {
  listModels(): readonly ModelInfo[];
  resolve(name: string | null, settings: AnalysisSettings): Resolution;
  estimateOutput(call: DetectedCall, model: ModelInfo | null): OutputTokens;
  estimate(model: ModelInfo, inputTokens: InputTokens, outputTokens: OutputTokens, call: DetectedCall, region: string | null): EstimatedFigures | null;
  /** Typical active parameters (billions) of a catalog model, when known: a cheap pre-filter before re-estimating. */
  activeParams?(id: string): number | undefined;
}

// Advice only reads the model list (and smallerModels asks for it once per call): one copy serves every call instead
// of a fresh copy of ~100 models each time (~35 ms over the bench tree's 3,940 calls).
let models: readonly ModelInfo[] | undefined;

export const defaultCatalog: AdviceCatalog = {
  listModels: () => (models ??= Object.freeze(footprint.listModels())),
  resolve: (name, settings) => footprint.resolveModel(name, settings),
  estimateOutput: (call, model) => estimateOutputTokens(call, model),
  // Re-estimates are only compared, never shown: figures without formatted assumptions (see estimateFigures).
  estimate: (model, inputTokens, outputTokens, call, region) =>
    footprint.estimateFigures({ model, inputTokens, outputTokens, call, region }),
  activeParams(id) {
    const active = footprint.catalogEntry(id)?.params?.active;
    if (active === undefined) return undefined;
    return typeof active === 'number' ? active : (active[0] + active[1]) / 2;
  },
};

/** The same call re-estimated with another model and/or changed parameters. */
export function reestimate(
  catalog: AdviceCatalog, call: DetectedCall, model: ModelInfo, inputTokens: InputTokens, region: string | null,
): EstimatedFigures | null {
  try {
    return catalog.estimate(model, inputTokens, catalog.estimateOutput(call, model), call, region);
  } catch {
    return null; // a fix without a computed saving is still offered; a broken estimate never breaks the analysis
  }
}

export interface Savings {
  energy?: number;
  cost?: number;
  /** Relative change of the worst case (max), for caps that do not move the typical figure. */
  maxEnergy?: number;
}

/** Relative changes (−0.93 = −93 %) of the typical energy and cost from `before` to `after`. */
export function savings(before: EstimatedFigures | null, after: EstimatedFigures | null): Savings {
  if (!before || !after) return {};
  const rel = (a: number, b: number): number | undefined => (a > 0 && Number.isFinite(b) ? b / a - 1 : undefined);
  const result: Savings = {};
  const energy = rel(before.energyWh.typical, after.energyWh.typical);
  if (energy !== undefined) result.energy = energy;
  const maxEnergy = rel(before.energyWh.max, after.energyWh.max);
  if (maxEnergy !== undefined) result.maxEnergy = maxEnergy;
  if (before.costUsd && after.costUsd) {
    const cost = rel(before.costUsd.typical, after.costUsd.typical);
    if (cost !== undefined) result.cost = cost;
  }
  return result;
}

/** "−93 %", rounding toward what the user will actually see; "±0 %" for no change. */
export function formatPercent(change: number): string {
  const pct = Math.round(change * 100);
  if (pct === 0) return '±0 %';
  return pct < 0 ? `−${-pct} %` : `+${pct} %`;
}

/** "(−93 % energy, −94 % $)", or '' when nothing could be computed. */
export function savingsLabel(s: Savings): string {
  const parts: string[] = [];
  if (s.energy !== undefined && Math.round(s.energy * 100) !== 0) parts.push(`${formatPercent(s.energy)} energy`);
  if (s.cost !== undefined && Math.round(s.cost * 100) !== 0) parts.push(`${formatPercent(s.cost)} $`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
