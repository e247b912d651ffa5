import { setPath } from '../argumentList';
import { capPlacement } from '../capParameter';
import { reestimate, savings, formatPercent } from '../catalog';
import { formatEnergy } from '../../units';
import { callPurpose, niceTokens } from '../purpose';
import { article, callRange, finding, fmtInt, type RuleInput } from './ruleInput';
import type { DetectedCall, Fix, Finding, Severity } from '../../types';

const GENERATIVE = new Set(['chat', 'completion', 'responses']);

export function unboundedOutput(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, model, site } = input;
  const { call, outputTokens } = analysis;
  if (!GENERATIVE.has(call.api) || call.params.maxOutputTokens) return null;
  if (model && model.kind !== 'chat') return null; // an embedding/image model behind a generic endpoint

  const purpose = callPurpose(analysis);
  // A reasoning model spends hidden tokens inside the same cap (OpenAI max_completion_tokens, Anthropic max_tokens
  // must exceed budget_tokens): leave room for them, or the visible answer comes back empty.
  const reasoningRoom = model?.reasoning
    ? Math.max(call.params.thinkingBudget ?? 0, outputTokens.reasoning.typical * 2, 2048)
    : 0;
  const value = niceTokens(purpose.cap + reasoningRoom);
  const why = reasoningRoom > 0 ? `${purpose.label} + reasoning room` : purpose.label;

  const modelName = model?.id ?? call.model ?? 'the model';
  const limit = outputTokens.max > 0 ? ` up to ${fmtInt(outputTokens.max)} output tokens` : ' without limit';
  let message = `No output cap: ${modelName} may generate${limit}`;
  if (analysis.footprint) message += ` (worst case ${formatEnergy(analysis.footprint.energyWh.max)} per call)`;
  message += `; ${article(purpose.label)} needs about ${fmtInt(purpose.cap)}.`;

  const fixes: Fix[] = [];
  // A batch submission carries one request per item: the cap belongs inside each request, not on the batch call.
  const batchSubmit = /\bbatches\.create$|\bbatch\.create$/.test(call.callee);
  const placement = site && !batchSubmit ? capPlacement(site, model) : null;
  // A model object used by several calls gets one cap for all of them: never smaller than a chat answer.
  const shared = (placement?.sharedUses ?? 0) > 1;
  const capValue = shared ? Math.max(value, niceTokens(1024 + reasoningRoom)) : value;
  if (site && placement) {
    const edits = setPath(site.source, site.structure, placement.list, placement.path, String(capValue), site.hints);
    if (edits) {
      const key = placement.path.join('.');
      const capped: DetectedCall = {
        ...call,
        params: { ...call.params, maxOutputTokens: { name: placement.path[placement.path.length - 1]!, value: capValue } },
      };
      const after = model ? reestimate(input.catalog, capped, model, analysis.inputTokens, input.settings.region) : null;
      const s = savings(analysis.footprint, after);
      const typicalMoves = s.energy !== undefined && Math.round(s.energy * 100) !== 0;
      const effect = typicalMoves
        ? `, ${formatPercent(s.energy!)} energy`
        : s.maxEnergy !== undefined && Math.round(s.maxEnergy * 100) !== 0 ? `, worst case ${formatPercent(s.maxEnergy)} energy` : '';
      const spread = placement.list.items.some((item) => item.spread);
      fixes.push({
        title: `Cap output: ${key}=${capValue} (${shared ? "the model object is used by other calls too" : why}${effect})`,
        edits,
        isPreferred: !spread && !shared,
        ...(typicalMoves ? { energySaving: s.energy! } : {}),
        ...(typicalMoves && s.cost !== undefined ? { costSaving: s.cost } : {}),
      });
    }
  } else if (call.provider === 'bedrock') {
    message += ' invoke_model takes the cap inside its JSON body (e.g. "max_tokens" for Claude).';
  }
  return finding('unbounded-output', severity, message, callRange(input), fixes);
}
