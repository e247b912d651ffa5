import type { MinTypMax } from './types';

// One place that turns numbers into what users read, so the lens, hover, report and CLI text agree.
// Magnitudes switch units (mWh below 0.01 Wh, then Wh → kWh → MWh; likewise g) and keep 2 significant digits: the inputs are
// ranges spanning 2–10×, so more digits would be false precision.

function sig(value: number, digits = 2): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return formatGrouped(Math.round(value));
  return Number(value.toPrecision(digits)).toString();
}

/** steps: [threshold, divisor, unit], largest first; the first whose threshold the value reaches is used. */
function scaled(value: number, steps: Array<[number, number, string]>): string {
  for (const [threshold, divisor, unit] of steps) {
    if (Math.abs(value) >= threshold) return `${sig(value / divisor)} ${unit}`;
  }
  const [, divisor, unit] = steps[steps.length - 1] ?? [1, 1, ''];
  return `${sig(value / divisor)} ${unit}`;
}

export function formatEnergy(wh: number): string {
  return scaled(wh, [[1e6, 1e6, 'MWh'], [1e3, 1e3, 'kWh'], [0.01, 1, 'Wh'], [1e-3, 1e-3, 'mWh'], [0, 1e-6, 'µWh']]);
}

export function formatCo2(grams: number): string {
  return scaled(grams, [[1e6, 1e6, 't CO₂e'], [1e3, 1e3, 'kg CO₂e'], [0.01, 1, 'g CO₂e'], [1e-3, 1e-3, 'mg CO₂e'], [0, 1e-6, 'µg CO₂e']]);
}

export function formatWater(ml: number): string {
  return scaled(ml, [[1e6, 1e6, 'm³'], [1e3, 1e3, 'L'], [0.01, 1, 'mL'], [0, 1e-3, 'µL']]);
}

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 100) return `$${formatGrouped(Math.round(usd))}`;
  return `$${sig(usd)}`;
}

/** 1234 → "1.2k", 999 → "999". */
export function formatTokens(count: number): string {
  if (count >= 1e6) return `${sig(count / 1e6)}M`;
  if (count >= 1e3) return `${sig(count / 1e3)}k`;
  return String(Math.round(count));
}

/** "0.12–0.45 Wh" style range with the given formatter (shares the unit of the max). */
export function formatRange(range: MinTypMax, format: (n: number) => string): string {
  return range.min === range.max ? format(range.typical) : `${format(range.min)} – ${format(range.max)}`;
}

let enUs: Intl.NumberFormat | undefined;

/**
 * Exactly `n.toLocaleString('en-US')` ("1,234,567", at most 3 decimals), without its cost: every toLocaleString call
 * builds a new ICU formatter (it dominated the footprint notes in profiles). Integers and numbers whose shortest
 * decimal form has ≤ 3 decimals are grouped by hand; anything else (rounding, exponents, ∞, NaN, -0) goes to one
 * cached Intl.NumberFormat, which the spec defines toLocaleString by.
 */
export function formatGrouped(n: number): string {
  if (Number.isFinite(n) && Math.abs(n) < 1e21 && !Object.is(n, -0)) {
    const s = String(n);
    const dot = s.indexOf('.');
    if (!s.includes('e') && (dot < 0 || s.length - dot - 1 <= 3)) {
      const negative = s.charCodeAt(0) === 45;
      const int = s.slice(negative ? 1 : 0, dot < 0 ? s.length : dot);
      let grouped = int;
      if (int.length > 3) {
        grouped = int.slice(0, int.length % 3 || 3);
        for (let i = grouped.length; i < int.length; i += 3) grouped += `,${int.slice(i, i + 3)}`;
      }
      return (negative ? '-' : '') + grouped + (dot < 0 ? '' : s.slice(dot));
    }
  }
  enUs ??= new Intl.NumberFormat('en-US');
  return enUs.format(n);
}
