// argv → core → stdout, exit codes. Kept free of process globals so tests call it directly.
// Exit codes (PRODUCT.md contract): 0 ok, 1 budget exceeded, 2 usage or input error (one-line reason on stderr).

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export const VERSION = '0.1.0';

const USAGE = `usage: llm-footprint <command> [options]

commands:
  audit [PATH...]   find LLM API calls and estimate their footprint (--format text|json|sarif|md|csv|html)
  estimate          estimate one call (--model M --input-tokens N --output-tokens N [--region R] [--reasoning-effort E])
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  void rest;
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr.write(`llm-footprint: unknown command '${command}' (try --help)\n`);
  return 2;
}
