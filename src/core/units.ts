import type { MinTypMax } from './types';

// One place that turns numbers into what users read, so the lens, hover, report and CLI text agree.
// Magnitudes switch units (mWh below 0.01 Wh, then Wh → kWh → MWh; likewise g) and keep 2 significant digits: the inputs are
// ranges spanning 2–10×, so more digits would be false precision.

function sig(value: number, digits = 2): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
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
  if (Math.abs(usd) >= 100) return `$${Math.round(usd).toLocaleString('en-US')}`;
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
