import type { AnalysisSettings } from '../settings';
import type { CallAnalysis, Finding } from '../types';

// STUB — replaced by findings and fixes (issues 6 and 7).

export interface AdviceContext {
  /** The whole source text of the file (fixes are computed from it). */
  text: string;
  settings: AnalysisSettings;
}

export function computeFindings(_analysis: Omit<CallAnalysis, 'findings'>, _context: AdviceContext): Finding[] {
  return [];
}
