import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DATA_AS_OF, catalogEntry, catalogProblems, listModels, regionProblems, resolveModel, resolveRegion,
} from '../../src/core/footprint';
import { catalogModels, newestAsOf } from '../../src/core/footprint/catalog';
import {
  validateModel, validateModels, validateProviders, validateRegionData,
} from '../../src/core/footprint/validateCatalog';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings';
import { REPO_ROOT } from './setup';

const DATA = path.join(REPO_ROOT, 'src', 'core', 'footprint', 'data');
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(DATA, name), 'utf8'));

describe('catalog: schema and data', () => {
  it('the shipped data files validate with no problems', () => {
    assert.deepEqual(validateModels(readJson('models.json')), []);
    const regions = readJson('regions.json');
    assert.deepEqual(validateRegionData(regions), []);
    assert.deepEqual(validateProviders(readJson('providers.json'), (regions as { zones: [] }).zones), []);
    assert.deepEqual(catalogProblems(), []);
    assert.deepEqual(regionProblems(), []);
  });

  it('holds at least 60 models across the required vendors, plus embedding, image and audio models', () => {
    const models = catalogModels();
    assert.ok(models.length >= 60, `${models.length} models`);
    const vendors = new Set(models.map((m) => m.vendor));
    for (const v of ['openai', 'anthropic', 'google', 'mistral', 'cohere', 'meta', 'deepseek', 'alibaba']) {
      assert.ok(vendors.has(v), `no ${v} model`);
    }
    assert.ok(models.some((m) => m.id.startsWith('gpt-oss')));
    for (const kind of ['chat', 'embedding', 'image', 'audio'] as const) {
      assert.ok(models.filter((m) => m.kind === kind).length >= 2, `too few ${kind} models`);
    }
    for (const id of ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002', 'dall-e-3',
      'gpt-image-1', 'whisper-1', 'tts-1', 'gpt-4o-transcribe']) {
      assert.ok(catalogEntry(id), id);
    }
  });

  it('every entry carries a source and an as-of date; every price its page and date; chat models their size', () => {
    for (const m of catalogModels()) {
      assert.ok(m.source.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(m.asOf), m.id);
      if (m.prices) assert.ok(m.prices.source.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(m.prices.asOf), m.id);
      if (m.kind === 'chat') assert.ok(m.params && m.params.source.length > 5, m.id);
      if (m.kind === 'chat' && m.vendor === 'openai') assert.ok(m.encoding, `${m.id}: OpenAI models name their tokenizer`);
      if (m.prices === null) assert.ok(m.note, `${m.id}: a missing price is explained`);
    }
    assert.match(DATA_AS_OF, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(DATA_AS_OF, newestAsOf(), 'DATA_AS_OF (a constant, for a cheap load) is the newest as-of date in models.json');
  });

  it('the validator rejects broken entries with readable reasons', () => {
    const good = catalogEntry('gpt-4o-mini');
    assert.ok(good);
    assert.deepEqual(validateModel(good), []);
    const broken = { ...good, asOf: 'yesterday', params: { ...good.params, active: [50, 10] }, prices: { input: -1 } };
    const problems = validateModel(broken).join('\n');
    assert.match(problems, /asOf/);
    assert.match(problems, /params\.active/);
    assert.match(problems, /prices\.input/);
    assert.match(problems, /prices\.source/);
    assert.deepEqual(validateModels([good, { ...good, aliases: [] }]).length, 0); // same id twice is one owner
    assert.match(validateModels([good, { ...good, id: 'other', aliases: ['gpt-4o-mini'] }]).join(), /used by both/);
    assert.match(validateRegionData({ zones: [{ id: 'X', gridIntensity: -3 }] }).join(), /gridIntensity/);
  });

  it('ModelInfo is what other stages see; catalogEntry has the full entry', () => {
    const info = listModels().find((m) => m.id === 'gpt-4o');
    assert.deepEqual(info, {
      id: 'gpt-4o', provider: 'openai', vendor: 'openai', kind: 'chat', contextWindow: 128000, maxOutputTokens: 16384,
      reasoning: false, capabilities: { tools: true, vision: true, json: true }, encoding: 'o200k_base',
    });
    const entry = catalogEntry('gpt-4o');
    assert.deepEqual(entry?.params?.active, [44, 132]);
    assert.equal(entry?.prices?.output, 10);
  });
});

const resolveId = (name: string, settings: AnalysisSettings = DEFAULT_SETTINGS): string | null =>
  resolveModel(name, settings).model?.id ?? null;

describe('catalog: alias resolution', () => {
  const cases: Array<[string, string]> = [
    ['gpt-4o', 'gpt-4o'],
    ['GPT-4o', 'gpt-4o'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['openai/gpt-4o-mini', 'gpt-4o-mini'],
    ['azure/gpt-4o', 'gpt-4o'],
    ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'gpt-4o-mini'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
    ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
    ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet'],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet'],
    ['bedrock/anthropic.claude-3-5-haiku-20241022-v1:0', 'claude-3-5-haiku'],
    ['claude-3-5-sonnet-v2@20241022', 'claude-3-5-sonnet'],
    ['claude-opus-4-1@20250805', 'claude-opus-4-1'],
    ['gemini/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['models/gemini-2.0-flash', 'gemini-2.0-flash'],
    ['publishers/google/models/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['meta.llama3-1-70b-instruct-v1:0', 'llama-3.1-70b-instruct'],
    ['us.meta.llama3-3-70b-instruct-v1:0', 'llama-3.3-70b-instruct'],
    ['amazon.titan-embed-text-v2:0', 'titan-embed-text-v2'],
    ['ollama/llama3.1:8b', 'llama-3.1-8b-instruct'],
    ['llama3.1:8b', 'llama-3.1-8b-instruct'],
    ['llama3.2:latest', 'llama-3.2-3b-instruct'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b-instruct'],
    ['mistral-large-latest', 'mistral-large-2411'],
    ['mistral/mistral-small-latest', 'mistral-small-2506'],
    ['command-r-plus', 'command-r-plus-08-2024'],
    ['cohere.command-r-plus-v1:0', 'command-r-plus-08-2024'],
    ['deepseek/deepseek-chat', 'deepseek-chat'],
    ['deepseek-ai/DeepSeek-R1', 'deepseek-reasoner'],
    ['Qwen/Qwen3-235B-A22B', 'qwen3-235b-a22b'],
    ['gpt-oss:20b', 'gpt-oss-20b'],
    ['openai/gpt-oss-120b', 'gpt-oss-120b'],
    ['text-embedding-3-small', 'text-embedding-3-small'],
    ['o3-mini-2025-01-31', 'o3-mini'],
  ];
  for (const [name, id] of cases) {
    it(`${name} → ${id}`, () => assert.equal(resolveId(name), id));
  }

  it('maps Azure deployment names and other aliases through modelMappings (case-insensitive key)', () => {
    const settings = { ...DEFAULT_SETTINGS, modelMappings: { 'My-Prod-Deployment': 'gpt-4o-2024-11-20', 'chat-small': 'azure/gpt-4o-mini' } };
    assert.equal(resolveId('my-prod-deployment', settings), 'gpt-4o');
    assert.equal(resolveId('chat-small', settings), 'gpt-4o-mini');
  });

  it('matches mapping keys case-insensitively with the first key winning, per settings object', () => {
    const settings = { ...DEFAULT_SETTINGS, modelMappings: { ' Fast ': 'gpt-4o-mini', FAST: 'gpt-4o', fast: 'o3' } };
    assert.equal(resolveId('fast', settings), 'o3'); // the exact key first
    assert.equal(resolveId('FaSt', settings), 'gpt-4o-mini'); // then the first key equal ignoring case and spaces
    assert.equal(resolveId('FaSt', { ...DEFAULT_SETTINGS, modelMappings: { FAST: 'gpt-4o' } }), 'gpt-4o');
    assert.equal(resolveModel('FaSt', DEFAULT_SETTINGS).model, null);
  });

  it('accepts a declared size (dense or MoE) through modelMappings', () => {
    const settings = { ...DEFAULT_SETTINGS, modelMappings: { house: '70b', housemoe: 'moe:400b/17b' } };
    assert.equal(resolveId('house', settings), 'declared:70b');
    assert.equal(resolveId('housemoe', settings), 'declared:moe-400b-a17b');
  });

  it('explains an unknown model and how to fix it (never a silent default)', () => {
    const r = resolveModel('acme-llm-9000', DEFAULT_SETTINGS);
    assert.equal(r.model, null);
    assert.ok(r.model === null && /unknown model 'acme-llm-9000'/.test(r.reason));
    assert.ok(r.model === null && r.reason.includes('llmFootprint.modelMappings') && r.reason.includes('llm-footprint.config.json'));
    assert.ok(r.model === null && r.reason.includes('"70b"'));
    const unresolved = resolveModel(null, DEFAULT_SETTINGS);
    assert.ok(unresolved.model === null && unresolved.reason.includes('modelMappings'));
    const badMap = resolveModel('x', { ...DEFAULT_SETTINGS, modelMappings: { x: 'nonsense-model' } });
    assert.ok(badMap.model === null && badMap.reason.includes("mapped to 'nonsense-model'"));
  });
});

describe('catalog: regions', () => {
  const cases: Array<[string, number]> = [
    ['US', 384], ['fr', 44], ['DE', 342], ['WORLD', 473], ['EU', 213], ['UK', 216], ['SE', 36],
    ['us-east-1', 403], ['us-west-2', 109], ['eu-west-1', 280], ['eu-central-1', 342], ['eu-north-1', 21],
    ['europe-west4', 209], ['us-central1', 413], ['europe-west9', 16], ['asia-south1', 679],
    ['eastus', 403], ['westeurope', 253], ['swedencentral', 21], ['US-MIDA-PJM', 403],
  ];
  for (const [id, intensity] of cases) {
    it(`${id} → ${intensity} gCO₂e/kWh with a source and year`, () => {
      const r = resolveRegion(id);
      assert.ok(r, id);
      assert.equal(r.gridIntensity, intensity);
      assert.ok(r.source.length > 10 && r.year >= 2024);
    });
  }

  it('returns null for an unknown region', () => {
    assert.equal(resolveRegion('mars-north-1'), null);
    assert.equal(resolveRegion(''), null);
  });
});
