import { setAssetsDir } from '../../src/core/assets';
import { DIST } from '../paths';

// Every probe runs in its own fresh Node process (so "cold" means cold) and prints one JSON line as its result.
setAssetsDir(DIST);

export function emit(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function fail(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
}

export function elapsed(since: number): number {
  return performance.now() - since;
}

/** CPU time (user + system, all threads) since `since` (a process.cpuUsage() snapshot), in ms. */
export function cpuSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}
