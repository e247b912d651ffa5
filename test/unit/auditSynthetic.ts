import { assembleResult } from '../../src/core/audit/auditPaths';
import type { AuditedCall, AuditResult } from '../../src/core/audit/types';
import type { CallAnalysis, Finding, FindingCode, MinTypMax, Provider } from '../../src/core/types';

// Hand-built analyses for format and aggregation tests: every figure here is chosen by the test, so expectations
// are computed from these inputs, never copied from an output.

export interface SyntheticCall {
  file: string;
  line: number;
  column?: number;
  model: string | null;
  provider?: Provider;
  energyWh?: number | null;
  costUsd?: number | null;
  callsPerDay?: number | null;
  findings?: Array<{ code: FindingCode; message: string; severity?: Finding['severity']; saving?: number; costSaving?: number; newText?: string }>;
}

const around = (typical: number): MinTypMax => ({ min: typical / 2, typical, max: typical * 3 });

export function syntheticCall(spec: SyntheticCall): AuditedCall {
  const line = spec.line - 1;
  const column = (spec.column ?? 1) - 1;
  const range = { start: { line, character: column }, end: { line: line + 2, character: 1 } };
  const energy = spec.energyWh === undefined ? 0.3 : spec.energyWh;
  const analysis: CallAnalysis = {
    call: {
      language: spec.file.endsWith('.py') ? 'python' : 'typescript', range, provider: spec.provider ?? 'openai', sdk: 'openai',
      api: 'chat', callee: 'client.chat.completions.create', model: spec.model, modelSource: spec.model ? 'literal' : 'unresolved',
      prompt: { messages: [], tools: [], images: 0, audio: false, opaque: false }, params: {},
    },
    inputTokens: { count: 120, exact: true, dynamic: false, encoding: 'o200k_base' },
    outputTokens: { min: 1, typical: 200, max: 500, reasoning: { min: 0, typical: 0, max: 0 }, basis: ['test'] },
    footprint: energy === null ? null : {
      energyWh: around(energy), co2eGrams: around(energy * 0.4), waterMl: around(energy * 2),
      costUsd: spec.costUsd === null ? null : around(spec.costUsd ?? 0.002), region: 'US', gridIntensity: 400,
      assumptions: ['test'], modelId: spec.model ?? 'x',
    },
    ...(energy === null ? { unknownModelReason: 'not in the catalog' } : {}),
    callsPerDay: spec.callsPerDay ?? null,
    findings: (spec.findings ?? []).map((f) => ({
      code: f.code, severity: f.severity ?? 'warning', message: f.message, range,
      fixes: f.saving === undefined && f.newText === undefined ? [] : [{
        title: `fix ${f.code}`, isPreferred: true, energySaving: f.saving, costSaving: f.costSaving,
        edits: [{ range: { start: { line, character: column + 2 }, end: { line, character: column + 5 } }, newText: f.newText ?? 'x' }],
      }],
    })),
  };
  return { file: spec.file, absPath: `/abs/${spec.file}`, analysis };
}

export function syntheticResult(specs: SyntheticCall[], extra: Partial<Pick<AuditResult, 'skipped' | 'cancelled'>> = {}): AuditResult {
  const calls = specs.map(syntheticCall);
  const files = [...new Set(calls.map((c) => c.file))].map((file) => ({
    file, absPath: `/abs/${file}`, language: 'python' as const, calls: calls.filter((c) => c.file === file).length, notes: [],
  }));
  return assembleResult({
    roots: [{ path: '/abs', base: '/abs' }], files, calls, skipped: extra.skipped ?? [], cancelled: extra.cancelled ?? false,
    region: 'US', defaultCallsPerDay: null,
  });
}

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF/LF), written for the tests. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { /* CR of CRLF */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

export const HOSTILE = '</script><img src=x onerror=alert(1)>';
