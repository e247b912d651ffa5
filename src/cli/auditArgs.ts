import { FORMATS, isFormatName, type FormatName } from '../core/audit/formats';
import { UsageError } from './run';

// argv of `llm-footprint audit` → options. Every mistake is a UsageError (one line on stderr, exit 2).

export interface AuditArgs {
  paths: string[];
  format: FormatName;
  config?: string;
  baseline?: string;
  region?: string;
  output?: string;
  /** Worker threads (undefined = automatic, 0 = in-process). Undocumented knob for benchmarks. */
  jobs?: number;
  help: boolean;
}

const VALUE_OPTIONS = new Set(['--format', '--config', '--baseline', '--region', '--output', '--jobs']);
const ALIASES: Record<string, string> = { '-f': '--format', '-c': '--config', '-o': '--output', '-j': '--jobs' };

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  const args: AuditArgs = { paths: [], format: 'text', help: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (onlyPaths || !raw.startsWith('-') || raw === '-') {
      args.paths.push(raw);
      continue;
    }
    if (raw === '--') {
      onlyPaths = true;
      continue;
    }
    if (raw === '--help' || raw === '-h') {
      args.help = true;
      continue;
    }
    const eq = raw.indexOf('=');
    const name = ALIASES[eq > 0 ? raw.slice(0, eq) : raw] ?? (eq > 0 ? raw.slice(0, eq) : raw);
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`audit: unknown option '${raw}' (try --help)`);
    let value: string | undefined;
    if (eq > 0) value = raw.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`audit: ${name} needs a value`);
    }
    switch (name) {
      case '--format':
        if (!isFormatName(value)) throw new UsageError(`audit: unknown format '${value}' (use ${FORMATS.join('|')})`);
        args.format = value;
        break;
      case '--config': args.config = value; break;
      case '--baseline': args.baseline = value; break;
      case '--region': args.region = value; break;
      case '--output': args.output = value; break;
      case '--jobs': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`audit: --jobs must be an integer 0–64, got '${value}'`);
        args.jobs = n;
        break;
      }
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

export const AUDIT_USAGE = `usage: llm-footprint audit [PATH...] [options]

Finds the LLM API calls under each PATH (default: .) and estimates their energy, CO₂e, water and cost.

options:
  --format text|json|sarif|md|csv|html   output format (default text)
  --config FILE      config file (default: llm-footprint.config.json in the audited folder)
  --baseline FILE    an earlier --format json output; reports calls added/removed/changed and the totals' delta
  --region R         grid region for CO₂e (ISO country code like FR, or cloud region like us-east-1)
  --output FILE      write the report to FILE instead of stdout

exit codes: 0 ok, 1 a budget in the config is exceeded, 2 usage or input error, 130 interrupted (partial results printed)
`;
