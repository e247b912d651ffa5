import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { DATA_AS_OF } from '../../src/core/footprint';

function capture(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

interface Range { min: number; typical: number; max: number }
interface EstimateJson {
  model: string;
  energyWh: Range;
  co2eGrams: Range;
  waterMl: Range;
  costUsd: Range | null;
  region: string;
  outputTokens: Range & { reasoning: Range };
  assumptions: string[];
  dataAsOf: string;
}

async function estimateJson(args: string[], cwd?: string): Promise<EstimateJson> {
  const c = capture(cwd);
  const code = await runCli(['estimate', ...args], c.io);
  assert.equal(code, 0, c.err());
  return JSON.parse(c.out()) as EstimateJson;
}

describe('cli: estimate', () => {
  it('prints the JSON contract: model, energyWh, co2eGrams, waterMl, costUsd as {min, typical, max}', async () => {
    const j = await estimateJson(['--model', 'gpt-4o-mini', '--input-tokens', '1000', '--output-tokens', '300', '--format', 'json']);
    assert.equal(j.model, 'gpt-4o-mini');
    for (const r of [j.energyWh, j.co2eGrams, j.waterMl]) assert.ok(r.min > 0 && r.min <= r.typical && r.typical <= r.max);
    // 1,000 × $0.15 + 300 × $0.60 per 1M tokens
    assert.ok(j.costUsd && Math.abs(j.costUsd.typical - 0.00033) < 1e-12);
    assert.equal(j.region, 'US');
    assert.equal(j.dataAsOf, DATA_AS_OF);
    assert.ok(j.assumptions.length >= 5);
  });

  it('defaults to JSON and accepts --flag=value', async () => {
    const j = await estimateJson(['--model=claude-3-5-haiku', '--input-tokens=10', '--output-tokens=10']);
    assert.equal(j.model, 'claude-3-5-haiku');
  });

  it('uses the region: ISO codes and cloud regions', async () => {
    const fr = await estimateJson(['--model', 'gpt-4o', '--input-tokens', '100', '--output-tokens', '500', '--region', 'FR']);
    const va = await estimateJson(['--model', 'gpt-4o', '--input-tokens', '100', '--output-tokens', '500', '--region', 'us-east-1']);
    assert.equal(fr.region, 'FR');
    assert.equal(va.region, 'us-east-1');
    assert.equal(fr.energyWh.typical, va.energyWh.typical);
    assert.ok(va.co2eGrams.typical > 5 * fr.co2eGrams.typical);
  });

  it('adds hidden reasoning tokens for --reasoning-effort (table shared with the token stage)', async () => {
    const none = await estimateJson(['--model', 'o4-mini', '--input-tokens', '100', '--output-tokens', '300', '--reasoning-effort', 'minimal']);
    const high = await estimateJson(['--model', 'o4-mini', '--input-tokens', '100', '--output-tokens', '300', '--reasoning-effort', 'high']);
    assert.equal(none.outputTokens.typical, 300);
    assert.equal(high.outputTokens.reasoning.typical, 8000);
    assert.equal(high.outputTokens.typical, 8300);
    assert.ok(high.energyWh.typical > 20 * none.energyWh.typical);
    const dflt = await estimateJson(['--model', 'o4-mini', '--input-tokens', '100', '--output-tokens', '300']);
    assert.equal(dflt.outputTokens.reasoning.typical, 4000, 'reasoning models default to medium');
    const claude = await estimateJson(['--model', 'claude-sonnet-4', '--input-tokens', '100', '--output-tokens', '300']);
    assert.equal(claude.outputTokens.reasoning.typical, 0, 'Claude thinks only when asked');
  });

  it('prints a readable text report with the data date', async () => {
    const c = capture();
    assert.equal(await runCli(['estimate', '--model', 'gpt-4o', '--input-tokens', '100', '--output-tokens', '500', '--format', 'text'], c.io), 0);
    assert.match(c.out(), /^gpt-4o · 100 in \/ 500 out tokens · region US/);
    assert.match(c.out(), /energy\s+0\.\d+ Wh/);
    assert.ok(c.out().includes(`data as of ${DATA_AS_OF}`));
  });

  it('exits 2 with the reason for an unknown model', async () => {
    const c = capture();
    assert.equal(await runCli(['estimate', '--model', 'acme-9000', '--input-tokens', '1', '--output-tokens', '1'], c.io), 2);
    assert.match(c.err(), /^llm-footprint: unknown model 'acme-9000'.*modelMappings.*\n$/);
    assert.equal(c.err().split('\n').length, 2, 'one line');
  });

  it('exits 2 for an unknown region, a missing or malformed option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'gpt-4o', '--input-tokens', '1', '--output-tokens', '1', '--region', 'mars'], /unknown region 'mars'/],
      [['--input-tokens', '1', '--output-tokens', '1'], /--model is required/],
      [['--model', 'gpt-4o', '--output-tokens', '1'], /--input-tokens is required/],
      [['--model', 'gpt-4o', '--input-tokens', '-5', '--output-tokens', '1'], /whole number/],
      [['--model', 'gpt-4o', '--input-tokens', '1', '--output-tokens', '1', '--format', 'xml'], /json or text/],
      [['--model', 'gpt-4o', '--input-tokens', '1', '--output-tokens', '1', '--reasoning-effort', 'extreme'], /reasoning-effort must be/],
      [['--model', 'gpt-4o', '--bogus', '1'], /unknown option/],
      [['--model', 'gpt-4o', '--input-tokens', '1', '--output-tokens', '1', '--reasoning-effort', 'high'], /not a reasoning model/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      assert.equal(await runCli(['estimate', ...args], c.io), 2, args.join(' '));
      assert.match(c.err(), message);
    }
  });

  it('reads modelMappings and region from llm-footprint.config.json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmfp-estimate-'));
    try {
      writeFileSync(path.join(dir, 'llm-footprint.config.json'), JSON.stringify({
        region: 'SE', modelMappings: { 'prod-chat': 'gpt-4o-mini', 'house-model': '70b' },
      }));
      const mapped = await estimateJson(['--model', 'prod-chat', '--input-tokens', '10', '--output-tokens', '10'], dir);
      assert.equal(mapped.model, 'gpt-4o-mini');
      assert.equal(mapped.region, 'SE');
      const declared = await estimateJson(['--model', 'house-model', '--input-tokens', '10', '--output-tokens', '10'], dir);
      assert.equal(declared.model, 'declared:70b');
      assert.equal(declared.costUsd, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
