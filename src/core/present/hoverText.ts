import type { CallAnalysis, Finding, MinTypMax, PromptPart } from '../types';
import type { UnitsMode } from './editorSettings';
import { formatCount, formatters } from './format';
import { commandUri, escapeMarkdown, inlineCode, truncate } from './markdown';

// The hover's markdown: everything behind the lens figures — ranges, tokens with their basis, grid, assumptions, data
// date — so a number is never shown without the reason for it. Text from the user's code is escaped; the only links
// are command URIs to our own commands, which the extension enables one by one (never `isTrusted: true`).

export const HOVER_COMMANDS = Object.freeze([
  'llmFootprint.openMethodology', 'llmFootprint.mapModel', 'llmFootprint.showCallDetails',
]);

export interface HoverOptions {
  units: UnitsMode;
  /** Date of the footprint data (footprint/DATA_AS_OF). */
  dataAsOf: string;
  /** Arguments for `llmFootprint.showCallDetails` that point back at this call; omit for no link. */
  detailsArgs?: unknown[];
  /** For a markdown preview: no theme icons and no command links (neither works there). */
  plain?: boolean;
}

const SEVERITY_ICON: Record<Finding['severity'], string> = {
  error: 'error', warning: 'warning', information: 'info', hint: 'lightbulb',
};

export function hoverMarkdown(a: CallAnalysis, options: HoverOptions): string {
  const f = formatters(options.units);
  const icon = (name: string): string => (options.plain ? '' : `$(${name}) `);
  const out: string[] = [headerLine(a, icon), ''];

  if (a.footprint) {
    const fp = a.footprint;
    out.push(
      '| per call | typical | range |',
      '|:--|--:|--:|',
      row('Energy', fp.energyWh, f.energy),
      row('CO₂e', fp.co2eGrams, f.co2),
      row('Water', fp.waterMl, f.water),
      fp.costUsd ? row('Cost', fp.costUsd, f.usd) : '| Cost | no price known | |',
    );
    if (a.callsPerDay !== null && a.callsPerDay > 0) {
      const n = a.callsPerDay;
      const perDay = [f.energy(fp.energyWh.typical * n), f.co2(fp.co2eGrams.typical * n)];
      if (fp.costUsd) perDay.push(f.usd(fp.costUsd.typical * n));
      out.push('', `**Per day** (${formatCount(n)} calls/day, ${volumeSource(a)}): ${perDay.join(' · ')}`);
    }
    out.push('', `**Grid**: region ${escapeMarkdown(fp.region)} · ${formatCount(fp.gridIntensity)} g CO₂e/kWh`);
  } else {
    out.push(unknownModelText(a, icon, options.plain === true));
  }

  out.push('', '**Tokens**', ...tokenLines(a));

  const assumptions = a.footprint?.assumptions ?? [];
  if (assumptions.length > 0) {
    out.push('', '**Assumptions**', ...assumptions.map((s) => `- ${escapeMarkdown(s)}`));
  }
  if (a.findings.length > 0) {
    out.push('', '**Findings**', ...a.findings.map((x) => `- ${icon(SEVERITY_ICON[x.severity])}${inlineCode(x.code)} ${escapeMarkdown(x.message)}`));
  }

  if (options.plain) {
    out.push('', '---', `Data as of ${escapeMarkdown(options.dataAsOf)}. How these figures are made: run *LLM Footprint: Open Methodology*.`);
  } else {
    const links = [`[Methodology](${commandUri('llmFootprint.openMethodology')})`];
    if (options.detailsArgs) links.push(`[Details](${commandUri('llmFootprint.showCallDetails', options.detailsArgs)})`);
    out.push('', '---', `Data as of ${escapeMarkdown(options.dataAsOf)} · ${links.join(' · ')}`);
  }
  return out.join('\n');
}

function headerLine(a: CallAnalysis, icon: (name: string) => string): string {
  const { call } = a;
  const model = a.footprint
    ? `**${escapeMarkdown(a.footprint.modelId)}**` + (call.model && call.model !== a.footprint.modelId ? ` (as ${inlineCode(truncate(call.model, 60))})` : '')
    : call.model ? `**${inlineCode(truncate(call.model, 60))}** (unknown)` : '**model unknown**';
  return `${icon('zap')}**LLM call** ${inlineCode(truncate(call.callee, 80))} → ${model} · ${escapeMarkdown(call.provider)} ${escapeMarkdown(call.api)} · model from ${escapeMarkdown(modelSourceText(call.modelSource))}`;
}

function modelSourceText(source: CallAnalysis['call']['modelSource']): string {
  switch (source) {
    case 'literal': return 'a literal';
    case 'constant': return 'a constant';
    case 'default': return 'a default parameter';
    case 'env-default': return 'an environment variable fallback';
    case 'bound': return 'the client/LLM object';
    case 'imported': return 'an imported constant';
    case 'unresolved': return 'nowhere (unresolved)';
  }
}

function volumeSource(a: CallAnalysis): string {
  if (a.call.volume) return 'from the annotation';
  if (a.call.loop) return `in a ${a.call.loop.kind} loop, default setting`;
  return 'default setting';
}

function unknownModelText(a: CallAnalysis, icon: (name: string) => string, plain: boolean): string {
  const reason = a.unknownModelReason ? `: ${escapeMarkdown(a.unknownModelReason)}` : '';
  if (a.call.model) {
    const link = plain
      ? `Map ${inlineCode(truncate(a.call.model, 40))} to a known model with *LLM Footprint: Map Unknown Model…*`
      : `[Map ${inlineCode(truncate(a.call.model, 40))} to a known model…](${commandUri('llmFootprint.mapModel', [a.call.model])})`;
    return `${icon('warning')}No footprint data for this model${reason}. ${link}, or set \`llmFootprint.modelMappings\`.`;
  }
  return `${icon('warning')}The model is only known at run time${reason}. Use a literal, a constant or an env fallback (\`os.getenv("MODEL", "gpt-4o")\`) so it can be estimated.`;
}

function tokenLines(a: CallAnalysis): string[] {
  const { inputTokens: input, outputTokens: output } = a;
  const lines: string[] = [];
  const notes: string[] = [escapeMarkdown(input.encoding), input.exact ? 'exact' : 'approximate'];
  if (input.approximation) notes.push(escapeMarkdown(input.approximation));
  const dyn = dynamicParts(a);
  if (input.dynamic) notes.push(`lower bound: run-time parts ${dyn.length > 0 ? dyn.join(', ') : 'not counted'}`);
  lines.push(`- Input: ${input.dynamic ? '≥' : input.exact ? '' : '≈'}${formatCount(input.count)} (${notes.join('; ')})`);
  if (input.cacheablePrefix) lines.push(`- Cacheable static prefix: ${formatCount(input.cacheablePrefix)} tokens`);
  const basis = output.basis.length > 0 ? ` — ${output.basis.map(escapeMarkdown).join('; ')}` : '';
  lines.push(`- Output: ${rangeText(output, (n) => formatCount(n))}, typical ${formatCount(output.typical)}${basis}`);
  if (output.reasoning.max > 0) {
    lines.push(`- Reasoning (hidden, billed as output, included above): ${rangeText(output.reasoning, formatCount)}, typical ${formatCount(output.reasoning.typical)}`);
  }
  return lines;
}

function dynamicParts(a: CallAnalysis): string[] {
  const parts: PromptPart[] = [...a.call.prompt.messages.flatMap((m) => m.parts), ...a.call.prompt.tools];
  return parts
    .filter((p): p is Extract<PromptPart, { kind: 'dynamic' }> => p.kind === 'dynamic')
    .slice(0, 4)
    .map((p) => inlineCode(truncate(p.expression, 30)) + (p.declaredTokens ? ` (declared ${formatCount(p.declaredTokens)})` : ''));
}

function row(label: string, r: MinTypMax, format: (n: number) => string): string {
  return `| ${label} | ${format(r.typical)} | ${rangeText(r, format)} |`;
}

/** "0.12 – 0.9 Wh" (single value when min = max). */
export function rangeText(r: MinTypMax, format: (n: number) => string): string {
  return r.min === r.max ? format(r.min) : `${format(r.min)} – ${format(r.max)}`;
}

