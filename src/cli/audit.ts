import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditPaths } from '../core/audit/auditPaths';
import { BaselineError, compareWithBaseline, loadBaseline, type BaselineDocument } from '../core/audit/baseline';
import { budgetSummary, evaluateBudgets } from '../core/audit/budgets';
import { applyConfig, ConfigError, findConfig, loadConfigFile, type AuditConfig } from '../core/audit/config';
import { renderReport } from '../core/audit/formats';
import { buildJsonReport } from '../core/audit/formats/jsonReport';
import type { AuditRoot, ProgressListener } from '../core/audit/types';
import { resolveRegion } from '../core/footprint';
import { DEFAULT_SETTINGS } from '../core/settings';
import { AUDIT_USAGE, parseAuditArgs } from './auditArgs';
import { UsageError, type CliIo } from './run';

// `llm-footprint audit [PATH...]`: resolve paths and config, run the audit, render, and turn budgets into the exit
// code. Exit 1 = a budget is exceeded (summary on stderr, and in the text report), 2 = usage/input error, 130 = SIGINT
// (the partial report is still printed, so a long CI audit interrupted by hand is not lost).

export const EXIT_INTERRUPTED = 130;

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const args = parseAuditArgs(argv);
  if (args.help) {
    io.stdout.write(AUDIT_USAGE);
    return 0;
  }

  const paths = args.paths.map((p) => path.resolve(io.cwd, p));
  const stats = paths.map((p, i) => {
    try {
      return fs.statSync(p);
    } catch {
      throw new UsageError(`audit: path not found: ${args.paths[i]}`);
    }
  });
  const base = auditBase(paths, stats.map((s) => s.isDirectory()));

  const config = readConfig(args.config ? path.resolve(io.cwd, args.config) : findConfig(base));
  let settings = applyConfig(DEFAULT_SETTINGS, config);
  if (args.region) {
    if (!resolveRegion(args.region)) throw new UsageError(`audit: unknown region '${args.region}' (use an ISO country code such as US or FR, or a cloud region such as us-east-1)`);
    settings = Object.freeze({ ...settings, region: args.region });
  }

  let baseline: BaselineDocument | undefined;
  if (args.baseline) {
    try {
      baseline = loadBaseline(path.resolve(io.cwd, args.baseline));
    } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(`audit: ${error.message}`);
      throw error;
    }
  }

  const roots: AuditRoot[] = paths.map((p) => ({ path: p, base, ignore: config?.ignore }));
  const signal = io.signal;
  const token = { get isCancellationRequested() { return signal?.aborted === true; } };
  const progress = progressLine(io);
  const result = await auditPaths(roots, {
    settings, maxFileBytes: config?.maxFileBytes, workers: args.jobs,
    logger: { info: () => undefined, warn: () => undefined, error: (m) => io.stderr.write(`llm-footprint: ${m}\n`) },
  }, token, progress.update);
  progress.clear();

  const violations = evaluateBudgets(result, config?.budgets);
  const report = buildJsonReport(result, { violations, budgetsConfigured: config?.budgets !== undefined });
  if (baseline && args.baseline) report.baseline = compareWithBaseline(args.baseline, baseline, report.calls);
  const rendered = renderReport(report, args.format);
  if (args.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.output), rendered);
    } catch (error) {
      throw new UsageError(`audit: cannot write ${args.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    io.stdout.write(rendered);
  }

  if (result.cancelled) {
    io.stderr.write(`llm-footprint: interrupted — partial results (${result.totals.filesAnalysed} files analysed)\n`);
    return EXIT_INTERRUPTED;
  }
  if (violations.length > 0) {
    // The text report already lists the violations on stdout; other formats are for machines, so say it on stderr.
    if (args.format !== 'text' || args.output) io.stderr.write(`${budgetSummary(violations)}\n`);
    return 1;
  }
  return 0;
}

/** A self-overwriting progress line on an interactive stderr (never in CI logs or when stderr is redirected). */
function progressLine(io: CliIo): { update: ProgressListener; clear: () => void } {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update: (p) => {
      if (!tty || Date.now() - last < 200) return;
      last = Date.now();
      shown = true;
      const files = p.total === undefined ? `${p.found} files found` : `${p.done}/${p.total} files`;
      io.stderr.write(`\r\x1b[Kllm-footprint: ${files} · ${p.calls} LLM calls`);
    },
    clear: () => {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

function readConfig(file: string | undefined): AuditConfig | undefined {
  if (!file) return undefined;
  try {
    return loadConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`config: ${error.message}`);
    throw error;
  }
}

/** The folder reported paths are relative to: the one folder given, else the deepest common ancestor. */
export function auditBase(paths: readonly string[], isDir: readonly boolean[]): string {
  const dirs = paths.map((p, i) => (isDir[i] ? p : path.dirname(p)));
  if (dirs.length === 1) return dirs[0]!;
  let common = dirs[0]!.split(path.sep);
  for (const dir of dirs.slice(1)) {
    const parts = dir.split(path.sep);
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.join(path.sep) || path.sep;
}
