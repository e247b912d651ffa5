import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { get_encoding_name_for_model, type TiktokenModel } from 'tiktoken';
import MODEL_TO_ENCODING from 'tiktoken/model_to_encoding.json';
import { anthropicImageTokens, encodingForModel, geminiImageTokens, openAiImageTokens, tokenizerFor } from '../../src/core/tokens';
import { CountCache } from '../../src/core/tokens/countCache';
import { functionSchemas, parseLiteral } from '../../src/core/tokens/toolSchemaTokens';
import { listModels } from '../../src/core/footprint';
import { REPO_ROOT } from './setup';
import { makeModel } from './tokensFixtures';

describe('tokens: model → encoding', () => {
  it('agrees with the full tiktoken package on every o200k/cl100k model in its table', () => {
    // tiktoken's own model table is the independent reference; we only ship these two encodings.
    const models = Object.entries(MODEL_TO_ENCODING as Record<string, string>)
      .filter(([, enc]) => enc === 'o200k_base' || enc === 'cl100k_base')
      .map(([model]) => model as TiktokenModel);
    assert.ok(models.length > 50, `${models.length} models`);
    for (const model of models) assert.equal(encodingForModel(model), get_encoding_name_for_model(model), model);
  });

  it('newer families, snapshots and provider prefixes resolve to their family', () => {
    const o200k = ['gpt-4.1', 'gpt-4.1-mini-2025-04-14', 'gpt-4.5-preview', 'gpt-5', 'gpt-5-nano', 'o3', 'o3-2025-04-16',
      'o4-mini', 'gpt-oss-20b', 'openai/gpt-4o', 'azure/gpt-4o-mini', 'openai/gpt-oss-120b', 'GPT-4O',
      'ft:gpt-4o-mini-2024-07-18:acme::abc123', 'openrouter/openai/o3-mini'];
    for (const name of o200k) assert.equal(encodingForModel(name), 'o200k_base', name);
    const cl100k = ['gpt-4-1106-preview', 'azure/gpt-35-turbo', 'openai/text-embedding-3-small', 'gpt-3.5-turbo-instruct'];
    for (const name of cl100k) assert.equal(encodingForModel(name), 'cl100k_base', name);
    for (const name of ['claude-3-5-sonnet-latest', 'gemini-2.5-flash', 'llama3.1:8b', 'o3x', 'gpt-40', '']) {
      assert.equal(encodingForModel(name), null, name);
    }
  });

  it('other vendors get a stated factor and exact:false', () => {
    const cases: Array<[string, string, number]> = [
      ['claude-3-5-haiku-20241022', 'o200k_base', 1.2],
      ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'o200k_base', 1.2],
      ['gemini-2.5-pro', 'o200k_base', 1.0],
      ['llama3.1:70b', 'cl100k_base', 1.0],
      ['mistral-large-latest', 'cl100k_base', 1.1],
      ['command-r-plus', 'o200k_base', 1.0],
      ['deepseek-chat', 'cl100k_base', 1.0],
      ['qwen2.5-72b-instruct', 'cl100k_base', 1.0],
      ['grok-4', 'o200k_base', 1.0],
      ['deepseek.r1-v1:0', 'cl100k_base', 1.0],
    ];
    for (const [name, encoding, factor] of cases) {
      const t = tokenizerFor(null, name);
      assert.equal(t.encoding, encoding, name);
      assert.equal(t.factor, factor, name);
      assert.equal(t.exact, false, name);
      assert.ok(t.approximation && t.approximation.length > 10, name);
    }
  });

  it('the catalog vendor is used when the call names a deployment', () => {
    const t = tokenizerFor(makeModel({ id: 'claude-opus-4-1', vendor: 'anthropic', provider: 'bedrock' }), 'prod-writer');
    assert.equal(t.factor, 1.2);
    const openAiUnknown = tokenizerFor(makeModel({ id: 'gpt-7-preview', vendor: 'openai' }), 'gpt-7-preview');
    assert.equal(openAiUnknown.encoding, 'o200k_base');
    assert.equal(openAiUnknown.exact, false);
  });
});

describe('tokens: every catalog model gets a tokenizer', () => {
  it('exact exactly for OpenAI models with an encoding; a vendor factor with a stated basis otherwise', () => {
    for (const info of listModels()) {
      const t = tokenizerFor(info, info.id);
      if (info.encoding) {
        assert.equal(t.encoding, info.encoding, info.id);
        assert.equal(t.exact, true, info.id);
      } else {
        assert.equal(t.exact, false, info.id);
        assert.ok(t.approximation, info.id);
      }
      if (info.vendor !== 'openai') assert.ok(!t.exact, `${info.id} (${info.vendor}) cannot be exact`);
    }
  });

  it('catalog vendor names map to their tokenizer row (alibaba → Qwen)', () => {
    const qwen = listModels().find((m) => m.vendor === 'alibaba');
    assert.ok(qwen, 'the catalog has an Alibaba model');
    assert.match(tokenizerFor(qwen, qwen.id).approximation ?? '', /Qwen/);
  });
});

describe('tokens: image rules (documented examples)', () => {
  it('OpenAI tile rule', () => {
    assert.equal(openAiImageTokens(1024, 1024, 'high'), 765); // guide: 1024² → 768² → 4 tiles
    assert.equal(openAiImageTokens(2048, 4096, 'high'), 1105); // guide: → 1024×2048 → 768×1536 → 6 tiles
    assert.equal(openAiImageTokens(4096, 8192, 'low'), 85);
    assert.equal(openAiImageTokens(512, 512, 'high'), 255); // not upscaled: 1 tile
  });

  it('Anthropic w×h/750 and Gemini 258-per-tile', () => {
    assert.equal(anthropicImageTokens(1092, 1092), 1590); // Anthropic's table: 1092×1092 ≈ 1,590 tokens
    assert.equal(anthropicImageTokens(200, 200), 54); // Anthropic's example: 200×200 ≈ 54 tokens
    assert.equal(geminiImageTokens(300, 300), 258);
    assert.equal(geminiImageTokens(1024, 1024), 4 * 258);
  });
});

describe('tokens: tool schema literals', () => {
  it('reads JSON, Python and JS literals to the same value', () => {
    const json = parseLiteral('{"name": "f", "strict": true, "x": null, "list": [1, 2]}');
    assert.deepEqual(parseLiteral("{'name': 'f', 'strict': True, 'x': None, 'list': [1, 2,],}"), json);
    assert.deepEqual(parseLiteral("{ name: 'f', strict: true, x: null, list: [1, 2] }"), json);
  });

  it('keeps string contents intact (colons, quotes, keywords inside strings)', () => {
    assert.deepEqual(parseLiteral(`{'d': "it's True: None"}`), { d: "it's True: None" });
  });

  it('refuses variables and calls instead of guessing', () => {
    assert.equal(parseLiteral('[weather_tool, search_tool]'), null);
    assert.equal(parseLiteral('build_tools()'), null);
    assert.equal(functionSchemas([{ type: 'function' }]), null, 'a tool without a name is not a function schema');
  });

  it('accepts Chat Completions, Responses and Anthropic shapes', () => {
    const params = { type: 'object', properties: { q: { type: 'string', description: 'query' } } };
    const chat = functionSchemas([{ type: 'function', function: { name: 'search', description: 'Search.', parameters: params } }]);
    const responses = functionSchemas([{ type: 'function', name: 'search', description: 'Search.', parameters: params }]);
    const anthropic = functionSchemas([{ name: 'search', description: 'Search.', input_schema: params }]);
    assert.deepEqual(responses, chat);
    assert.deepEqual(anthropic, chat);
    assert.equal(chat?.[0]?.properties[0]?.name, 'q');
  });
});

describe('tokens: count cache', () => {
  it('is an LRU bounded by entries: the least recently used text goes first', () => {
    const cache = new CountCache();
    for (let i = 0; i < 4_096; i++) cache.set(`text number ${i}`, i);
    assert.equal(cache.get('text number 0'), 0); // refresh 0: now 1 is the oldest
    cache.set('one more', 1);
    assert.equal(cache.size, 4_096);
    assert.equal(cache.get('text number 1'), undefined);
    assert.equal(cache.get('text number 0'), 0);
  });

  it('is bounded by total characters', () => {
    const cache = new CountCache();
    const big = (i: number) => String(i).padEnd(900_000, 'x');
    for (let i = 0; i < 6; i++) cache.set(big(i), i);
    assert.ok(cache.size <= 4, `kept ${cache.size} texts of 900k characters under a 4M bound`);
    assert.equal(cache.get(big(5)), 5);
    assert.equal(cache.get(big(0)), undefined);
    cache.set('x'.repeat(1_500_000), 1); // larger than a quarter of the bound: never cached
    assert.equal(cache.get('x'.repeat(1_500_000)), undefined);
  });
});

describe('tokens: bundles', () => {
  // tiktoken's `tiktoken` and `tiktoken/lite` entries search node_modules for their WASM at load time (fails once
  // packaged) and `tiktoken` pulls every encoding's loader. Our bundles must carry only the lite init glue.
  for (const bundle of ['cli.js', 'engine.js', 'tokenizerWorker.js']) {
    it(`dist/${bundle} has no implicit WASM search and no embedded ranks`, () => {
      const code = fs.readFileSync(path.join(REPO_ROOT, 'dist', bundle), 'utf8');
      assert.ok(code.includes('__wbg_set_wasm'), 'the lite glue is bundled');
      assert.ok(!code.includes('Missing tiktoken_bg.wasm'), 'no node_modules WASM search');
      assert.ok(!code.includes('! 0 IQ== Ig=='), 'no rank file inlined');
      assert.ok(!/tiktoken\/encoders\//.test(code), 'no encoder loaders');
    });
  }

  it('dist/extension.js (what activation loads) carries no tokenizer: it lives in engine.js and the tokenizer thread', () => {
    const code = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'), 'utf8');
    assert.ok(!code.includes('__wbg_set_wasm'), 'no tiktoken glue');
    assert.ok(!code.includes('web-tree-sitter'), 'no parser glue');
  });
});
