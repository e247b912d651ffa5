import { runAudit } from './audit';
import { runEstimate } from './estimate';

// argv → core → stdout, exit codes. Kept free of process globals so tests call it directly.
// Exit codes (PRODUCT.md contract): 0 ok, 1 budget exceeded, 2 usage or input error (one-line reason on stderr).

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  /** Aborted on SIGINT; the audit stops and still reports what it has. */
  signal?: AbortSignal;
}

export const VERSION = '0.1.0';

/** A usage or input error: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

const USAGE = `usage: llm-footprint <command> [options]

commands:
  audit [PATH...]   find LLM API calls and estimate their footprint
                    --format text|json|sarif|md|csv|html  --config FILE  --baseline FILE  --region R  --output FILE
                    (exit 1 when a budget in llm-footprint.config.json is exceeded; audit --help for details)
  estimate          estimate one call
                    --model M --input-tokens N --output-tokens N [--region R] [--reasoning-effort E] [--format json|text]
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case '--version':
      case '-v':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'audit':
        return await runAudit(rest, io);
      case 'estimate':
        return await runEstimate(rest, io);
      default:
        throw new UsageError(`unknown command '${command}' (try --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`llm-footprint: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}
