import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

// Runs a command the way a user would, measuring wall time around the whole process and its peak RSS. GNU time's
// "Maximum resident set size" covers every thread of the process (the audit's worker threads included); where
// /usr/bin/time is missing, /proc/<pid>/status is polled every 10 ms instead (may miss a short spike).

export interface Measured {
  wallMs: number;
  /** Peak resident set size in bytes (null when it could not be measured). */
  peakRss: number | null;
  /** User + system CPU time of the process and all its threads (null without GNU time). */
  cpuMs: number | null;
  exitCode: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(command: string, args: string[], options: { stdoutFile?: string; cwd?: string } = {}): Promise<Measured> {
  const useTime = fs.existsSync(GNU_TIME);
  const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'ignore';
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd: options.cwd, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  let polledPeak = 0;
  const poll = useTime ? undefined : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) polledPeak = Math.max(polledPeak, Number(m[1]) * 1024);
    } catch { /* exited */ }
  }, 10);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (poll) clearInterval(poll);
  if (typeof out === 'number') fs.closeSync(out);
  let peakRss: number | null = polledPeak || null;
  let cpuMs: number | null = null;
  if (useTime) {
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peakRss = m ? Number(m[1]) * 1024 : null;
    stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  }
  return { wallMs, peakRss, cpuMs, exitCode, stderr };
}

/** Runs a probe (out/bench/probes/*.js) in a fresh Node process and returns the JSON it prints last. */
export async function runProbe<T>(script: string, args: string[] = [], nodeArgs: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`probe ${script} failed (exit ${code}): ${stderr.trim().slice(-800)}`);
  return JSON.parse(line) as T;
}
