import { reestimate, savings, savingsLabel, formatPercent, type AdviceCatalog, type EstimatedFigures, type Savings } from '../catalog';
import { rewriteModel } from '../modelLiteral';
import { callPurpose } from '../purpose';
import { article, callRange, finding, fmtInt, type RuleInput } from './ruleInput';
import type { Fix, Finding, Footprint, ModelInfo, Severity } from '../../types';

// A large model doing a small model's job. "Large" is relative and computed, not a list of names: the call qualifies
// when a smaller same-provider model with every capability the call uses would run it for at most 40 % of the energy.
const MIN_ENERGY_SAVING = 0.6;
const MAX_CANDIDATES = 2;

interface Candidate {
  model: ModelInfo;
  footprint: EstimatedFigures;
  saving: Savings;
  affinity: number;
}

export function oversizedModel(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, settings, model, site, catalog } = input;
  const { call, footprint, inputTokens } = analysis;
  if (!model || !footprint || model.kind !== 'chat') return null;
  if (!['chat', 'completion', 'responses'].includes(call.api)) return null;

  const cap = call.params.maxOutputTokens?.value ?? null;
  const dominated = dynamicDominated(input);
  const shortPrompt = !dominated && inputTokens.count <= settings.oversizedMaxInputTokens;
  const lowCap = cap !== null && cap <= settings.oversizedMaxOutputTokens;
  const purpose = callPurpose(analysis);
  const smallShape = purpose.purpose === 'classification'
    || (purpose.purpose === 'extraction' && (!dominated || call.params.jsonMode === true)
      && (dominated || inputTokens.count <= settings.oversizedMaxInputTokens * 4));
  if (!shortPrompt && !lowCap && !smallShape) return null;

  const candidates = smallerModels(input, model, footprint);
  const best = candidates[0];
  if (!best) return null;

  const shape = purpose.purpose === 'classification' ? 'classification ' : purpose.purpose === 'extraction' ? 'extraction ' : '';
  const size = dominated ? `${shape}prompt of ≥ ${fmtInt(inputTokens.count)} static tokens plus dynamic input` : `${fmtInt(inputTokens.count)}-token ${shape}prompt`;
  const capText = cap !== null ? ` with a ${fmtInt(cap)}-token cap` : '';
  const energyPct = best.saving.energy !== undefined ? `~${formatPercent(best.saving.energy).replace('−', '')} less energy` : 'less energy';
  const costPct = best.saving.cost !== undefined && best.saving.cost < 0 ? ` and ~${formatPercent(best.saving.cost).replace('−', '')} less cost` : '';
  const alternatives = candidates.slice(1).map((c) => c.model.id);
  const message = `${model.id} for ${article(size)}${capText}; ${best.model.id} would serve it for ${energyPct}${costPct}`
    + `${alternatives.length ? ` (also: ${alternatives.join(', ')})` : ''}.`;

  const fixes: Fix[] = [];
  if (site) {
    for (const candidate of candidates) {
      const rewrite = rewriteModel(site, candidate.model, catalog, settings);
      if (!rewrite) continue;
      const shared = call.modelSource !== 'literal' ? ` in ${call.modelSource === 'constant' ? 'the constant' : 'the default'}` : '';
      fixes.push({
        title: `Switch to ${rewrite.newName}${shared}${savingsLabel(candidate.saving)}`,
        edits: [rewrite.edit],
        // Preferred only for the first choice written at the call itself: a constant may feed other calls too.
        isPreferred: fixes.length === 0 && call.modelSource === 'literal',
        ...(candidate.saving.energy !== undefined ? { energySaving: candidate.saving.energy } : {}),
        ...(candidate.saving.cost !== undefined ? { costSaving: candidate.saving.cost } : {}),
      });
    }
  }
  const inFile = call.modelSource === 'literal' && call.modelRange && site?.source.offsets(call.modelRange);
  return finding('oversized-model', severity, message, inFile && call.modelRange ? call.modelRange : callRange(input), fixes);
}

/** The prompt's real size is unknown: an opaque message list, or dynamic parts nobody sized. */
function dynamicDominated(input: RuleInput): boolean {
  const { call, inputTokens } = input.analysis;
  if (call.prompt.opaque) return true;
  if (!inputTokens.dynamic) return false;
  const unsized = call.prompt.messages.some((m) => m.parts.some((p) => p.kind === 'dynamic' && p.declaredTokens === undefined));
  return unsized && input.settings.dynamicPartTokens === 0;
}

/** Smaller same-provider models able to run this exact call, best first. */
function smallerModels(input: RuleInput, model: ModelInfo, footprint: Footprint): Candidate[] {
  const { call, inputTokens } = input.analysis;
  const needs = {
    tools: call.params.tools === true || call.prompt.tools.length > 0,
    vision: call.prompt.images > 0,
    json: call.params.jsonMode === true,
  };
  const cap = call.params.maxOutputTokens?.value ?? 0;
  const result: Candidate[] = [];
  for (const { other, affinity } of peersOf(input.catalog, model)) {
    if ((needs.tools && !other.capabilities.tools) || (needs.vision && !other.capabilities.vision) || (needs.json && !other.capabilities.json)) continue;
    if (cap > other.maxOutputTokens || inputTokens.count + Math.max(cap, 1) > other.contextWindow) continue;
    const after = reestimate(input.catalog, call, other, inputTokens, input.settings.region);
    if (!after) continue;
    const saving = savings(footprint, after);
    if (saving.energy === undefined || -saving.energy < MIN_ENERGY_SAVING) continue;
    if (saving.cost !== undefined && saving.cost > 0) continue; // never propose a smaller model that costs more
    result.push({ model: other, footprint: after, saving, affinity });
  }
  // Closest family first; among equals the smallest step down (the most capable model that still saves enough).
  result.sort((a, b) => b.affinity - a.affinity || (b.saving.energy ?? 0) - (a.saving.energy ?? 0));
  return result.slice(0, MAX_CANDIDATES);
}

interface Peer {
  other: ModelInfo;
  affinity: number;
}

// The models a call's model could be swapped for, before anything about the call is known, depend only on the
// catalog and the model: computed once per model instead of scanning the whole catalog (86 models, with an
// active-parameter lookup and an id split each) for every call — the bench tree has 3,940 calls and ~30 models.
// A catalog's model list is taken to be fixed (the real one is bundled data; test catalogs are constants).
const peerCache = new WeakMap<AdviceCatalog, Map<string, readonly Peer[]>>();

/** Same provider, kind and reasoning, and small enough to possibly save 60 %, in catalog order. */
export function peersOf(catalog: AdviceCatalog, model: ModelInfo): readonly Peer[] {
  let byModel = peerCache.get(catalog);
  if (!byModel) {
    byModel = new Map();
    peerCache.set(catalog, byModel);
  }
  const key = `${model.id}\u0000${model.provider}\u0000${model.kind}\u0000${model.reasoning}`;
  let peers = byModel.get(key);
  if (!peers) {
    peers = findPeers(catalog, model);
    byModel.set(key, peers);
  }
  return peers;
}

function findPeers(catalog: AdviceCatalog, model: ModelInfo): Peer[] {
  const peers: Peer[] = [];
  // Energy grows with active parameters: a model with at least 80 % of ours cannot save 60 %, so it is not even
  // re-estimated (this keeps the rule cheap on files with many calls).
  const ours = catalog.activeParams?.(model.id);
  for (const other of catalog.listModels()) {
    if (other.id === model.id || other.provider !== model.provider || other.kind !== model.kind) continue;
    // Reasoning and non-reasoning models take different parameters (temperature, reasoning_effort): never cross over.
    if (other.reasoning !== model.reasoning) continue;
    const theirs = catalog.activeParams?.(other.id);
    if (ours !== undefined && theirs !== undefined && theirs >= ours * 0.8) continue;
    peers.push({ other, affinity: affinity(model.id, other.id) });
  }
  return peers;
}

/** Family likeness of two ids in whole name segments: shared leading plus shared trailing segments
 * (gpt-4o ~ gpt-4o-mini: 2; claude-sonnet-4-5 ~ claude-haiku-4-5: 3; ~ claude-3-5-haiku: 1). */
function affinity(a: string, b: string): number {
  const x = a.split(/[-_/]/);
  const y = b.split(/[-_/]/);
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++;
  return prefix + suffix;
}
