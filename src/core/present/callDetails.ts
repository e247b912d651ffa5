import type { CallAnalysis, PromptPart } from '../types';
import type { UnitsMode } from './editorSettings';
import { formatCount } from './format';
import { fixTitle } from './fixes';
import { hoverMarkdown } from './hoverText';
import { escapeMarkdown, inlineCode, truncate } from './markdown';

// The document `llmFootprint.showCallDetails` opens in a markdown preview: the hover's breakdown plus what the
// engine read from the code (prompt parts, parameters, loop/volume) and the fixes on offer — what a reviewer needs
// to check a figure without reading the engine.

export interface DetailsOptions {
  units: UnitsMode;
  dataAsOf: string;
  /** Shown in the title, e.g. "src/app.py:12". */
  location: string;
}

export function callDetailsMarkdown(a: CallAnalysis, options: DetailsOptions): string {
  const out: string[] = [
    `# LLM call at ${escapeMarkdown(options.location)}`,
    '',
    hoverMarkdown(a, { units: options.units, dataAsOf: options.dataAsOf, plain: true }),
    '',
    '## What the code says',
    '',
    `- SDK: ${escapeMarkdown(a.call.sdk)}, provider ${escapeMarkdown(a.call.provider)}, API ${escapeMarkdown(a.call.api)}`,
    `- Model as written: ${a.call.model ? inlineCode(truncate(a.call.model, 80)) : 'not resolved'} (${escapeMarkdown(a.call.modelSource)})`,
    ...paramLines(a),
  ];
  if (a.call.loop) {
    out.push(`- Inside a ${escapeMarkdown(a.call.loop.kind)}${a.call.loop.iterable ? ` over ${inlineCode(truncate(a.call.loop.iterable, 60))}` : ''}`);
  }
  if (a.call.volume) out.push(`- Volume annotation: ${formatCount(a.call.volume.callsPerDay)} calls/day`);
  else if (a.callsPerDay !== null) out.push(`- Volume: ${formatCount(a.callsPerDay)} calls/day from the \`llmFootprint.defaultCallsPerDay\` setting`);

  out.push('', '## Prompt', '', ...promptLines(a));

  const fixes = a.findings.flatMap((f) => f.fixes.map((x) => `- ${inlineCode(f.code)}: ${escapeMarkdown(fixTitle(x))}${x.isPreferred ? ' (preferred)' : ''}`));
  if (fixes.length > 0) out.push('', '## Quick fixes on offer', '', ...fixes, '', 'Apply them from the light bulb on the call.');
  return out.join('\n') + '\n';
}

function paramLines(a: CallAnalysis): string[] {
  const p = a.call.params;
  const items: string[] = [];
  if (p.maxOutputTokens) items.push(`${inlineCode(p.maxOutputTokens.name)} = ${p.maxOutputTokens.value ?? 'dynamic'}`);
  else items.push('no output cap');
  if (p.n !== undefined) items.push(`n = ${p.n}`);
  if (p.stream) items.push('streaming');
  if (p.temperature !== undefined) items.push(`temperature = ${p.temperature ?? 'dynamic'}`);
  if (p.reasoningEffort) items.push(`reasoning effort ${escapeMarkdown(p.reasoningEffort)}`);
  if (p.thinkingBudget !== undefined) items.push(`thinking budget ${formatCount(p.thinkingBudget)}`);
  if (p.tools) items.push('tools');
  if (p.jsonMode) items.push('JSON output');
  if (p.batch) items.push('Batch API');
  if (p.promptCaching) items.push('prompt caching');
  return [`- Parameters: ${items.join(', ')}`];
}

function promptLines(a: CallAnalysis): string[] {
  const { prompt } = a.call;
  if (prompt.opaque && prompt.messages.length === 0) return ['The prompt is a variable the engine could not follow; its size is counted as unknown.'];
  const lines = prompt.messages.map((m) => `- ${escapeMarkdown(m.role)}: ${m.parts.map(partText).join(' + ') || 'empty'}`);
  if (prompt.tools.length > 0) lines.push(`- tools: ${prompt.tools.map(partText).join(' + ')}`);
  if (prompt.images > 0) lines.push(`- images: ${prompt.images}`);
  if (prompt.audio) lines.push('- audio input');
  if (prompt.opaque) lines.push('- part of the prompt could not be followed statically');
  return lines.length > 0 ? lines : ['No prompt text found.'];
}

function partText(p: PromptPart): string {
  if (p.kind === 'static') return `static text (${formatCount(p.text.length)} chars)`;
  return `run-time ${inlineCode(truncate(p.expression, 40))}${p.declaredTokens ? ` (declared ${formatCount(p.declaredTokens)} tokens)` : ''}`;
}
