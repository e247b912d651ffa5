import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyConfig, BUDGET_METRICS, CONFIG_KEYS, ConfigError, parseConfig } from '../../src/core/audit/config';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { REPO_ROOT } from './setup';

// llm-footprint.config.json: valid files apply, invalid ones fail with the file name and the line:column of the
// offending token (positions counted by hand in the comments).

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'cfg.json');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('parses every setting', () => {
    const config = parseConfig(JSON.stringify({
      $schema: './schemas/llm-footprint.config.schema.json', region: 'FR', defaultCallsPerDay: 1000,
      modelMappings: { 'my-deploy': 'gpt-4o' }, ignore: ['generated/'], severity: { 'cacheable-prompt': 'off' },
      dynamicPartTokens: 50, maxFileBytes: 1000, budgets: { perCall: { energyWh: 0.5 }, perDay: { costUsd: 20, co2eGrams: 1000 } },
    }), 'cfg.json');
    assert.equal(config.region, 'FR');
    assert.equal(config.defaultCallsPerDay, 1000);
    assert.deepEqual(config.budgets, { perCall: { energyWh: 0.5 }, perDay: { costUsd: 20, co2eGrams: 1000 } });
    const settings = applyConfig(DEFAULT_SETTINGS, config);
    assert.equal(settings.region, 'FR');
    assert.equal(settings.defaultCallsPerDay, 1000);
    assert.equal(settings.modelMappings['my-deploy'], 'gpt-4o');
    assert.equal(settings.severity['cacheable-prompt'], 'off');
    assert.equal(settings.severity['oversized-model'], DEFAULT_SETTINGS.severity['oversized-model']);
    assert.equal(settings.dynamicPartTokens, 50);
  });

  it('reports a syntax error with line and column', () => {
    // line 3: `  "budgets": { "perCall": { "energyWh": 0.5, } }` — the '}' after the trailing comma is column 46.
    const e = errorOf('{\n  "region": "FR",\n  "budgets": { "perCall": { "energyWh": 0.5, } }\n}\n');
    assert.deepEqual([e.line, e.column], [3, 46]);
    assert.match(e.message, /^cfg\.json:3:46: invalid JSON: trailing comma/);
  });

  it('reports an unterminated file at its end', () => {
    const e = errorOf('{\n  "region": "FR"\n');
    assert.deepEqual([e.line, e.column], [3, 1]);
  });

  it('reports a wrong type at the value', () => {
    // line 2: `  "defaultCallsPerDay": "lots"` — the string starts at column 25.
    const e = errorOf('{\n  "defaultCallsPerDay": "lots"\n}');
    assert.deepEqual([e.line, e.column], [2, 25]);
    assert.match(e.reason, /defaultCallsPerDay must be a number/);
  });

  it('reports an unknown key, budget metric or finding code at the key', () => {
    assert.deepEqual([errorOf('{"regoin": "FR"}').column, errorOf('{"regoin": "FR"}').reason.includes('unknown setting "regoin"')], [2, true]);
    const metric = errorOf('{"budgets": {"perCall": {"energy": 1}}}');
    assert.equal(metric.column, 26);
    assert.match(metric.reason, /unknown budget "energy"/);
    assert.match(errorOf('{"severity": {"too-big": "off"}}').reason, /unknown finding code "too-big"/);
    assert.match(errorOf('{"budgets": {"perCall": {"energyWh": -1}}}').reason, /≥ 0/);
    assert.match(errorOf('[]').reason, /must be an object/);
    // `{"region": "Atlantis"}` — the value starts at column 12.
    const region = errorOf('{"region": "Atlantis"}');
    assert.equal(region.column, 12);
    assert.match(region.reason, /unknown region "Atlantis"/);
  });

  it('the JSON schema describes exactly the keys the parser accepts', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'llm-footprint.config.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(schema.definitions.limits.properties).sort(), [...BUDGET_METRICS].sort());
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), Object.keys(DEFAULT_SETTINGS.severity).sort());
  });
});
