import * as advice from '../advice';
import type { FindingCode } from '../types';

// Title and help text per finding code, for SARIF rules and report legends. The advice stage owns the wording
// (`FINDING_CODES`); until it exports it — and for any code it does not describe — these short texts stand in.

export interface FindingRule {
  code: FindingCode;
  title: string;
  help: string;
}

const FALLBACK: Record<FindingCode, Omit<FindingRule, 'code'>> = {
  'oversized-model': {
    title: 'Oversized model',
    help: 'A large model serves a task a smaller model of the same provider handles (short prompt, classification or '
      + 'extraction shape, small output cap). Switching cuts energy, CO₂e and cost per call.',
  },
  'unbounded-output': {
    title: 'Unbounded output',
    help: 'The request sets no output-token cap, so the worst case is the model\'s maximum output. Set the SDK\'s '
      + 'max-tokens parameter to what the task needs.',
  },
  'cacheable-prompt': {
    title: 'Cacheable prompt',
    help: 'A large static prompt prefix (or identical deterministic calls) could be served from the provider\'s prompt '
      + 'cache or a memo, which cuts input-token energy and cost.',
  },
  'call-in-loop': {
    title: 'Call in a loop',
    help: 'One request per item: batch the items into one request (or the Batch API where latency allows), or hoist '
      + 'an invariant call out of the loop.',
  },
  'high-reasoning-effort': {
    title: 'High reasoning effort',
    help: 'High reasoning effort or a large thinking budget multiplies hidden output tokens; lower it one step where '
      + 'the task allows.',
  },
  'unknown-model': {
    title: 'Unknown model',
    help: 'The model could not be resolved or is not in the catalog, so no footprint is estimated. Map it to a known '
      + 'model (llmFootprint.modelMappings or the config\'s modelMappings).',
  },
};

export const FINDING_CODE_LIST = Object.keys(FALLBACK) as FindingCode[];

/** Reads advice's FINDING_CODES at run time when present; tolerant of its exact shape (title/help/description). */
export function findingRule(code: FindingCode): FindingRule {
  const fallback = FALLBACK[code] ?? { title: code, help: code };
  const meta = (advice as Record<string, unknown>)['FINDING_CODES'];
  const entry = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)[code] : undefined;
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    const title = firstString(e['title'], e['name'], e['shortDescription']) ?? fallback.title;
    const help = firstString(e['help'], e['description'], e['fullDescription'], e['explanation']) ?? fallback.help;
    return { code, title, help };
  }
  return { code, ...fallback };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.length > 0);
}
