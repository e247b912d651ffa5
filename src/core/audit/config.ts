import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveRegion } from '../footprint';
import type { AnalysisSettings } from '../settings';
import type { FindingCode, Severity } from '../types';
import { FINDING_CODE_LIST } from './findingRules';
import { JsonSyntaxError, parseJsonWithPositions, positionOf, type JsonNode } from './jsonWithPositions';

// `llm-footprint.config.json`: the team's shared choices for audits and CI budgets. The same shape is described for
// editors by schemas/llm-footprint.config.schema.json (keep both in step; a unit test checks the keys agree).
// Invalid input is reported with the file and the line:column of the offending value — never half-applied.

export const CONFIG_FILE_NAME = 'llm-footprint.config.json';

export interface BudgetLimits {
  energyWh?: number;
  co2eGrams?: number;
  waterMl?: number;
  costUsd?: number;
}

/**
 * `perCall`: every call site's typical figure for one request must stay within the limit.
 * `perDay`: the whole audit's typical total per day (Σ per call × calls/day over call sites with a volume).
 */
export interface Budgets {
  perCall?: BudgetLimits;
  perDay?: BudgetLimits;
}

export interface AuditConfig {
  /** Absolute path of the file the config came from (absent for the built-in defaults). */
  file?: string;
  region?: string | null;
  defaultCallsPerDay?: number | null;
  modelMappings?: Record<string, string>;
  ignore?: string[];
  severity?: Partial<Record<FindingCode, Severity | 'off'>>;
  dynamicPartTokens?: number;
  maxFileBytes?: number;
  budgets?: Budgets;
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export const CONFIG_KEYS = [
  '$schema', 'region', 'defaultCallsPerDay', 'modelMappings', 'ignore', 'severity', 'dynamicPartTokens', 'maxFileBytes',
  'budgets',
] as const;
export const BUDGET_METRICS = ['energyWh', 'co2eGrams', 'waterMl', 'costUsd'] as const;
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** Reads and validates a config file. Throws ConfigError (with position) or a plain Error for an unreadable file. */
export function loadConfigFile(file: string): AuditConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
    throw new ConfigError(file, 1, 1, `cannot read config (${code})`);
  }
  return parseConfig(text, file);
}

/** The config beside an audited folder, if there is one. */
export function findConfig(folder: string): string | undefined {
  const candidate = path.join(folder, CONFIG_FILE_NAME);
  return fs.existsSync(candidate) ? candidate : undefined;
}

export function parseConfig(text: string, file: string): AuditConfig {
  let root: JsonNode;
  try {
    root = parseJsonWithPositions(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const { line, column } = positionOf(text, error.offset);
      throw new ConfigError(file, line, column, `invalid JSON: ${error.message}`);
    }
    throw error;
  }
  const fail = (node: { offset: number }, reason: string): never => {
    const { line, column } = positionOf(text, node.offset);
    throw new ConfigError(file, line, column, reason);
  };
  const number = (node: JsonNode, name: string, min: number, allowNull = false): number | null => {
    if (allowNull && node.kind === 'null') return null;
    if (node.kind !== 'number' || !(node.value >= min)) {
      fail(node, `${name} must be a number ≥ ${min}${allowNull ? ' or null' : ''}`);
    }
    return (node as { value: number }).value;
  };
  const object = (node: JsonNode, name: string): Array<{ key: string; keyOffset: number; value: JsonNode }> => {
    if (node.kind !== 'object') return fail(node, `${name} must be an object`);
    return node.entries;
  };

  const config: AuditConfig = { file };
  for (const { key, keyOffset, value } of object(root, 'the config')) {
    switch (key) {
      case '$schema':
        break;
      case 'region':
        if (value.kind === 'null') config.region = null;
        else if (value.kind === 'string' && value.value.trim() !== '') {
          if (!resolveRegion(value.value.trim())) fail(value, `unknown region "${value.value}" (use an ISO country code such as "US" or "FR", or a cloud region such as "us-east-1")`);
          config.region = value.value.trim();
        }
        else fail(value, 'region must be a region code such as "US", "FR" or "us-east-1", or null');
        break;
      case 'defaultCallsPerDay':
        config.defaultCallsPerDay = number(value, 'defaultCallsPerDay', 0, true);
        break;
      case 'dynamicPartTokens':
        config.dynamicPartTokens = number(value, 'dynamicPartTokens', 0) ?? 0;
        break;
      case 'maxFileBytes':
        config.maxFileBytes = number(value, 'maxFileBytes', 1) ?? undefined;
        break;
      case 'modelMappings': {
        const mappings: Record<string, string> = {};
        for (const entry of object(value, 'modelMappings')) {
          if (entry.value.kind !== 'string' || entry.value.value === '') {
            fail(entry.value, `modelMappings["${entry.key}"] must be a model id string`);
          }
          mappings[entry.key] = (entry.value as { value: string }).value;
        }
        config.modelMappings = mappings;
        break;
      }
      case 'ignore':
        if (value.kind !== 'array') fail(value, 'ignore must be an array of glob strings');
        config.ignore = (value as { items: JsonNode[] }).items.map((item) => {
          if (item.kind !== 'string' || item.value === '') fail(item, 'each ignore entry must be a non-empty glob string');
          return (item as { value: string }).value;
        });
        break;
      case 'severity': {
        const severity: Partial<Record<FindingCode, Severity | 'off'>> = {};
        for (const entry of object(value, 'severity')) {
          if (!(FINDING_CODE_LIST as string[]).includes(entry.key)) {
            fail({ offset: entry.keyOffset }, `unknown finding code "${entry.key}" (known: ${FINDING_CODE_LIST.join(', ')})`);
          }
          if (entry.value.kind !== 'string' || !SEVERITIES.includes(entry.value.value)) {
            fail(entry.value, `severity of ${entry.key} must be one of ${SEVERITIES.join(', ')}`);
          }
          severity[entry.key as FindingCode] = (entry.value as { value: string }).value as Severity | 'off';
        }
        config.severity = severity;
        break;
      }
      case 'budgets': {
        const budgets: Budgets = {};
        for (const scope of object(value, 'budgets')) {
          if (scope.key !== 'perCall' && scope.key !== 'perDay') {
            fail({ offset: scope.keyOffset }, `unknown budget scope "${scope.key}" (use perCall or perDay)`);
          }
          const limits: BudgetLimits = {};
          for (const metric of object(scope.value, `budgets.${scope.key}`)) {
            if (!(BUDGET_METRICS as readonly string[]).includes(metric.key)) {
              fail({ offset: metric.keyOffset }, `unknown budget "${metric.key}" (use ${BUDGET_METRICS.join(', ')})`);
            }
            limits[metric.key as keyof BudgetLimits] = number(metric.value, `budgets.${scope.key}.${metric.key}`, 0) ?? 0;
          }
          budgets[scope.key as keyof Budgets] = limits;
        }
        config.budgets = budgets;
        break;
      }
      default:
        fail({ offset: keyOffset }, `unknown setting "${key}" (known: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  return config;
}

/** The engine settings an audit runs with: the base (defaults or the editor's settings) overridden by the config. */
export function applyConfig(base: AnalysisSettings, config: AuditConfig | undefined): AnalysisSettings {
  if (!config) return base;
  return Object.freeze({
    ...base,
    ...(config.region !== undefined ? { region: config.region } : {}),
    ...(config.defaultCallsPerDay !== undefined ? { defaultCallsPerDay: config.defaultCallsPerDay } : {}),
    ...(config.dynamicPartTokens !== undefined ? { dynamicPartTokens: config.dynamicPartTokens } : {}),
    modelMappings: Object.freeze({ ...base.modelMappings, ...config.modelMappings }),
    severity: Object.freeze({ ...base.severity, ...config.severity }),
  });
}
