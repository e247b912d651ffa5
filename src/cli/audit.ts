import { UsageError, type CliIo } from './run';

// STUB — the audit issue implements `llm-footprint audit`.
export async function runAudit(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('audit is not implemented yet');
}
