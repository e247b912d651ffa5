import type { Severity } from '../../types';
import { FINDING_CODE_LIST, findingRule } from '../findingRules';
import type { JsonReport } from './jsonReport';
import { METHODOLOGY_PATH } from './reportView';

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for code-scanning UIs: one rule per
// finding code, one result per finding (ruleId = code), locations relative to %SRCROOT% (the audited root) with
// 1-based lines and UTF-16 columns (SARIF's default columnKind), and each fix as a SARIF fix with replacements.

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifLevel(severity: string): 'error' | 'warning' | 'note' {
  return LEVEL[severity as Severity] ?? 'warning';
}

/** Relative path → URI reference: each segment percent-encoded, "/" kept. */
export function toUriReference(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function buildSarif(report: JsonReport): Record<string, unknown> {
  const rules = FINDING_CODE_LIST.map((code) => {
    const rule = findingRule(code);
    return {
      id: code,
      name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.help },
      help: { text: `${rule.help} See ${rule.docs}; figures: ${METHODOLOGY_PATH}.` },
      defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      properties: { docs: rule.docs },
    };
  });
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const results = report.calls.flatMap((call) => call.findings.map((f) => {
    const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
    return {
      ruleId: f.code,
      ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUriReference(call.file), uriBaseId: '%SRCROOT%' }, region } }],
      ...(f.fixes.length > 0 ? {
        fixes: f.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{
            artifactLocation: { uri: toUriReference(call.file), uriBaseId: '%SRCROOT%' },
            replacements: fix.edits.map((edit) => ({
              deletedRegion: { startLine: edit.startLine, startColumn: edit.startColumn, endLine: edit.endLine, endColumn: edit.endColumn },
              insertedContent: { text: edit.newText },
            })),
          }],
        })),
      } : {}),
      properties: {
        provider: call.provider, api: call.api, model: call.model,
        energyWhTypical: call.energyWh?.typical ?? null, costUsdTypical: call.costUsd?.typical ?? null,
      },
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
      properties: { dataAsOf: report.tool.dataAsOf, totals: report.totals },
    }],
  };
}

export function formatSarif(report: JsonReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}
