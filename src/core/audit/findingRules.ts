import { FINDING_CODES } from '../advice';
import type { FindingCode, Severity } from '../types';

// Title, help and docs anchor per finding code, for SARIF rules, config validation and report legends — read from
// the advice stage's one table (FINDING_CODES), so the CLI, the editor and the docs never drift apart.

export interface FindingRule {
  code: FindingCode;
  title: string;
  help: string;
  /** Repository-relative docs anchor, e.g. docs/findings.md#unbounded-output. */
  docs: string;
  defaultSeverity: Severity;
}

export const FINDING_CODE_LIST = Object.keys(FINDING_CODES) as FindingCode[];

export function findingRule(code: FindingCode): FindingRule {
  const info = FINDING_CODES[code];
  return { code, title: info.title, help: info.help, docs: info.docs, defaultSeverity: info.defaultSeverity };
}
