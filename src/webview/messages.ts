import type { JsonReport } from '../core/audit/formats/jsonReport';

// The typed protocol between the report webview and the extension (both sides import this file). The extension
// validates every message it receives with `isFromWebview`: a webview is a browser page and is treated as untrusted.

export const EXPORT_FORMATS = ['json', 'sarif', 'md', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ToWebview =
  | { type: 'report'; report: JsonReport; generatedAt: string }
  | { type: 'empty' }
  | { type: 'exported'; format: ExportFormat; path: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'export'; format: ExportFormat }
  /** Index into the posted report's `calls`. */
  | { type: 'openCall'; index: number }
  | { type: 'openMethodology' }
  | { type: 'rerun' };

export function isFromWebview(value: unknown): value is FromWebview {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
    case 'openMethodology':
    case 'rerun':
      return true;
    case 'export':
      return typeof m['format'] === 'string' && (EXPORT_FORMATS as readonly string[]).includes(m['format']);
    case 'openCall':
      return typeof m['index'] === 'number' && Number.isInteger(m['index']) && m['index'] >= 0;
    default:
      return false;
  }
}
