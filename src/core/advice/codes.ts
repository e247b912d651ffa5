import { DEFAULT_SEVERITY } from '../settings';
import type { FindingCode, Severity } from '../types';

// The one table of finding codes: the CLI's SARIF rules, docs/findings.md and the editor's diagnostics all read it,
// so a code, its title and its default severity can never drift apart. Anchors in docs/findings.md are the codes.

export interface FindingCodeInfo {
  code: FindingCode;
  title: string;
  defaultSeverity: Severity;
  /** One or two sentences: what it means and what to do. */
  help: string;
  /** Relative to the repository root; the editor turns it into a link. */
  docs: string;
}

const entries: ReadonlyArray<Omit<FindingCodeInfo, 'defaultSeverity' | 'docs'>> = [
  {
    code: 'oversized-model',
    title: 'Oversized model',
    help: 'A large model is used for a task a smaller model of the same provider serves (a short prompt, a small output cap, '
      + 'or a classification/extraction shape). Switch to the smaller model.',
  },
  {
    code: 'unbounded-output',
    title: 'Unbounded output',
    help: 'The request sets no output-token cap, so a run-away answer can use the model\'s full output limit. Add a cap '
      + 'sized for the task.',
  },
  {
    code: 'cacheable-prompt',
    title: 'Cacheable prompt',
    help: 'A large static prompt prefix is re-sent on every call, or identical deterministic calls are repeated. Use the '
      + 'provider\'s prompt caching, put the static part first, or memoize the call.',
  },
  {
    code: 'call-in-loop',
    title: 'Call in a loop',
    help: 'One request per item of a loop. Batch the items into one request where the API allows it, hoist calls that do '
      + 'not depend on the item, or use the Batch API (−50 % price) when latency allows.',
  },
  {
    code: 'high-reasoning-effort',
    title: 'High reasoning effort',
    help: 'High reasoning effort or a large thinking budget multiplies hidden output tokens. Lower it one step unless the '
      + 'task needs it.',
  },
  {
    code: 'unknown-model',
    title: 'Unknown model',
    help: 'The model is not in the catalog, so no footprint can be estimated. Map it to a known model in the settings '
      + '(llmFootprint.modelMappings / llm-footprint.config.json "modelMappings").',
  },
];

export const FINDING_CODES: Readonly<Record<FindingCode, FindingCodeInfo>> = Object.freeze(
  Object.fromEntries(entries.map((entry) => [entry.code, {
    ...entry,
    defaultSeverity: DEFAULT_SEVERITY[entry.code],
    docs: `docs/findings.md#${entry.code}`,
  }])) as Record<FindingCode, FindingCodeInfo>,
);
