import { UsageError, type CliIo } from './run';

// STUB — the footprint issue implements `llm-footprint estimate`.
export async function runEstimate(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('estimate is not implemented yet');
}
