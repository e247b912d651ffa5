import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_EDITOR_OPTIONS, LENS_PARTS, SETTING_DEFAULTS, SETTING_KEYS, UNITS_MODES, parseEditorSettings,
} from '../../src/core/present/editorSettings';
import { DEFAULT_SETTINGS, DEFAULT_SEVERITY } from '../../src/core/settings';
import { REPO_ROOT } from './setup';

interface PropertySchema {
  default?: unknown;
  enum?: unknown[];
  items?: { enum?: unknown[] };
  properties?: Record<string, { enum?: unknown[] }>;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, PropertySchema> } };
};
const declared = manifest.contributes.configuration.properties;
const PREFIX = 'llmFootprint.';

/** A reader over a plain object, as VS Code's `getConfiguration('llmFootprint').get(key)` behaves. */
const reader = (values: Record<string, unknown>) => (key: string): unknown => values[key];

describe('editor settings: package.json and the parser agree', () => {
  it('every key the parser reads is declared in package.json', () => {
    const missing = SETTING_KEYS.filter((k) => !(PREFIX + k in declared));
    assert.deepEqual(missing, []);
  });

  it('every llmFootprint.* key in package.json is read by the parser', () => {
    const unread = Object.keys(declared).filter((k) => k.startsWith(PREFIX) && !SETTING_KEYS.includes(k.slice(PREFIX.length)));
    assert.deepEqual(unread, []);
  });

  it('package.json defaults equal the parser defaults', () => {
    for (const key of SETTING_KEYS) {
      assert.deepEqual(declared[PREFIX + key]?.default, SETTING_DEFAULTS[key], key);
    }
  });

  it('package.json enums list exactly the values the parser accepts', () => {
    assert.deepEqual(declared['llmFootprint.units']?.enum, [...UNITS_MODES]);
    assert.deepEqual(declared['llmFootprint.codeLens.parts']?.items?.enum, [...LENS_PARTS]);
    assert.deepEqual(Object.keys(declared['llmFootprint.severity']?.properties ?? {}).sort(), Object.keys(DEFAULT_SEVERITY).sort());
  });

  it('the package.json defaults parse to the engine defaults without warnings', () => {
    const defaults = Object.fromEntries(SETTING_KEYS.map((k) => [k, declared[PREFIX + k]?.default]));
    const { snapshot, warnings } = parseEditorSettings(reader(defaults));
    assert.deepEqual(warnings, []);
    assert.deepEqual(snapshot.analysis, DEFAULT_SETTINGS);
    assert.deepEqual({ ...snapshot.editor, lensParts: [...snapshot.editor.lensParts] },
      { ...DEFAULT_EDITOR_OPTIONS, lensParts: [...DEFAULT_EDITOR_OPTIONS.lensParts] });
  });
});

describe('editor settings: parsing', () => {
  it('nothing set → engine defaults, no warnings', () => {
    const { snapshot, warnings } = parseEditorSettings(reader({}));
    assert.deepEqual(warnings, []);
    assert.deepEqual(snapshot.analysis, DEFAULT_SETTINGS);
  });

  it('valid values are applied', () => {
    const { snapshot, warnings } = parseEditorSettings(reader({
      region: ' europe-west4 ',
      units: 'base',
      'codeLens.parts': ['cost', 'energy'],
      'codeLens.enabled': false,
      'diagnostics.enabled': false,
      severity: { 'oversized-model': 'error', 'cacheable-prompt': 'off', 'unknown-model': 'info' },
      defaultCallsPerDay: 20000,
      modelMappings: { 'prod-gpt4': 'gpt-4o' },
      dynamicPartTokens: 150,
      'oversizedModel.maxInputTokens': 400,
      'oversizedModel.maxOutputTokens': 20,
      'cacheablePrompt.minTokens': 2048,
    }));
    assert.deepEqual(warnings, []);
    assert.equal(snapshot.analysis.region, 'europe-west4');
    assert.equal(snapshot.analysis.defaultCallsPerDay, 20000);
    assert.deepEqual(snapshot.analysis.modelMappings, { 'prod-gpt4': 'gpt-4o' });
    assert.equal(snapshot.analysis.severity['oversized-model'], 'error');
    assert.equal(snapshot.analysis.severity['cacheable-prompt'], 'off');
    assert.equal(snapshot.analysis.severity['unknown-model'], 'information');
    assert.equal(snapshot.analysis.severity['call-in-loop'], 'warning', 'unset codes keep their default');
    assert.equal(snapshot.analysis.dynamicPartTokens, 150);
    assert.equal(snapshot.analysis.oversizedMaxInputTokens, 400);
    assert.equal(snapshot.analysis.oversizedMaxOutputTokens, 20);
    assert.equal(snapshot.analysis.cacheableMinTokens, 2048);
    assert.equal(snapshot.editor.units, 'base');
    assert.deepEqual([...snapshot.editor.lensParts].sort(), ['cost', 'energy']);
    assert.equal(snapshot.editor.codeLensEnabled, false);
    assert.equal(snapshot.editor.diagnosticsEnabled, false);
  });

  const badCases: Array<[string, unknown, (s: ReturnType<typeof parseEditorSettings>['snapshot']) => unknown, unknown]> = [
    ['region', 42, (s) => s.analysis.region, null],
    ['region', 'us east; drop table', (s) => s.analysis.region, null],
    ['units', 'imperial', (s) => s.editor.units, 'auto'],
    ['codeLens.enabled', 'yes', (s) => s.editor.codeLensEnabled, true],
    ['diagnostics.enabled', 1, (s) => s.editor.diagnosticsEnabled, true],
    ['defaultCallsPerDay', -5, (s) => s.analysis.defaultCallsPerDay, null],
    ['defaultCallsPerDay', '1000', (s) => s.analysis.defaultCallsPerDay, null],
    ['defaultCallsPerDay', Number.NaN, (s) => s.analysis.defaultCallsPerDay, null],
    ['dynamicPartTokens', -1, (s) => s.analysis.dynamicPartTokens, 0],
    ['oversizedModel.maxInputTokens', 'many', (s) => s.analysis.oversizedMaxInputTokens, 200],
    ['oversizedModel.maxOutputTokens', Infinity, (s) => s.analysis.oversizedMaxOutputTokens, 50],
    ['cacheablePrompt.minTokens', 0, (s) => s.analysis.cacheableMinTokens, 1024],
    ['modelMappings', 'gpt-4o', (s) => s.analysis.modelMappings, {}],
    ['modelMappings', ['a', 'b'], (s) => s.analysis.modelMappings, {}],
    ['severity', 'warning', (s) => s.analysis.severity, DEFAULT_SEVERITY],
    ['codeLens.parts', 'energy', (s) => [...s.editor.lensParts], ['energy', 'co2e', 'cost', 'tokens', 'perDay']],
  ];
  for (const [key, value, pick, expected] of badCases) {
    it(`bad ${key} = ${JSON.stringify(value) ?? String(value)} → default and exactly one warning naming the key`, () => {
      const { snapshot, warnings } = parseEditorSettings(reader({ [key]: value }));
      assert.deepEqual(pick(snapshot), expected);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0] ?? '', new RegExp(`llmFootprint\\.${key.replace('.', '\\.')}`));
    });
  }

  it('bad entries inside objects and lists are dropped one by one, the good ones kept', () => {
    const { snapshot, warnings } = parseEditorSettings(reader({
      modelMappings: { 'my-deploy': 'gpt-4o-mini', broken: 7, '': 'gpt-4o' },
      severity: { 'oversized-model': 'hint', 'no-such-code': 'error', 'call-in-loop': 'loud' },
      'codeLens.parts': ['energy', 'sparkles', 3],
    }));
    assert.deepEqual(snapshot.analysis.modelMappings, { 'my-deploy': 'gpt-4o-mini' });
    assert.equal(snapshot.analysis.severity['oversized-model'], 'hint');
    assert.equal(snapshot.analysis.severity['call-in-loop'], 'warning');
    assert.deepEqual([...snapshot.editor.lensParts], ['energy']);
    assert.equal(warnings.length, 6, warnings.join('\n'));
  });

  it('a well-formed region the grid data does not know → provider default and a warning', () => {
    const isKnownRegion = (r: string): boolean => ['us-east-1', 'FR'].includes(r);
    const known = parseEditorSettings(reader({ region: 'us-east-1' }), { isKnownRegion });
    assert.equal(known.snapshot.analysis.region, 'us-east-1');
    assert.deepEqual(known.warnings, []);
    const unknown = parseEditorSettings(reader({ region: 'atlantis-1' }), { isKnownRegion });
    assert.equal(unknown.snapshot.analysis.region, null);
    assert.equal(unknown.warnings.length, 1);
    assert.match(unknown.warnings[0] ?? '', /llmFootprint\.region: "atlantis-1"/);
  });

  it('a mapping to a model the catalog does not know is kept but warned about', () => {
    const isKnownModel = (m: string): boolean => m === 'gpt-4o' || /^\d+b$/.test(m);
    const { snapshot, warnings } = parseEditorSettings(reader({ modelMappings: { a: 'gpt-4o', b: '70b', c: 'gpt-4oo' } }), { isKnownModel });
    assert.deepEqual(snapshot.analysis.modelMappings, { a: 'gpt-4o', b: '70b', c: 'gpt-4oo' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /"c" → "gpt-4oo" is neither a catalog model/);
  });

  it('an empty region or zero calls/day means "none", not an error', () => {
    const { snapshot, warnings } = parseEditorSettings(reader({ region: '  ', defaultCallsPerDay: 0 }));
    assert.deepEqual(warnings, []);
    assert.equal(snapshot.analysis.region, null);
    assert.equal(snapshot.analysis.defaultCallsPerDay, null);
  });

  it('the snapshot is frozen', () => {
    const { snapshot } = parseEditorSettings(reader({ modelMappings: { a: 'gpt-4o' } }));
    assert.ok(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.analysis) && Object.isFrozen(snapshot.editor));
    assert.ok(Object.isFrozen(snapshot.analysis.modelMappings) && Object.isFrozen(snapshot.analysis.severity));
  });

  it('a cyclic object in a setting gives a warning, not a crash', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { warnings } = parseEditorSettings(reader({ modelMappings: cyclic }));
    assert.equal(warnings.length, 1);
  });
});
