import { BUDGET_METRICS, type BudgetLimits, type Budgets } from './config';
import { describeViolation } from './formats/violations';
import type { AuditResult, ImpactTotals } from './types';

export { describeViolation };

// The CI gate. Budgets compare TYPICAL figures (the estimate we stand behind; min/max are the uncertainty band):
//  - perCall: each call site's footprint for one request;
//  - perDay: the audit's total per day — Σ over call sites of per-call × calls/day (annotation or defaultCallsPerDay).
// Call sites whose model is unknown have no figures and cannot break a budget; the report lists them separately.

export type BudgetMetric = keyof BudgetLimits;

export interface BudgetViolation {
  scope: 'perCall' | 'perDay';
  metric: BudgetMetric;
  limit: number;
  actual: number;
  /** For perCall: the call site. */
  file?: string;
  line?: number;
  model?: string | null;
}

export function evaluateBudgets(result: AuditResult, budgets: Budgets | undefined): BudgetViolation[] {
  const violations: BudgetViolation[] = [];
  if (!budgets) return violations;
  const perCall = budgets.perCall ?? {};
  for (const { file, analysis } of result.calls) {
    const fp = analysis.footprint;
    if (!fp) continue;
    for (const metric of BUDGET_METRICS) {
      const limit = perCall[metric];
      if (limit === undefined) continue;
      const actual = metricOf({ energyWh: fp.energyWh, co2eGrams: fp.co2eGrams, waterMl: fp.waterMl, costUsd: fp.costUsd }, metric);
      if (actual !== null && actual > limit) {
        violations.push({
          scope: 'perCall', metric, limit, actual, file, line: analysis.call.range.start.line + 1,
          model: fp.modelId ?? analysis.call.model,
        });
      }
    }
  }
  const perDay = budgets.perDay ?? {};
  for (const metric of BUDGET_METRICS) {
    const limit = perDay[metric];
    if (limit === undefined) continue;
    const actual = metricOf(result.totals.perDay, metric);
    if (actual !== null && actual > limit) violations.push({ scope: 'perDay', metric, limit, actual });
  }
  return violations;
}

function metricOf(impact: ImpactTotals, metric: BudgetMetric): number | null {
  const range = impact[metric];
  return range ? range.typical : null;
}

export function budgetSummary(violations: readonly BudgetViolation[]): string {
  if (violations.length === 0) return 'Budgets: all within limits.';
  const lines = [`Budget exceeded (${violations.length} violation${violations.length === 1 ? '' : 's'}):`];
  const shown = violations.slice(0, 50);
  for (const v of shown) lines.push(`  - ${describeViolation(v)}`);
  if (violations.length > shown.length) lines.push(`  … and ${violations.length - shown.length} more`);
  return lines.join('\n');
}
