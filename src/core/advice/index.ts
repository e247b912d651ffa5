import { defaultCatalog, type AdviceCatalog } from './catalog';
import { callSite } from './callSite';
import { cacheablePrompt } from './rules/cacheablePrompt';
import { callInLoop } from './rules/callInLoop';
import { highReasoningEffort } from './rules/highReasoningEffort';
import { oversizedModel } from './rules/oversizedModel';
import type { Rule, RuleInput } from './rules/ruleInput';
import { unboundedOutput } from './rules/unboundedOutput';
import { unknownModel } from './rules/unknownModel';
import type { AnalysisSettings } from '../settings';
import type { CallAnalysis, Finding, FindingCode, Logger } from '../types';

export { applyEdits } from './applyEdits';
export { mergeFixes, type MergedFixes } from './mergeFixes';
export { FINDING_CODES, type FindingCodeInfo } from './codes';
export type { AdviceCatalog } from './catalog';

export interface AdviceContext {
  /** The whole source text of the file (fixes are computed from it). */
  text: string;
  settings: AnalysisSettings;
  /** The catalog to choose models from and re-estimate with; the real one by default (tests may pass their own). */
  catalog?: AdviceCatalog;
  logger?: Logger;
}

// Order = the order diagnostics appear in for one call: the biggest lever first.
const RULES: ReadonlyArray<[FindingCode, Rule]> = [
  ['unknown-model', unknownModel],
  ['oversized-model', oversizedModel],
  ['high-reasoning-effort', highReasoningEffort],
  ['unbounded-output', unboundedOutput],
  ['call-in-loop', callInLoop],
  ['cacheable-prompt', cacheablePrompt],
];

/**
 * The findings for one analysed call, each with the fixes that resolve it. Never throws: a rule that fails on odd
 * code is logged and skipped, the others still report.
 */
export function computeFindings(analysis: Omit<CallAnalysis, 'findings'>, context: AdviceContext): Finding[] {
  const catalog = context.catalog ?? defaultCatalog;
  let site: RuleInput['site'] = null;
  let model: RuleInput['model'] = null;
  try {
    site = callSite(analysis.call, context.text);
    if (analysis.footprint) {
      const resolved = catalog.resolve(analysis.call.model, context.settings);
      model = resolved.model;
    }
  } catch (error) {
    context.logger?.error('advice: could not read the call site', error);
  }
  const input: RuleInput = { analysis, settings: context.settings, site, catalog, model };
  const findings: Finding[] = [];
  for (const [code, rule] of RULES) {
    const severity = context.settings.severity[code];
    if (severity === 'off' || severity === undefined) continue;
    try {
      const result = rule(input, severity);
      if (result) findings.push(result);
    } catch (error) {
      context.logger?.error(`advice: rule ${code} failed`, error);
    }
  }
  return findings;
}
