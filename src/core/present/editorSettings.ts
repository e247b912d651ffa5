import { DEFAULT_SETTINGS, DEFAULT_SEVERITY, type AnalysisSettings } from '../settings';
import type { FindingCode, Severity } from '../types';

// The editor's `llmFootprint.*` settings, parsed once per change into one frozen snapshot. Kept free of `vscode`
// so the parser (and the key list that must match package.json) is unit-tested in plain Node.
// Bad values never throw: each falls back to its default and produces one warning for the log.

/** Parts of the CodeLens line a user can switch off. */
export const LENS_PARTS = ['energy', 'co2e', 'water', 'cost', 'tokens', 'perDay'] as const;
export type LensPart = (typeof LENS_PARTS)[number];

/** 'auto' scales units with magnitude (mWh → Wh → kWh); 'base' always shows Wh, g CO₂e, mL. */
export const UNITS_MODES = ['auto', 'base'] as const;
export type UnitsMode = (typeof UNITS_MODES)[number];

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export interface EditorOptions {
  units: UnitsMode;
  codeLensEnabled: boolean;
  lensParts: ReadonlySet<LensPart>;
  diagnosticsEnabled: boolean;
  statusBarEnabled: boolean;
}

export interface SettingsSnapshot {
  analysis: AnalysisSettings;
  editor: EditorOptions;
}

export const DEFAULT_LENS_PARTS: readonly LensPart[] = Object.freeze(['energy', 'co2e', 'cost', 'tokens', 'perDay']);

export const DEFAULT_EDITOR_OPTIONS: EditorOptions = Object.freeze({
  units: 'auto',
  codeLensEnabled: true,
  lensParts: new Set(DEFAULT_LENS_PARTS),
  diagnosticsEnabled: true,
  statusBarEnabled: true,
});

/**
 * Every key under `llmFootprint.` this parser reads, relative to the section, with the default package.json must
 * declare. A unit test compares this table with `contributes.configuration` both ways.
 */
export const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({
  region: '',
  units: 'auto',
  'codeLens.enabled': true,
  'codeLens.parts': [...DEFAULT_LENS_PARTS],
  'diagnostics.enabled': true,
  severity: { ...DEFAULT_SEVERITY },
  'statusBar.enabled': true,
  defaultCallsPerDay: null,
  modelMappings: {},
  dynamicPartTokens: DEFAULT_SETTINGS.dynamicPartTokens,
  'oversizedModel.maxInputTokens': DEFAULT_SETTINGS.oversizedMaxInputTokens,
  'oversizedModel.maxOutputTokens': DEFAULT_SETTINGS.oversizedMaxOutputTokens,
  'cacheablePrompt.minTokens': DEFAULT_SETTINGS.cacheableMinTokens,
});

export const SETTING_KEYS: readonly string[] = Object.freeze(Object.keys(SETTING_DEFAULTS));

export interface ParsedSettings {
  snapshot: SettingsSnapshot;
  /** One line per rejected value, naming the key, what was wrong and what is used instead. */
  warnings: string[];
}

// Cloud regions ('us-east-1', 'europe-west4', 'eastus2') and ISO codes ('US', 'FR', 'US-CA'); anything else is a typo.
const REGION_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{1,39}$/;

export interface ParseOptions {
  /** The footprint data's region lookup; a region it does not know gets a warning and the provider default. */
  isKnownRegion?: (region: string) => boolean;
  /** The catalog lookup (ids, aliases, size declarations); a mapping to anything else gets a warning. */
  isKnownModel?: (target: string) => boolean;
}

/** `read(key)` returns the raw value of `llmFootprint.<key>` (undefined when unset). */
export function parseEditorSettings(read: (key: string) => unknown, options: ParseOptions = {}): ParsedSettings {
  const warnings: string[] = [];
  const bad = (key: string, value: unknown, why: string, fallback: unknown): void => {
    warnings.push(`llmFootprint.${key}: ${describe(value)} ${why}; using ${describe(fallback)}`);
  };

  const readBool = (key: string, fallback: boolean): boolean => {
    const v = read(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    bad(key, v, 'is not true/false', fallback);
    return fallback;
  };

  const readInt = (key: string, fallback: number, min: number): number => {
    const v = read(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= 10_000_000) return Math.round(v);
    bad(key, v, `is not a number between ${min} and 10,000,000`, fallback);
    return fallback;
  };

  const region = ((): string | null => {
    const v = read('region');
    if (v === undefined || v === null) return DEFAULT_SETTINGS.region;
    if (typeof v === 'string') {
      const trimmed = v.trim();
      if (trimmed === '') return null;
      if (REGION_PATTERN.test(trimmed)) {
        if (!options.isKnownRegion || options.isKnownRegion(trimmed)) return trimmed;
        bad('region', v, 'is not a region in the grid data (a country code like "US" or a cloud region like "us-east-1")', 'the provider default');
        return DEFAULT_SETTINGS.region;
      }
    }
    bad('region', v, 'is not a country code or cloud region', 'the provider default');
    return DEFAULT_SETTINGS.region;
  })();

  const defaultCallsPerDay = ((): number | null => {
    const v = read('defaultCallsPerDay');
    if (v === undefined || v === null || v === 0) return null;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1e12) return v;
    bad('defaultCallsPerDay', v, 'is not a positive number', null);
    return null;
  })();

  const modelMappings = ((): Readonly<Record<string, string>> => {
    const v = read('modelMappings');
    const out: Record<string, string> = {};
    if (v === undefined || v === null) return Object.freeze(out);
    if (!isPlainObject(v)) {
      bad('modelMappings', v, 'is not an object of "name": "catalog model id"', {});
      return Object.freeze(out);
    }
    for (const [name, target] of Object.entries(v)) {
      if (typeof target === 'string' && target.trim() !== '' && name.trim() !== '') {
        out[name.trim()] = target.trim();
        if (options.isKnownModel && !options.isKnownModel(target.trim())) {
          warnings.push(`llmFootprint.modelMappings: ${describe(name)} → ${describe(target)} is neither a catalog model nor a size like "70b" or "moe:400b/17b"; the call stays unknown`);
        }
      } else warnings.push(`llmFootprint.modelMappings: entry ${describe(name)} → ${describe(target)} ignored (expected a model id string)`);
    }
    return Object.freeze(out);
  })();

  const severity = ((): Readonly<Record<FindingCode, Severity | 'off'>> => {
    const out: Record<FindingCode, Severity | 'off'> = { ...DEFAULT_SEVERITY };
    const v = read('severity');
    if (v === undefined || v === null) return Object.freeze(out);
    if (!isPlainObject(v)) {
      bad('severity', v, 'is not an object of "finding-code": "error|warning|information|hint|off"', 'the defaults');
      return Object.freeze(out);
    }
    for (const [code, level] of Object.entries(v)) {
      if (!(code in DEFAULT_SEVERITY)) {
        warnings.push(`llmFootprint.severity: unknown finding code ${describe(code)} ignored (known: ${Object.keys(DEFAULT_SEVERITY).join(', ')})`);
        continue;
      }
      const normalized = typeof level === 'string' ? normalizeSeverity(level) : undefined;
      if (normalized) out[code as FindingCode] = normalized;
      else bad(`severity.${code}`, level, 'is not one of error, warning, information, hint, off', out[code as FindingCode]);
    }
    return Object.freeze(out);
  })();

  const units = ((): UnitsMode => {
    const v = read('units');
    if (v === undefined || v === null) return DEFAULT_EDITOR_OPTIONS.units;
    if (typeof v === 'string' && (UNITS_MODES as readonly string[]).includes(v)) return v as UnitsMode;
    bad('units', v, `is not one of ${UNITS_MODES.join(', ')}`, DEFAULT_EDITOR_OPTIONS.units);
    return DEFAULT_EDITOR_OPTIONS.units;
  })();

  const lensParts = ((): ReadonlySet<LensPart> => {
    const v = read('codeLens.parts');
    if (v === undefined || v === null) return new Set(DEFAULT_LENS_PARTS);
    if (!Array.isArray(v)) {
      bad('codeLens.parts', v, 'is not a list', DEFAULT_LENS_PARTS);
      return new Set(DEFAULT_LENS_PARTS);
    }
    const parts = new Set<LensPart>();
    for (const item of v) {
      if (typeof item === 'string' && (LENS_PARTS as readonly string[]).includes(item)) parts.add(item as LensPart);
      else warnings.push(`llmFootprint.codeLens.parts: ${describe(item)} ignored (known: ${LENS_PARTS.join(', ')})`);
    }
    return parts;
  })();

  const analysis: AnalysisSettings = Object.freeze({
    region,
    defaultCallsPerDay,
    modelMappings,
    dynamicPartTokens: readInt('dynamicPartTokens', DEFAULT_SETTINGS.dynamicPartTokens, 0),
    severity,
    oversizedMaxInputTokens: readInt('oversizedModel.maxInputTokens', DEFAULT_SETTINGS.oversizedMaxInputTokens, 0),
    oversizedMaxOutputTokens: readInt('oversizedModel.maxOutputTokens', DEFAULT_SETTINGS.oversizedMaxOutputTokens, 0),
    cacheableMinTokens: readInt('cacheablePrompt.minTokens', DEFAULT_SETTINGS.cacheableMinTokens, 1),
  });
  const editor: EditorOptions = Object.freeze({
    units,
    codeLensEnabled: readBool('codeLens.enabled', DEFAULT_EDITOR_OPTIONS.codeLensEnabled),
    lensParts,
    diagnosticsEnabled: readBool('diagnostics.enabled', DEFAULT_EDITOR_OPTIONS.diagnosticsEnabled),
    statusBarEnabled: readBool('statusBar.enabled', DEFAULT_EDITOR_OPTIONS.statusBarEnabled),
  });
  return { snapshot: Object.freeze({ analysis, editor }), warnings };
}

/** True when re-analysis is needed (engine settings changed), as opposed to a re-render (editor options only). */
export function analysisSettingsEqual(a: AnalysisSettings, b: AnalysisSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function normalizeSeverity(level: string): Severity | 'off' | undefined {
  const l = level.trim().toLowerCase();
  if (l === 'info') return 'information';
  if (l === 'none' || l === 'ignore') return 'off';
  return (SEVERITY_VALUES as readonly string[]).includes(l) ? (l as Severity | 'off') : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(v);
  }
}
