import { spawnSync } from 'node:child_process';
import * as os from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memory: string;
  node: string;
  os: string;
  ripgrep: string;
  /** 1-minute load average when the run started: this machine is shared, so numbers are noisy when it is high. */
  loadAverage: number;
}

export function describeMachine(): Machine {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return {
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ripgrep: rg.status === 0 ? rg.stdout.split('\n')[0]!.trim() : 'not installed',
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
