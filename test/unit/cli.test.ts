import * as assert from 'node:assert/strict';
import { runCli, VERSION } from '../../src/cli/run';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: process.cwd() },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('cli', () => {
  it('prints its version', async () => {
    const c = capture();
    assert.equal(await runCli(['--version'], c.io), 0);
    assert.equal(c.out().trim(), VERSION);
  });

  it('exits 2 with a one-line reason for an unknown command', async () => {
    const c = capture();
    assert.equal(await runCli(['frobnicate'], c.io), 2);
    assert.match(c.err(), /^llm-footprint: unknown command 'frobnicate'.*\n$/);
  });
});
