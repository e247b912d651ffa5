import * as fs from 'node:fs';
import type { JsonCall, JsonReport } from './formats/jsonReport';
import { JsonSyntaxError, parseJsonWithPositions, positionOf, toPlain } from './jsonWithPositions';

// `--baseline previous.json`: what a change did to the footprint, for pull requests. Call sites are matched without
// line numbers (edits above a call move it): first by file + provider + API + model in source order, then the
// leftovers of the same file + provider + API pair up as "changed" (typically a model switch). The rest are added
// or removed.

export interface BaselineCallRef {
  file: string;
  line: number;
  provider: string;
  api: string;
  model: string | null;
  energyWh: number | null;
  costUsd: number | null;
  /** Typical energy per day (null without a volume). */
  perDayEnergyWh: number | null;
}

export interface BaselineChange {
  before: BaselineCallRef;
  after: BaselineCallRef;
  /** What differs, e.g. "model gpt-4o → gpt-4o-mini", "input tokens 1200 → 300". */
  changes: string[];
}

export interface MetricDelta {
  before: number;
  after: number;
  delta: number;
}

export interface BaselineDelta {
  file: string;
  dataAsOf: string | null;
  added: BaselineCallRef[];
  removed: BaselineCallRef[];
  changed: BaselineChange[];
  unchanged: number;
  totals: {
    calls: MetricDelta;
    findings: MetricDelta;
    perCall: { energyWh: MetricDelta; co2eGrams: MetricDelta; waterMl: MetricDelta; costUsd: MetricDelta };
    perDay: { energyWh: MetricDelta; co2eGrams: MetricDelta; waterMl: MetricDelta; costUsd: MetricDelta };
  };
}

export class BaselineError extends Error {}

type BaselineCall = Pick<JsonCall, 'file' | 'line' | 'provider' | 'api' | 'model'> & Partial<JsonCall>;

export interface BaselineDocument {
  dataAsOf: string | null;
  calls: BaselineCall[];
}

/** Reads an earlier `--format json` output. Throws BaselineError with a position for anything else. */
export function loadBaseline(file: string): BaselineDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
    throw new BaselineError(`${file}: cannot read baseline (${code})`);
  }
  let value: unknown;
  try {
    value = toPlain(parseJsonWithPositions(text));
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const { line, column } = positionOf(text, error.offset);
      throw new BaselineError(`${file}:${line}:${column}: invalid JSON: ${error.message}`);
    }
    throw error;
  }
  const doc = value as Partial<JsonReport> | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.calls)) {
    throw new BaselineError(`${file}: not an llm-footprint JSON audit (no "calls" array)`);
  }
  doc.calls.forEach((call, index) => {
    const c = call as unknown as Record<string, unknown>;
    if (!c || typeof c !== 'object' || typeof c['file'] !== 'string' || typeof c['line'] !== 'number') {
      throw new BaselineError(`${file}: calls[${index}] lacks "file" or "line"`);
    }
  });
  return { dataAsOf: typeof doc.tool?.dataAsOf === 'string' ? doc.tool.dataAsOf : null, calls: doc.calls as BaselineCall[] };
}

const typical = (r: { typical: number } | null | undefined): number | null =>
  r && typeof r.typical === 'number' ? r.typical : null;

function ref(call: BaselineCall): BaselineCallRef {
  const energy = typical(call.energyWh);
  const perDay = typical(call.perDay?.energyWh) ?? (energy !== null && typeof call.callsPerDay === 'number' ? energy * call.callsPerDay : null);
  return {
    file: call.file, line: call.line, provider: String(call.provider), api: String(call.api), model: call.model ?? null,
    energyWh: energy, costUsd: typical(call.costUsd), perDayEnergyWh: perDay,
  };
}

function differences(before: BaselineCall, after: BaselineCall): string[] {
  const out: string[] = [];
  if ((before.model ?? null) !== (after.model ?? null)) out.push(`model ${before.model ?? 'unknown'} → ${after.model ?? 'unknown'}`);
  const bi = before.inputTokens?.count;
  const ai = after.inputTokens?.count;
  if (bi !== undefined && ai !== undefined && bi !== ai) out.push(`input tokens ${bi} → ${ai}`);
  const bo = before.outputTokens?.max;
  const ao = after.outputTokens?.max;
  if (bo !== undefined && ao !== undefined && bo !== ao) out.push(`max output tokens ${bo} → ${ao}`);
  if ((before.callsPerDay ?? null) !== (after.callsPerDay ?? null)) {
    out.push(`calls/day ${before.callsPerDay ?? 'none'} → ${after.callsPerDay ?? 'none'}`);
  }
  const be = typical(before.energyWh);
  const ae = typical(after.energyWh);
  // A 1 % threshold keeps float noise and catalog rounding out of the list.
  if (out.length === 0 && (be === null) !== (ae === null)) out.push('footprint became ' + (ae === null ? 'unknown' : 'known'));
  else if (out.length === 0 && be !== null && ae !== null && Math.abs(ae - be) > 0.01 * Math.max(Math.abs(be), 1e-12)) {
    out.push(`energy per call ${be.toPrecision(2)} → ${ae.toPrecision(2)} Wh`);
  }
  return out;
}

function sum(calls: readonly BaselineCall[], pick: (c: BaselineCall) => number | null): number {
  return calls.reduce((acc, c) => acc + (pick(c) ?? 0), 0);
}

function delta(before: number, after: number): MetricDelta {
  return { before, after, delta: after - before };
}

export function compareWithBaseline(file: string, previous: BaselineDocument, current: readonly JsonCall[]): BaselineDelta {
  const byLine = (a: BaselineCall, b: BaselineCall) => a.line - b.line;
  const groups = new Map<string, { before: BaselineCall[]; after: BaselineCall[] }>();
  const groupOf = (c: BaselineCall) => {
    const key = `${c.file}\u0000${c.provider}\u0000${c.api}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { before: [], after: [] }));
    return g;
  };
  for (const c of previous.calls) groupOf(c).before.push(c);
  for (const c of current) groupOf(c).after.push(c);

  const added: BaselineCallRef[] = [];
  const removed: BaselineCallRef[] = [];
  const changed: BaselineChange[] = [];
  let unchanged = 0;
  const consider = (b: BaselineCall, a: BaselineCall): void => {
    const diffs = differences(b, a);
    if (diffs.length === 0) unchanged += 1;
    else changed.push({ before: ref(b), after: ref(a), changes: diffs });
  };

  for (const group of groups.values()) {
    const before = [...group.before].sort(byLine);
    const after = [...group.after].sort(byLine);
    const leftBefore: BaselineCall[] = [];
    const afterByModel = new Map<string, BaselineCall[]>();
    for (const a of after) {
      const k = a.model ?? '';
      afterByModel.set(k, [...(afterByModel.get(k) ?? []), a]);
    }
    for (const b of before) {
      const match = afterByModel.get(b.model ?? '')?.shift();
      if (match) consider(b, match);
      else leftBefore.push(b);
    }
    const leftAfter = [...afterByModel.values()].flat().sort(byLine);
    const pairs = Math.min(leftBefore.length, leftAfter.length);
    for (let i = 0; i < pairs; i++) consider(leftBefore[i]!, leftAfter[i]!);
    removed.push(...leftBefore.slice(pairs).map(ref));
    added.push(...leftAfter.slice(pairs).map(ref));
  }

  const metric = (calls: readonly BaselineCall[], key: 'energyWh' | 'co2eGrams' | 'waterMl' | 'costUsd', perDay: boolean) =>
    sum(calls, (c) => {
      if (!perDay) return typical(c[key]);
      const fromPerDay = typical(c.perDay?.[key]);
      if (fromPerDay !== null) return fromPerDay;
      const per = typical(c[key]);
      return per !== null && typeof c.callsPerDay === 'number' ? per * c.callsPerDay : null;
    });
  const metrics = (perDay: boolean) => ({
    energyWh: delta(metric(previous.calls, 'energyWh', perDay), metric(current, 'energyWh', perDay)),
    co2eGrams: delta(metric(previous.calls, 'co2eGrams', perDay), metric(current, 'co2eGrams', perDay)),
    waterMl: delta(metric(previous.calls, 'waterMl', perDay), metric(current, 'waterMl', perDay)),
    costUsd: delta(metric(previous.calls, 'costUsd', perDay), metric(current, 'costUsd', perDay)),
  });
  const byPlace = (a: BaselineCallRef, b: BaselineCallRef) => a.file.localeCompare(b.file) || a.line - b.line;
  return {
    file,
    dataAsOf: previous.dataAsOf,
    added: added.sort(byPlace),
    removed: removed.sort(byPlace),
    changed: changed.sort((a, b) => byPlace(a.after, b.after)),
    unchanged,
    totals: {
      calls: delta(previous.calls.length, current.length),
      findings: delta(sum(previous.calls, (c) => c.findings?.length ?? 0), sum(current, (c) => c.findings?.length ?? 0)),
      perCall: metrics(false),
      perDay: metrics(true),
    },
  };
}
