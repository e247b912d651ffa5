import type { MinTypMax } from '../../types';
import type { JsonCall, JsonReport } from './jsonReport';

// CSV: a header and one row per call site, RFC 4180 (CRLF line ends; fields holding a comma, quote or line break are
// quoted, quotes doubled). Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
// leading apostrophe — OWASP's advice against CSV injection, since file and model names come from the audited code.

const RANGE = (name: string) => [`${name}Min`, `${name}Typical`, `${name}Max`];

export const CSV_COLUMNS = [
  'file', 'line', 'column', 'endLine', 'endColumn', 'language', 'provider', 'api', 'model', 'modelSource', 'modelId',
  'inputTokens', 'inputExact', 'inputDynamic', 'outputTokensMin', 'outputTokensTypical', 'outputTokensMax',
  ...RANGE('energyWh'), ...RANGE('co2eGrams'), ...RANGE('waterMl'), ...RANGE('costUsd'),
  'callsPerDay', 'energyWhPerDay', 'costUsdPerDay', 'findings',
] as const;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const range = (r: MinTypMax | null): Array<number | null> => (r ? [r.min, r.typical, r.max] : [null, null, null]);

export function csvRow(call: JsonCall): string {
  const cells: Array<string | number | boolean | null> = [
    call.file, call.line, call.column, call.endLine, call.endColumn, call.language, call.provider, call.api, call.model,
    call.modelSource, call.modelId,
    call.inputTokens.count, call.inputTokens.exact, call.inputTokens.dynamic,
    call.outputTokens.min, call.outputTokens.typical, call.outputTokens.max,
    ...range(call.energyWh), ...range(call.co2eGrams), ...range(call.waterMl), ...range(call.costUsd),
    call.callsPerDay, call.perDay?.energyWh.typical ?? null, call.perDay?.costUsd?.typical ?? null,
    call.findings.map((f) => f.code).join(';'),
  ];
  return cells.map(csvField).join(',');
}

export function formatCsv(report: JsonReport): string {
  return [CSV_COLUMNS.join(','), ...report.calls.map(csvRow)].join('\r\n') + '\r\n';
}
