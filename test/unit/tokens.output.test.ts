import * as assert from 'node:assert/strict';
import { estimateOutputTokens } from '../../src/core/tokens';
import type { CallParams } from '../../src/core/types';
import { makeCall, makeModel } from './tokensFixtures';

const gpt4o = makeModel();
const o3 = makeModel({ id: 'o3', reasoning: true, maxOutputTokens: 100_000, contextWindow: 200_000 });

describe('tokens: output estimate', () => {
  describe('max comes from the call\'s cap under any SDK\'s name', () => {
    // The detection stage normalises every SDK's name into params.maxOutputTokens and keeps the original name.
    const names: Array<[sdk: string, name: string]> = [
      ['openai (chat, legacy)', 'max_tokens'],
      ['openai (chat, reasoning)', 'max_completion_tokens'],
      ['openai (responses)', 'max_output_tokens'],
      ['anthropic', 'max_tokens'],
      ['google genai / vercel ai', 'maxOutputTokens'],
      ['google-generativeai (python)', 'max_output_tokens'],
      ['langchain js', 'maxTokens'],
      ['ollama', 'num_predict'],
      ['cohere', 'max_tokens'],
      ['bedrock converse', 'maxTokens'],
    ];
    for (const [sdk, name] of names) {
      it(`${sdk}: ${name}=500`, () => {
        const out = estimateOutputTokens(makeCall({ params: { maxOutputTokens: { name, value: 500 } } }), gpt4o);
        assert.equal(out.max, 500);
        assert.equal(out.typical, 300);
        assert.equal(out.min, 1);
        assert.ok(out.basis.some((b) => b.startsWith(`${name}=500`)), out.basis.join(' | '));
      });
    }

    it('a cap below the typical answer caps the typical too', () => {
      const out = estimateOutputTokens(makeCall({ params: { maxOutputTokens: { name: 'max_tokens', value: 20 } } }), gpt4o);
      assert.deepEqual([out.min, out.typical, out.max], [1, 20, 20]);
    });

    it('a cap above the model maximum is clamped to it', () => {
      const out = estimateOutputTokens(makeCall({ params: { maxOutputTokens: { name: 'max_tokens', value: 50_000 } } }), gpt4o);
      assert.equal(out.max, 16_384);
      assert.match(out.basis[0] ?? '', /above the model maximum/);
    });

    it('no cap: the model maximum from the catalog', () => {
      const out = estimateOutputTokens(makeCall(), gpt4o);
      assert.equal(out.max, 16_384);
      assert.match(out.basis.join(' '), /no output cap in code: model maximum 16,384/);
    });

    it('a cap that is not a constant: the model maximum, and we say why', () => {
      const out = estimateOutputTokens(makeCall({ params: { maxOutputTokens: { name: 'max_tokens', value: null } } }), gpt4o);
      assert.equal(out.max, 16_384);
      assert.match(out.basis.join(' '), /max_tokens is not a constant/);
    });

    it('no cap and unknown model: a stated default maximum', () => {
      const out = estimateOutputTokens(makeCall({ model: 'mystery-model' }), null);
      assert.equal(out.max, 16_384);
      assert.match(out.basis.join(' '), /model unknown: assumed maximum/);
      assert.equal(out.typical, 300);
      assert.match(out.basis.join(' '), /Microsoft/);
    });
  });

  describe('API kinds', () => {
    it('embeddings produce 0 tokens', () => {
      const out = estimateOutputTokens(makeCall({ api: 'embeddings', model: 'text-embedding-3-small' }), null);
      assert.deepEqual([out.min, out.typical, out.max], [0, 0, 0]);
      assert.match(out.basis[0] ?? '', /embeddings/);
    });

    it('an embedding model is recognised from the catalog even if the API kind is unclear', () => {
      const out = estimateOutputTokens(makeCall({ api: 'other' }), makeModel({ id: 'text-embedding-3-large', kind: 'embedding' }));
      assert.equal(out.max, 0);
    });

    for (const api of ['image', 'audio'] as const) {
      it(`${api}: 0 text tokens, and the basis says so`, () => {
        const out = estimateOutputTokens(makeCall({ api }), null);
        assert.deepEqual([out.min, out.typical, out.max], [0, 0, 0]);
        assert.match(out.basis[0] ?? '', /0 text tokens/);
      });
    }
  });

  describe('reasoning tokens', () => {
    const effort = (reasoningEffort: string, params: CallParams = {}) =>
      estimateOutputTokens(makeCall({ model: 'o3', params: { ...params, reasoningEffort } }), o3);

    it('by effort: minimal 0, low 1,000, medium 4,000, high 8,000', () => {
      assert.equal(effort('minimal').reasoning.typical, 0);
      assert.equal(effort('low').reasoning.typical, 1_000);
      assert.equal(effort('medium').reasoning.typical, 4_000);
      assert.equal(effort('high').reasoning.typical, 8_000);
      assert.equal(effort('high').typical, 8_000 + 300, 'visible answer + reasoning');
      assert.match(effort('high').basis.join(' '), /reasoning effort "high" ≈ 8,000/);
    });

    it('effort not set on a reasoning model: OpenAI\'s default medium', () => {
      const out = estimateOutputTokens(makeCall({ model: 'o3' }), o3);
      assert.equal(out.reasoning.typical, 4_000);
      assert.match(out.basis.join(' '), /default "medium"/);
    });

    it('name-based fallback when the catalog does not know the model', () => {
      for (const name of ['o1-2024-12-17', 'o4-mini', 'gpt-5', 'openai/gpt-5-mini', 'gpt-oss-120b', 'deepseek-reasoner']) {
        const out = estimateOutputTokens(makeCall({ model: name }), null);
        assert.equal(out.reasoning.typical, 4_000, name);
      }
      for (const name of ['gpt-4o', 'gpt-5-chat-latest', 'gpt-4.1-mini', 'claude-opus-4-1']) {
        const out = estimateOutputTokens(makeCall({ model: name }), null);
        assert.equal(out.reasoning.typical, 0, name);
      }
    });

    it('reasoning is capped by the max output tokens', () => {
      const out = effort('high', { maxOutputTokens: { name: 'max_completion_tokens', value: 2_000 } });
      assert.equal(out.reasoning.typical, 2_000);
      assert.equal(out.typical, 2_000);
      assert.equal(out.max, 2_000);
      assert.match(out.basis.join(' '), /capped by the maximum 2,000/);
    });

    it('thinking budget (Anthropic / Gemini) sets reasoning, even when the catalog does not mark the model', () => {
      const claude = makeModel({ id: 'claude-sonnet-4-5', vendor: 'anthropic', provider: 'anthropic', reasoning: true, maxOutputTokens: 64_000 });
      const call = makeCall({ model: 'claude-sonnet-4-5', provider: 'anthropic',
        params: { maxOutputTokens: { name: 'max_tokens', value: 16_000 }, thinkingBudget: 10_000 } });
      const out = estimateOutputTokens(call, claude);
      assert.equal(out.reasoning.typical, 10_000);
      assert.equal(out.typical, 10_300);
      const noThinking = estimateOutputTokens(makeCall({ model: 'claude-sonnet-4-5', provider: 'anthropic' }), claude);
      assert.equal(noThinking.reasoning.typical, 0, 'Claude only thinks when the request enables it');
    });

    it('Gemini Flash-Lite thinks only when asked, even if the catalog marks it as reasoning', () => {
      const lite = makeModel({ id: 'gemini-2.5-flash-lite', vendor: 'google', provider: 'google', reasoning: true, maxOutputTokens: 65_536 });
      assert.equal(estimateOutputTokens(makeCall({ model: 'gemini-2.5-flash-lite', provider: 'google' }), lite).reasoning.typical, 0);
      const budget = makeCall({ model: 'gemini-2.5-flash-lite', provider: 'google', params: { thinkingBudget: 512 } });
      assert.equal(estimateOutputTokens(budget, lite).reasoning.typical, 512);
      const flash = makeModel({ id: 'gemini-2.5-flash', vendor: 'google', provider: 'google', reasoning: true, maxOutputTokens: 65_536 });
      assert.equal(estimateOutputTokens(makeCall({ model: 'gemini-2.5-flash', provider: 'google' }), flash).reasoning.typical, 4_000);
    });

    it('an effort level beyond our table is taken as high and said to be a lower bound', () => {
      const out = effort('xhigh');
      assert.equal(out.reasoning.typical, 8_000);
      assert.match(out.basis.join(' '), /not in our table/);
    });
  });

  describe('n completions', () => {
    it('n multiplies min, typical, max and reasoning', () => {
      const one = estimateOutputTokens(makeCall({ model: 'o3', params: { reasoningEffort: 'low', maxOutputTokens: { name: 'max_completion_tokens', value: 5_000 } } }), o3);
      const three = estimateOutputTokens(makeCall({ model: 'o3', params: { n: 3, reasoningEffort: 'low', maxOutputTokens: { name: 'max_completion_tokens', value: 5_000 } } }), o3);
      assert.deepEqual([three.min, three.typical, three.max], [one.min * 3, one.typical * 3, one.max * 3]);
      assert.equal(three.reasoning.typical, one.reasoning.typical * 3);
      assert.match(three.basis.join(' '), /n=3/);
    });
  });

  it('always min ≤ typical ≤ max, min ≥ 1 for generative calls', () => {
    const caps = [undefined, 1, 50, 300, 4_000, null];
    const efforts = [undefined, 'minimal', 'low', 'medium', 'high'];
    for (const cap of caps) {
      for (const e of efforts) {
        const params: CallParams = {};
        if (cap !== undefined) params.maxOutputTokens = { name: 'max_tokens', value: cap };
        if (e !== undefined) params.reasoningEffort = e;
        const out = estimateOutputTokens(makeCall({ model: 'o3', params }), o3);
        assert.ok(out.min >= 1 && out.min <= out.typical && out.typical <= out.max, JSON.stringify([cap, e, out]));
        assert.ok(out.reasoning.typical <= out.max);
      }
    }
  });
});
