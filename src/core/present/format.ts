import { formatCo2, formatEnergy, formatGrouped, formatTokens, formatUsd, formatWater } from '../units';
import type { UnitsMode } from './editorSettings';

// The lens, hover and status bar format through these, so `llmFootprint.units` applies everywhere at once.
// 'auto' is core/units.ts (scaled units, 2 significant digits); 'base' pins Wh / g / mL with the same precision.

export interface Formatters {
  energy(wh: number): string;
  co2(grams: number): string;
  water(ml: number): string;
  usd(usd: number): string;
  tokens(count: number): string;
}

/** 2 significant digits like core/units.ts (inputs are ranges spanning 2–10×); thousands grouped. */
function sig(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 100) return formatGrouped(Math.round(value));
  return Number(value.toPrecision(2)).toString();
}

const AUTO: Formatters = Object.freeze({
  energy: formatEnergy, co2: formatCo2, water: formatWater, usd: formatUsd, tokens: formatTokens,
});

const BASE: Formatters = Object.freeze({
  energy: (wh: number) => `${sig(wh)} Wh`,
  co2: (g: number) => `${sig(g)} g CO₂e`,
  water: (ml: number) => `${sig(ml)} mL`,
  usd: formatUsd,
  tokens: formatTokens,
});

export function formatters(units: UnitsMode): Formatters {
  return units === 'base' ? BASE : AUTO;
}

/** 1234567 → "1,234,567" — exact counts in hovers, where the lens shows "1.2M". */
export function formatCount(n: number): string {
  return formatGrouped(Math.round(n));
}

/** −0.934 → "−93 %" (typographic minus, as in the fix titles). */
export function formatPercentChange(fraction: number): string {
  const pct = Math.round(fraction * 100);
  return `${pct < 0 ? '−' : pct > 0 ? '+' : ''}${Math.abs(pct)} %`;
}
