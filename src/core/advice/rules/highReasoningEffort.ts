import { reestimate, savings, savingsLabel } from '../catalog';
import type { CallSite } from '../callSite';
import { enclosingBracket, opaqueAt } from '../structure';
import { callRange, finding, fmtInt, type RuleInput } from './ruleInput';
import { formatGrouped } from '../../units';
import type { DetectedCall, Fix, Finding, Severity, TextEdit } from '../../types';

// Hidden reasoning tokens scale with effort: ENERGY.md §2 / the token stage's effort multipliers. A thinking budget at or
// above this many tokens is "large" — 8× Anthropic's 1,024-token minimum and a third of Gemini 2.5 Flash's maximum.
export const LARGE_THINKING_BUDGET = 8192;

const LOWER: Readonly<Record<string, string>> = { xhigh: 'high', high: 'medium', medium: 'low', low: 'minimal' };

const EFFORT_KEY = /(["']?)\b(reasoning_effort|reasoningEffort|effort|thinking_level|thinkingLevel)\1\s*[:=]\s*(["'`])(xhigh|high|medium|low)\3/g;
const BUDGET_KEY = /(["']?)\b(budget_tokens|budgetTokens|thinking_budget|thinkingBudget)\1\s*[:=]\s*(\d[\d_]*)\b/g;

export function highReasoningEffort(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, model, site } = input;
  const { call } = analysis;
  const effort = call.params.reasoningEffort?.toLowerCase();
  const budget = call.params.thinkingBudget;
  const highEffort = effort === 'high' || effort === 'xhigh';
  const largeBudget = budget !== undefined && budget >= LARGE_THINKING_BUDGET;
  if (!highEffort && !largeBudget) return null;

  const modelName = model?.id ?? call.model ?? 'this model';
  const reasoning = analysis.outputTokens.reasoning.typical;
  const hidden = reasoning > 0 ? ` — about ${fmtInt(reasoning)} hidden reasoning tokens per call on top of the answer` : '';
  const setting = highEffort ? `reasoning effort "${effort}"` : `a ${fmtInt(budget!)}-token thinking budget`;
  const message = `${modelName} runs with ${setting}${hidden}. Lower it one step unless the task needs deep reasoning.`;

  const fixes: Fix[] = [];
  let range = callRange(input);
  if (site) {
    const spot = highEffort ? findLiteral(site, EFFORT_KEY, effort!) : findLiteral(site, BUDGET_KEY, String(budget));
    if (spot) {
      range = site.source.rangeOf(spot.start, spot.end);
      // Gemini thinking levels are only "low" and "high": one step down from high is low there.
      const lowered = highEffort
        ? (/thinking_?level/i.test(spot.key) ? 'low' : LOWER[effort!]!)
        : String(Math.max(1024, Math.floor(budget! / 2)));
      const params: DetectedCall['params'] = highEffort
        ? { ...call.params, reasoningEffort: lowered }
        : { ...call.params, thinkingBudget: Number(lowered) };
      const after = model ? reestimate(input.catalog, { ...call, params }, model, analysis.inputTokens, input.settings.region) : null;
      const s = savings(analysis.footprint, after);
      const edit: TextEdit = { range, newText: highEffort ? lowered : formatLike(spot.text, Number(lowered)) };
      fixes.push({
        title: highEffort
          ? `Lower reasoning effort to "${lowered}"${savingsLabel(s)}`
          : `Halve the thinking budget to ${fmtInt(Number(lowered))} tokens${savingsLabel(s)}`,
        edits: [edit],
        // Lowering effort can change answer quality: offered, never applied as a silent default.
        isPreferred: false,
        ...(s.energy !== undefined ? { energySaving: s.energy } : {}),
        ...(s.cost !== undefined ? { costSaving: s.cost } : {}),
      });
    }
  }
  return finding('high-reasoning-effort', severity, message, range, fixes);
}

interface Spot { start: number; end: number; text: string; key: string }

/** The value literal of the effort/budget key inside the call (or the constructor binding its model), code only. */
function findLiteral(site: CallSite, pattern: RegExp, value: string): Spot | null {
  const regions: Array<[number, number]> = [[site.start, site.end]];
  const { call } = site;
  if (call.modelSource === 'bound' && call.modelRange) {
    const o = site.source.offsetAt(call.modelRange.start);
    const bracket = o !== null ? enclosingBracket(site.structure, o) : null;
    if (bracket) regions.push([bracket[0], bracket[1] + 1]);
  }
  for (const [from, to] of regions) {
    const text = site.source.text.slice(from, to);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const raw = m[4] ?? m[3]!;
      if (raw.replace(/_/g, '') !== value) continue;
      const keyStart = from + m.index + m[1]!.length - (m[1] ? 1 : 0);
      const keyInterval = opaqueAt(site.structure, keyStart);
      if (keyInterval && !(keyInterval[2] === 'string' && keyInterval[0] === keyStart)) continue; // inside a comment/string
      const valueEnd = from + m.index + m[0].length - (m[4] !== undefined ? 1 : 0);
      const valueStart = valueEnd - raw.length;
      if (m[4] !== undefined) {
        const valueInterval = opaqueAt(site.structure, valueStart - 1);
        if (!valueInterval || valueInterval[0] !== valueStart - 1) continue;
      } else if (opaqueAt(site.structure, valueStart)) continue;
      return { start: valueStart, end: valueEnd, text: raw, key: m[2]! };
    }
  }
  return null;
}

/** Keeps digit grouping the way it was written (16_000 → 8_000). */
function formatLike(original: string, value: number): string {
  return original.includes('_') ? formatGrouped(value).replace(/,/g, '_') : String(value);
}
