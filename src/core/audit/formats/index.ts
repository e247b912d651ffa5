import { formatCsv } from './csv';
import { formatHtml } from './html';
import { formatJson, type JsonReport } from './jsonReport';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

// One switch from format name to renderer, shared by the CLI's --format and the report's export buttons.

export const FORMATS = ['text', 'json', 'sarif', 'md', 'csv', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export const FORMAT_EXTENSION: Record<FormatName, string> = {
  text: 'txt', json: 'json', sarif: 'sarif', md: 'md', csv: 'csv', html: 'html',
};

export function isFormatName(value: string): value is FormatName {
  return (FORMATS as readonly string[]).includes(value);
}

export function renderReport(report: JsonReport, format: FormatName): string {
  switch (format) {
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report);
    case 'md': return formatMarkdown(report);
    case 'csv': return formatCsv(report);
    case 'html': return formatHtml(report);
    case 'text': return formatText(report);
  }
}
