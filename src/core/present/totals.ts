import type { CallAnalysis } from '../types';

// The status bar's figures: each call of the file once (one "run" of the file's calls), plus per day where
// volumes are known. Unknown models and unknown prices are counted, never summed as 0.

export interface FileTotals {
  calls: number;
  /** Calls with a footprint (known model). */
  estimated: number;
  unknownModels: number;
  perRun: { energyWh: number; co2eGrams: number; waterMl: number; costUsd: number };
  /** Calls with a footprint but no price: the cost sum leaves them out. */
  unpriced: number;
  /** Sums over calls with a volume (annotation or default calls/day); null when none has one. */
  perDay: { calls: number; energyWh: number; co2eGrams: number; costUsd: number } | null;
}

export function fileTotals(calls: readonly CallAnalysis[]): FileTotals {
  const totals: FileTotals = {
    calls: calls.length, estimated: 0, unknownModels: 0, unpriced: 0,
    perRun: { energyWh: 0, co2eGrams: 0, waterMl: 0, costUsd: 0 },
    perDay: null,
  };
  for (const a of calls) {
    const fp = a.footprint;
    if (!fp) {
      totals.unknownModels++;
      continue;
    }
    totals.estimated++;
    totals.perRun.energyWh += fp.energyWh.typical;
    totals.perRun.co2eGrams += fp.co2eGrams.typical;
    totals.perRun.waterMl += fp.waterMl.typical;
    if (fp.costUsd) totals.perRun.costUsd += fp.costUsd.typical;
    else totals.unpriced++;
    if (a.callsPerDay !== null && a.callsPerDay > 0) {
      const day = totals.perDay ?? { calls: 0, energyWh: 0, co2eGrams: 0, costUsd: 0 };
      day.calls += a.callsPerDay;
      day.energyWh += fp.energyWh.typical * a.callsPerDay;
      day.co2eGrams += fp.co2eGrams.typical * a.callsPerDay;
      day.costUsd += (fp.costUsd?.typical ?? 0) * a.callsPerDay;
      totals.perDay = day;
    }
  }
  return totals;
}
