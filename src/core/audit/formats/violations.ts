import { formatCo2, formatEnergy, formatUsd, formatWater } from '../../units';
import type { BudgetMetric, BudgetViolation } from '../budgets';

// Budget violations as people read them. Pure (units only), so the report webview bundle can use it too.

export const METRIC_FORMAT: Record<BudgetMetric, (n: number) => string> = {
  energyWh: formatEnergy, co2eGrams: formatCo2, waterMl: formatWater, costUsd: formatUsd,
};

/** One readable line per violation, e.g. "src/app.py:12 (gpt-4o): 0.9 Wh per call > budget 0.5 Wh". */
export function describeViolation(v: BudgetViolation): string {
  const fmt = METRIC_FORMAT[v.metric];
  if (v.scope === 'perCall') {
    return `${v.file}:${v.line}${v.model ? ` (${v.model})` : ''}: ${fmt(v.actual)} per call > budget ${fmt(v.limit)}`;
  }
  return `whole audit: ${fmt(v.actual)} per day > budget ${fmt(v.limit)} per day`;
}
