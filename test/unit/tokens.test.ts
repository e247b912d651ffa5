import * as assert from 'node:assert/strict';
// The reference: the FULL tiktoken build with its own model table and its own WASM loading — an independent path
// from our lite build fed by dist/ assets. Used only in tests, never bundled.
import * as path from 'node:path';
import { get_encoding, get_encoding_name_for_model, type Tiktoken as ReferenceTiktoken, type TiktokenModel } from 'tiktoken';
import { setAssetsDir } from '../../src/core/assets';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings';
import { countInputTokens, countText, disposeEncoders, warmUpEncoder } from '../../src/core/tokens';
import { liveEncoderCount } from '../../src/core/tokens/encoders';
import { REPO_ROOT } from './setup';
import { TEXT_FIXTURES, dyn, makeCall, makeModel, msg, readTokenFixture, text } from './tokensFixtures';

const references = new Map<string, ReferenceTiktoken>();
function reference(model: TiktokenModel): ReferenceTiktoken {
  // The model's encoding from tiktoken's own table, one full-build encoder per encoding (constructing one per
  // model would cost seconds each on a loaded machine).
  const name = get_encoding_name_for_model(model);
  let enc = references.get(name);
  if (!enc) { enc = get_encoding(name); references.set(name, enc); }
  return enc;
}
const ref = (model: TiktokenModel, t: string): number => reference(model).encode_ordinary(t).length;

const settings: AnalysisSettings = DEFAULT_SETTINGS;

describe('tokens: input counting', () => {
  after(() => {
    for (const enc of references.values()) enc.free();
    disposeEncoders();
  });

  describe('exact equality with tiktoken on fixtures', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4', 'gpt-3.5-turbo', 'o1', 'text-embedding-3-small'] as const) {
      for (const fixture of TEXT_FIXTURES) {
        it(`${model} · ${fixture}`, async () => {
          const t = readTokenFixture(fixture);
          const call = makeCall({ model, api: 'completion', prompt: { messages: [msg('user', text(t))] } });
          const result = await countInputTokens(call, null, settings);
          assert.equal(result.count, ref(model, t));
          assert.equal(result.exact, true);
          assert.equal(result.dynamic, false);
        });
      }
    }

    it('counts <|endoftext|> and friends as plain text, never throwing', async () => {
      const t = readTokenFixture('special-tokens.txt');
      const n = await countText(t, 'o200k_base');
      assert.equal(n, ref('gpt-4o', t));
      // As plain text, "<|endoftext|>" is several tokens, not the single special token.
      assert.ok((await countText('<|endoftext|>', 'o200k_base')) > 1);
      assert.ok((await countText('<|endoftext|>', 'cl100k_base')) > 1);
    });
  });

  it('gpt-4 and gpt-4o count the same text with their own encodings, and the counts differ', async () => {
    const t = readTokenFixture('multilingual.txt');
    const messages = [msg('user', text(t))];
    const gpt4 = await countInputTokens(makeCall({ model: 'gpt-4', prompt: { messages } }), null, settings);
    const gpt4o = await countInputTokens(makeCall({ model: 'gpt-4o', prompt: { messages } }), null, settings);
    assert.equal(gpt4.encoding, 'cl100k_base');
    assert.equal(gpt4o.encoding, 'o200k_base');
    // chat framing: 3 per message + role "user" (1 token) + 3 reply priming
    assert.equal(gpt4.count, ref('gpt-4', t) + 3 + 1 + 3);
    assert.equal(gpt4o.count, ref('gpt-4o', t) + 3 + 1 + 3);
    assert.notEqual(gpt4.count, gpt4o.count);
    assert.ok(gpt4o.count < gpt4.count, 'o200k is more compact on non-English text');
  });

  describe('chat format matches the API numbers published in OpenAI\'s cookbook', () => {
    // "How to count tokens with tiktoken": these six messages gave 129 prompt tokens (gpt-4, gpt-3.5-turbo) and
    // 124 (gpt-4o, gpt-4o-mini) from the API. Four messages carry a `name`, which our contract has no field for:
    // each adds its own tokens + 1 (cookbook), so we add that here with the reference tokenizer.
    const jargon: Array<[string, string | null, string]> = [
      ['system', null, 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.'],
      ['system', 'example_user', 'New synergies will help drive top-line growth.'],
      ['system', 'example_assistant', 'Things working well together will increase revenue.'],
      ['system', 'example_user', "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."],
      ['system', 'example_assistant', "Let's talk later when we're less busy about how to do better."],
      ['user', null, "This late pivot means we don't have time to boil the ocean for the client deliverable."],
    ];
    for (const [model, api] of [['gpt-4', 129], ['gpt-3.5-turbo', 129], ['gpt-4o', 124], ['gpt-4o-mini', 124]] as const) {
      it(`${model}: ${api} prompt tokens`, async () => {
        const messages = jargon.map(([role, , content]) => msg(role as 'system' | 'user', text(content)));
        const result = await countInputTokens(makeCall({ model, prompt: { messages } }), null, settings);
        const names = jargon.reduce((sum, [, name]) => sum + (name ? ref(model, name) + 1 : 0), 0);
        assert.equal(result.count + names, api);
      });
    }

    // Same cookbook, §7: the weather tool plus two messages → 101 (gpt-4o, gpt-4o-mini), 105 (gpt-4, gpt-3.5-turbo).
    const weatherMessages = [
      msg('system', text('You are a helpful assistant that can answer to questions about the weather.')),
      msg('user', text("What's the weather like in San Francisco?")),
    ];
    for (const fixture of ['tools-weather.json', 'tools-weather.py.txt', 'tools-weather.ts.txt']) {
      for (const [model, api] of [['gpt-4o', 101], ['gpt-4o-mini', 101], ['gpt-4', 105], ['gpt-3.5-turbo', 105]] as const) {
        it(`tool schema ${fixture} on ${model}: ${api} prompt tokens`, async () => {
          const call = makeCall({ model, prompt: { messages: weatherMessages, tools: [text(readTokenFixture(fixture))] } });
          const result = await countInputTokens(call, null, settings);
          assert.equal(result.count, api);
          assert.equal(result.exact, true);
        });
      }
    }

    it('a tool schema that is not a readable literal is counted as text and flagged approximate', async () => {
      const schema = 'make_tools(registry, strict=True)';
      const call = makeCall({ prompt: { messages: weatherMessages, tools: [text(schema)] } });
      const result = await countInputTokens(call, null, settings);
      const messagesOnly = await countInputTokens(makeCall({ prompt: { messages: weatherMessages } }), null, settings);
      assert.equal(result.count, messagesOnly.count + ref('gpt-4o', schema));
      assert.equal(result.exact, false);
      assert.match(result.approximation ?? '', /tool schemas counted as source text/);
    });
  });

  it('system prompt and few-shot arrays: every message counts with its framing', async () => {
    const shots = ['great product!', 'positive', 'broke after a day', 'negative'];
    const messages = [
      msg('system', text('Classify the sentiment.')),
      msg('user', text(shots[0] as string)), msg('assistant', text(shots[1] as string)),
      msg('user', text(shots[2] as string)), msg('assistant', text(shots[3] as string)),
    ];
    const result = await countInputTokens(makeCall({ prompt: { messages } }), null, settings);
    const roles = ref('gpt-4o', 'system') + 2 * ref('gpt-4o', 'user') + 2 * ref('gpt-4o', 'assistant');
    const content = ref('gpt-4o', 'Classify the sentiment.') + shots.reduce((s, t) => s + ref('gpt-4o', t), 0);
    assert.equal(result.count, 5 * 3 + roles + content + 3);
    assert.equal(result.cacheablePrefix, result.count - 3, 'all static: everything but the reply priming is a prefix');
  });

  it('embeddings: plain text, no chat framing', async () => {
    const t = readTokenFixture('english.txt');
    const call = makeCall({ model: 'text-embedding-3-small', api: 'embeddings', prompt: { messages: [msg('user', text(t))] } });
    const result = await countInputTokens(call, null, settings);
    assert.equal(result.count, ref('text-embedding-3-small', t));
    assert.equal(result.encoding, 'cl100k_base');
  });

  describe('dynamic parts', () => {
    const system = 'You are a support agent. Answer in one paragraph.';
    const messages = [msg('system', text(system)), msg('user', text('Question: '), dyn('user_input'), text('\nThanks'))];

    it('static tokens + settings.dynamicPartTokens per dynamic part, flagged dynamic', async () => {
      const base = await countInputTokens(makeCall({ prompt: { messages } }), null, settings);
      const sized = await countInputTokens(makeCall({ prompt: { messages } }), null, { ...settings, dynamicPartTokens: 250 });
      const statics = 2 * 3 + ref('gpt-4o', 'system') + ref('gpt-4o', 'user') + 3
        + ref('gpt-4o', system) + ref('gpt-4o', 'Question: ') + ref('gpt-4o', '\nThanks');
      assert.equal(base.count, statics);
      assert.equal(base.dynamic, true);
      assert.equal(base.exact, true, 'static parts are still exact');
      assert.equal(sized.count, statics + 250);
    });

    it('a declared size (annotation) wins over the setting', async () => {
      const declared = [msg('system', text(system)), msg('user', dyn('doc', 1200), dyn('question'))];
      const result = await countInputTokens(makeCall({ prompt: { messages: declared } }), null, { ...settings, dynamicPartTokens: 50 });
      const statics = 2 * 3 + ref('gpt-4o', 'system') + ref('gpt-4o', 'user') + 3 + ref('gpt-4o', system);
      assert.equal(result.count, statics + 1200 + 50);
    });

    it('cacheablePrefix stops at the first dynamic part', async () => {
      const result = await countInputTokens(makeCall({ prompt: { messages } }), null, settings);
      const prefix = 3 + ref('gpt-4o', 'system') + ref('gpt-4o', system) + 3 + ref('gpt-4o', 'user') + ref('gpt-4o', 'Question: ');
      assert.equal(result.cacheablePrefix, prefix);
    });

    it('an opaque prompt is dynamic and counts one dynamic part', async () => {
      const call = makeCall({ prompt: { opaque: true } });
      const result = await countInputTokens(call, null, { ...settings, dynamicPartTokens: 400 });
      assert.equal(result.dynamic, true);
      assert.equal(result.count, 3 + 400, 'reply priming + the assumed size');
      assert.equal(result.cacheablePrefix, undefined);
    });
  });

  describe('other vendors and unknown models', () => {
    const t = readTokenFixture('english.txt');

    it('Claude: o200k × 1.2, exact:false with an approximation', async () => {
      const call = makeCall({ model: 'claude-sonnet-4-5', provider: 'anthropic', sdk: 'anthropic', api: 'completion',
        prompt: { messages: [msg('user', text(t))] } });
      const model = makeModel({ id: 'claude-sonnet-4-5', provider: 'anthropic', vendor: 'anthropic' });
      for (const info of [model, null]) {
        const result = await countInputTokens(call, info, settings);
        assert.equal(result.exact, false);
        assert.equal(result.encoding, 'o200k_base');
        assert.equal(result.count, Math.round(ref('gpt-4o', t) * 1.2));
        assert.match(result.approximation ?? '', /Claude/);
      }
    });

    it('Llama: cl100k × 1.0, approximate', async () => {
      const call = makeCall({ model: 'meta-llama/Llama-3.1-8B-Instruct', provider: 'together', api: 'completion',
        prompt: { messages: [msg('user', text(t))] } });
      const result = await countInputTokens(call, null, settings);
      assert.equal(result.encoding, 'cl100k_base');
      assert.equal(result.count, ref('gpt-4', t));
      assert.equal(result.exact, false);
    });

    it('no model at all: o200k, exact:false', async () => {
      const call = makeCall({ model: null, modelSource: 'unresolved', api: 'completion', prompt: { messages: [msg('user', text(t))] } });
      const result = await countInputTokens(call, null, settings);
      assert.equal(result.encoding, 'o200k_base');
      assert.equal(result.count, ref('gpt-4o', t));
      assert.equal(result.exact, false);
      assert.match(result.approximation ?? '', /model unknown/);
    });

    it('the catalog encoding wins over the name', async () => {
      const call = makeCall({ model: 'my-azure-deployment', provider: 'azure-openai', api: 'completion',
        prompt: { messages: [msg('user', text(t))] } });
      const result = await countInputTokens(call, makeModel({ id: 'gpt-4-turbo', encoding: 'cl100k_base' }), settings);
      assert.equal(result.encoding, 'cl100k_base');
      assert.equal(result.exact, true);
      assert.equal(result.count, ref('gpt-4', t));
    });
  });

  describe('images and audio', () => {
    it('images without a known size: 765 tokens each for OpenAI (1024×1024 high detail), approximate', async () => {
      const messages = [msg('user', text('Describe these.'))];
      const plain = await countInputTokens(makeCall({ prompt: { messages } }), null, settings);
      const withImages = await countInputTokens(makeCall({ prompt: { messages, images: 2 } }), null, settings);
      assert.equal(withImages.count, plain.count + 2 * 765);
      assert.equal(withImages.exact, false);
      assert.match(withImages.approximation ?? '', /2 image/);
    });

    it('audio input is flagged dynamic and approximate', async () => {
      const result = await countInputTokens(makeCall({ prompt: { messages: [msg('user', text('Transcribe'))], audio: true } }), null, settings);
      assert.equal(result.dynamic, true);
      assert.equal(result.exact, false);
      assert.match(result.approximation ?? '', /audio/);
    });
  });

  describe('encoder lifecycle', () => {
    it('dispose then reuse: counts stay identical and encoders are re-created', async () => {
      const t = readTokenFixture('emoji.txt');
      const before = await countText(t, 'o200k_base');
      assert.ok(liveEncoderCount() >= 1);
      disposeEncoders();
      assert.equal(liveEncoderCount(), 0);
      const after = await countText(t, 'o200k_base');
      assert.equal(after, before);
      assert.equal(liveEncoderCount(), 1);
    });

    it('dispose while counts are in flight: every count still completes correctly', async () => {
      disposeEncoders();
      const t = readTokenFixture('english.txt');
      const pending = [countText(t, 'o200k_base'), countText(t, 'cl100k_base')];
      disposeEncoders();
      const again = countText(t, 'o200k_base');
      disposeEncoders();
      const [a, b, c] = await Promise.all([...pending, again]);
      assert.equal(a, ref('gpt-4o', t));
      assert.equal(b, ref('gpt-4', t));
      assert.equal(c, ref('gpt-4o', t));
    });

    it('concurrent first use creates one encoder per encoding', async () => {
      disposeEncoders();
      await Promise.all(Array.from({ length: 20 }, (_, i) => countText(`text ${i}`, i % 2 ? 'o200k_base' : 'cl100k_base')));
      assert.equal(liveEncoderCount(), 2);
    });

    it('a missing asset gives a clear error, and counting works again once the assets are there', async () => {
      disposeEncoders();
      setAssetsDir(path.join(REPO_ROOT, 'no-such-dist'));
      try {
        await assert.rejects(countText('hello', 'o200k_base'), /cannot load the o200k_base tokenizer from the assets folder/);
      } finally {
        setAssetsDir(path.join(REPO_ROOT, 'dist'));
      }
      assert.equal(await countText('hello', 'o200k_base'), ref('gpt-4o', 'hello'));
    });

    it('warm-up starts one encoder that the next count reuses', async () => {
      disposeEncoders();
      warmUpEncoder('cl100k_base');
      warmUpEncoder('cl100k_base');
      assert.equal(liveEncoderCount(), 1);
      assert.equal(await countText('warm', 'cl100k_base'), ref('gpt-4', 'warm'));
      assert.equal(liveEncoderCount(), 1);
    });

    it('an empty text is 0 tokens', async () => {
      assert.equal(await countText('', 'o200k_base'), 0);
    });
  });
});
