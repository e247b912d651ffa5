import * as path from 'node:path';
import { ConfigError, findConfig, loadConfigFile } from '../core/audit/config';
import { DATA_AS_OF, estimateFootprint, regionIds, resolveModel, resolveRegion } from '../core/footprint';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import { DEFAULT_REASONING_EFFORT, REASONING_TOKENS_BY_EFFORT } from '../core/tokens/outputDefaults';
import type { Footprint, InputTokens, MinTypMax, ModelInfo, OutputTokens } from '../core/types';
import { formatCo2, formatEnergy, formatRange, formatUsd, formatWater } from '../core/units';
import { UsageError, type CliIo } from './run';

// `llm-footprint estimate --model M --input-tokens N --output-tokens N [--region R] [--reasoning-effort E]
//  [--format json|text] [--config FILE]` — one call, no source code. Model mappings and the default region come from
// llm-footprint.config.json (the given --config, else the one in the working directory), exactly as for `audit`.

interface EstimateArgs {
  model: string;
  inputTokens: number;
  outputTokens: number;
  region: string | null;
  reasoningEffort: string | null;
  format: 'json' | 'text';
  config: string | null;
}

const FLAGS = new Set(['--model', '--input-tokens', '--output-tokens', '--region', '--reasoning-effort', '--format', '--config']);

function parseArgs(argv: string[]): EstimateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(flag)) throw new UsageError(`estimate: unknown option '${arg}' (see --help)`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`estimate: ${flag} needs a value`);
    values.set(flag, value);
  }
  const model = values.get('--model');
  if (model === undefined) throw new UsageError('estimate: --model is required (e.g. --model gpt-4o-mini)');
  const count = (flag: string, fallback: number | null): number => {
    const raw = values.get(flag);
    if (raw === undefined) {
      if (fallback === null) throw new UsageError(`estimate: ${flag} is required (a whole number of tokens)`);
      return fallback;
    }
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`estimate: ${flag} must be a whole number ≥ 0, got '${raw}'`);
    return Number(raw.trim());
  };
  const format = values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError(`estimate: --format must be json or text, got '${format}'`);
  return {
    model,
    inputTokens: count('--input-tokens', null),
    outputTokens: count('--output-tokens', null),
    region: values.get('--region') ?? null,
    reasoningEffort: values.get('--reasoning-effort')?.toLowerCase() ?? null,
    format,
    config: values.get('--config') ?? null,
  };
}

function settingsFrom(args: EstimateArgs, cwd: string): AnalysisSettings {
  const file = args.config !== null ? path.resolve(cwd, args.config) : findConfig(cwd);
  if (file === undefined) return DEFAULT_SETTINGS;
  try {
    const config = loadConfigFile(file);
    return {
      ...DEFAULT_SETTINGS,
      region: config.region ?? null,
      modelMappings: { ...(config.modelMappings ?? {}) },
    };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Hidden reasoning tokens for the effort (shared table with the token stage, ENERGY.md §2). Given an effort, the range
 * is ½×–2× the table value (Microsoft measured an IQR of 0.41×–1.94× the median for long answers), capped by the
 * model's maximum output. Claude thinks only when asked; other reasoning models default to "medium".
 */
function reasoningTokens(model: ModelInfo, effort: string | null, visible: number): { range: MinTypMax; note: string | null } {
  const none = { range: { min: 0, typical: 0, max: 0 }, note: null };
  let level = effort;
  if (level === null) {
    if (!model.reasoning || model.vendor === 'anthropic') return none;
    level = DEFAULT_REASONING_EFFORT;
  }
  const table = REASONING_TOKENS_BY_EFFORT[level];
  if (table === undefined) {
    throw new UsageError(`estimate: --reasoning-effort must be one of ${Object.keys(REASONING_TOKENS_BY_EFFORT).join(', ')}, got '${level}'`);
  }
  if (table > 0 && !model.reasoning) {
    throw new UsageError(`estimate: ${model.id} is not a reasoning model, so --reasoning-effort ${level} does not apply`);
  }
  if (table === 0) return { range: { min: 0, typical: 0, max: 0 }, note: `reasoning effort "${level}": no hidden reasoning tokens` };
  const room = model.maxOutputTokens > 0 ? Math.max(0, model.maxOutputTokens - visible) : Number.POSITIVE_INFINITY;
  const cap = (n: number): number => Math.min(Math.round(n), room);
  const range = { min: cap(table / 2), typical: cap(table), max: cap(table * 2) };
  const how = effort === null ? `reasoning model, effort not given: default "${level}"` : `reasoning effort "${level}"`;
  return { range, note: `${how} ≈ ${range.typical.toLocaleString('en-US')} hidden reasoning tokens (${range.min.toLocaleString('en-US')}–${range.max.toLocaleString('en-US')}, assumption)` };
}

function tokensFor(model: ModelInfo, args: EstimateArgs): { input: InputTokens; output: OutputTokens } {
  const input: InputTokens = { count: args.inputTokens, exact: true, dynamic: false, encoding: model.encoding ?? 'o200k_base' };
  const visible = args.outputTokens;
  const thinking = reasoningTokens(model, args.reasoningEffort, visible);
  const basis = [`--output-tokens ${visible.toLocaleString('en-US')} (visible answer, as given)`];
  if (thinking.note) basis.push(thinking.note);
  const r = thinking.range;
  const output: OutputTokens = {
    min: visible + r.min, typical: visible + r.typical, max: visible + r.max, reasoning: r, basis,
  };
  return { input, output };
}

function textReport(model: ModelInfo, f: Footprint, input: InputTokens, output: OutputTokens): string {
  const line = (label: string, r: MinTypMax, format: (n: number) => string): string =>
    `${label.padEnd(8)} ${format(r.typical)}  (range ${formatRange(r, format)})`;
  const lines = [
    `${model.id} · ${input.count.toLocaleString('en-US')} in / ${output.typical.toLocaleString('en-US')} out tokens · region ${f.region} (${f.gridIntensity} gCO₂e/kWh)`,
    line('energy', f.energyWh, formatEnergy),
    line('CO₂e', f.co2eGrams, formatCo2),
    line('water', f.waterMl, formatWater),
    f.costUsd ? line('cost', f.costUsd, formatUsd) : 'cost     unknown (no list price in our data)',
    '',
    'assumptions:',
    ...f.assumptions.map((a) => `  - ${a}`),
    `data as of ${DATA_AS_OF} · method: docs/methodology.md`,
  ];
  return `${lines.join('\n')}\n`;
}

export async function runEstimate(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const settings = settingsFrom(args, io.cwd);
  const region = args.region ?? settings.region;
  if (region !== null && resolveRegion(region) === null) {
    const examples = regionIds().filter((id) => ['US', 'FR', 'DE', 'us-east-1', 'europe-west4', 'eastus'].includes(id));
    throw new UsageError(`unknown region '${region}': use an ISO country code or a cloud region, e.g. ${examples.join(', ')}`);
  }
  const resolution = resolveModel(args.model, settings);
  if (resolution.model === null) throw new UsageError(resolution.reason);
  const model = resolution.model;
  const { input, output } = tokensFor(model, args);
  const footprint = estimateFootprint({ model, inputTokens: input, outputTokens: output, region });
  if (footprint === null) throw new UsageError(`no footprint model for '${model.id}' (its size is unknown): declare it in modelMappings`);

  if (args.format === 'text') {
    io.stdout.write(textReport(model, footprint, input, output));
    return 0;
  }
  const json = {
    model: model.id,
    requestedModel: args.model,
    kind: model.kind,
    region: footprint.region,
    gridIntensity: footprint.gridIntensity,
    inputTokens: { count: input.count },
    outputTokens: { min: output.min, typical: output.typical, max: output.max, reasoning: output.reasoning },
    energyWh: footprint.energyWh,
    co2eGrams: footprint.co2eGrams,
    waterMl: footprint.waterMl,
    costUsd: footprint.costUsd,
    assumptions: footprint.assumptions,
    dataAsOf: DATA_AS_OF,
  };
  io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return 0;
}
