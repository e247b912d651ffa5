import type { CallAnalysis, InputTokens, OutputTokens } from '../types';
import type { EditorOptions } from './editorSettings';
import { formatters, type Formatters } from './format';
import { truncate } from './markdown';
import { formatGrouped } from '../units';

// The one line shown above a call, e.g. `⚡ 0.31 Wh · 0.12 g CO₂e · $0.0021/call · ≈1.2k in, ≤500 out · 6.2 kWh/day`.
// Typical values only: the hover shows the ranges. Symbols: "≈" approximate count, "≥…+dyn" a lower bound plus
// run-time parts, "≤" a declared output cap, "~" an estimated output length without a cap.

export type LensAction = 'details' | 'map-model';

export interface LensContent {
  title: string;
  /** Shown on mouse-over of the lens. */
  tooltip: string;
  /** What clicking does: show the call's details, or map an unknown model name to a catalog model. */
  action: LensAction;
}

type LensOptions = Pick<EditorOptions, 'units' | 'lensParts'>;

export function lensContent(analysis: CallAnalysis, options: LensOptions): LensContent {
  const f = formatters(options.units);
  const { footprint, call } = analysis;
  const tokens = options.lensParts.has('tokens') ? tokensText(analysis.inputTokens, analysis.outputTokens, analysis, f) : '';

  if (!footprint) {
    const reason = analysis.unknownModelReason ? ` (${analysis.unknownModelReason})` : '';
    if (call.model) {
      return {
        title: [`⚠ unknown model '${truncate(call.model, 40)}' — map it…`, tokens].filter(Boolean).join(' · '),
        tooltip: `No footprint data for '${call.model}'${reason}. Click to map it to a known model.`,
        action: 'map-model',
      };
    }
    return {
      title: [`⚠ model not known statically — details…`, tokens].filter(Boolean).join(' · '),
      tooltip: `The model of this call is only known at run time${reason}. Put a literal, a constant or an env fallback in the code, or see the details.`,
      action: 'details',
    };
  }

  const parts: string[] = [];
  if (options.lensParts.has('energy')) parts.push(f.energy(footprint.energyWh.typical));
  if (options.lensParts.has('co2e')) parts.push(f.co2(footprint.co2eGrams.typical));
  if (options.lensParts.has('water')) parts.push(`${f.water(footprint.waterMl.typical)} water`);
  if (options.lensParts.has('cost') && footprint.costUsd) parts.push(`${f.usd(footprint.costUsd.typical)}/call`);
  if (tokens) parts.push(tokens);
  const perDay = analysis.callsPerDay;
  if (options.lensParts.has('perDay') && perDay !== null && perDay > 0) {
    parts.push(`${f.energy(footprint.energyWh.typical * perDay)}/day`);
  }
  const title = parts.length > 0 ? `⚡ ${parts.join(' · ')}` : `⚡ ${footprint.modelId}`;
  const tooltip = `${footprint.modelId}: typical per call` +
    (perDay ? `, ${formatGrouped(Math.round(perDay))} calls/day` : '') +
    '. Click for the breakdown, ranges and assumptions.';
  return { title, tooltip, action: 'details' };
}

/** "≈1.2k in, ≤500 out" */
export function tokensText(input: InputTokens, output: OutputTokens, analysis: CallAnalysis, f: Formatters = formatters('auto')): string {
  return `${inputText(input, f)}, ${outputText(output, analysis, f)}`;
}

function inputText(input: InputTokens, f: Formatters): string {
  if (input.dynamic) return input.count > 0 ? `≥${f.tokens(input.count)}+dyn in` : 'dyn in';
  return `${input.exact ? '' : '≈'}${f.tokens(input.count)} in`;
}

function outputText(output: OutputTokens, analysis: CallAnalysis, f: Formatters): string {
  const cap = analysis.call.params.maxOutputTokens;
  if (cap && cap.value !== null) return `≤${f.tokens(output.max)} out`;
  return `~${f.tokens(output.typical)} out`;
}
