import type { UnitsMode } from './editorSettings';
import { formatters } from './format';
import { formatGrouped } from '../units';
import type { FileTotals } from './totals';

// The status bar item's text and tooltip (markdown) for one file's totals.

export function statusText(t: FileTotals, units: UnitsMode): string {
  const f = formatters(units);
  if (t.estimated === 0) return `$(pulse) ${t.calls} LLM call${t.calls === 1 ? '' : 's'}, model unknown`;
  const parts = [f.energy(t.perRun.energyWh), f.co2(t.perRun.co2eGrams)];
  if (t.unpriced < t.estimated) parts.push(f.usd(t.perRun.costUsd));
  let text = `$(pulse) ${parts.join(' · ')}`;
  if (t.perDay) text += ` · ${f.energy(t.perDay.energyWh)}/day`;
  return text;
}

export function statusTooltip(t: FileTotals, units: UnitsMode): string {
  const f = formatters(units);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    '**LLM Footprint — this file** (typical values)',
    '',
    `${plural(t.calls, 'LLM call')}${t.unknownModels > 0 ? `, ${t.unknownModels} with an unknown model (not included)` : ''}`,
    '',
    `Per run (each call once): ${f.energy(t.perRun.energyWh)} · ${f.co2(t.perRun.co2eGrams)} · ${f.water(t.perRun.waterMl)} water · ${f.usd(t.perRun.costUsd)}` +
      (t.unpriced > 0 ? ` (${plural(t.unpriced, 'call')} without a price)` : ''),
  ];
  if (t.perDay) {
    lines.push('', `Per day (${formatGrouped(Math.round(t.perDay.calls))} calls with a known volume): ${f.energy(t.perDay.energyWh)} · ${f.co2(t.perDay.co2eGrams)} · ${f.usd(t.perDay.costUsd)}`);
  } else {
    lines.push('', 'Per day: add `# llm-footprint: 20k calls/day` above a call, or set `llmFootprint.defaultCallsPerDay`.');
  }
  lines.push('', 'Click to audit the workspace.');
  return lines.join('\n');
}
