import type { AdviceCatalog } from '../catalog';
import type { CallSite } from '../callSite';
import type { AnalysisSettings } from '../../settings';
import { formatGrouped } from '../../units';
import type { CallAnalysis, Finding, FindingCode, ModelInfo, Range, Severity } from '../../types';

/** What every rule receives: the analysed call, where it sits in the file, and the catalog to re-estimate with. */
export interface RuleInput {
  analysis: Omit<CallAnalysis, 'findings'>;
  settings: AnalysisSettings;
  /** null when the call's range does not fit the text (then rules still report, without edits). */
  site: CallSite | null;
  catalog: AdviceCatalog;
  /** The resolved catalog entry of the call's model, null when unknown. */
  model: ModelInfo | null;
}

export type Rule = (input: RuleInput, severity: Severity) => Finding | null;

export function finding(code: FindingCode, severity: Severity, message: string, range: Range, fixes: Finding['fixes'] = []): Finding {
  return { code, severity, message, range, fixes };
}

/** The callee span when known, else the whole call. */
export function callRange(input: RuleInput): Range {
  return input.site?.calleeRange ?? input.analysis.call.range;
}

export function fmtInt(n: number): string {
  return formatGrouped(Math.round(n));
}

/** "a" or "an" before a word or number, by how it is spoken ("an extraction", "an 8-token", "an 11,000-token"). */
export function article(word: string): string {
  const digits = /^[\d,]+/.exec(word)?.[0].replace(/,/g, '');
  const vowelSound = digits
    ? digits.startsWith('8') || (/^1[18]/.test(digits) && digits.length % 3 === 2)
    : /^[aeiou]/i.test(word);
  return vowelSound ? `an ${word}` : `a ${word}`;
}
