import * as assert from 'node:assert/strict';
import { get_encoding, get_encoding_name_for_model, type Tiktoken as ReferenceTiktoken, type TiktokenModel } from 'tiktoken';
import { detectCalls } from '../../src/core/detect';
import { resolveModel } from '../../src/core/footprint';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { countInputTokens, disposeEncoders, estimateOutputTokens } from '../../src/core/tokens';
import type { DetectedCall, InputTokens, LanguageId, OutputTokens } from '../../src/core/types';

// End to end through the real detection stage (tree-sitter) and the real catalog: source snippet → counts.
// Expected numbers are built from the full tiktoken package (independent reference) and the cookbook's framing.

const references = new Map<string, ReferenceTiktoken>();
function ref(model: TiktokenModel, text: string): number {
  // The model's encoding from tiktoken's own table, one full-build encoder per encoding (constructing one per
  // model would cost seconds each on a loaded machine).
  const name = get_encoding_name_for_model(model);
  let enc = references.get(name);
  if (!enc) { enc = get_encoding(name); references.set(name, enc); }
  return enc.encode_ordinary(text).length;
}

interface Counted { call: DetectedCall; input: InputTokens; output: OutputTokens }

async function analyse(source: string, language: LanguageId): Promise<Counted> {
  const { calls } = await detectCalls(source, language, {});
  assert.equal(calls.length, 1, `one call detected in:\n${source}`);
  const call = calls[0] as DetectedCall;
  const model = resolveModel(call.model, DEFAULT_SETTINGS).model;
  return { call, input: await countInputTokens(call, model, DEFAULT_SETTINGS), output: estimateOutputTokens(call, model) };
}

describe('tokens: through detection', () => {
  after(() => {
    for (const enc of references.values()) enc.free();
    disposeEncoders();
  });

  it('Python: a constant system prompt, an f-string with a placeholder, a tool schema, n', async () => {
    const { input, output } = await analyse(`
from openai import OpenAI
client = OpenAI()
SYSTEM = "You are a terse assistant."
def ask(q):
    return client.chat.completions.create(
        model="gpt-4o-2024-08-06",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Question: {q} please"}],
        max_completion_tokens=200, n=2,
        tools=[{"type": "function", "function": {"name": "lookup", "description": "Look a word up.", "parameters": {"type": "object", "properties": {}}}}],
    )
`, 'python');
    const m = 'gpt-4o';
    const messages = 2 * 3 + ref(m, 'system') + ref(m, 'user') + ref(m, 'You are a terse assistant.')
      + ref(m, 'Question: ') + ref(m, ' please') + 3;
    const tools = 7 + ref(m, 'lookup:Look a word up') + 12;
    assert.equal(input.encoding, 'o200k_base');
    assert.equal(input.count, messages + tools);
    assert.equal(input.exact, true);
    assert.equal(input.dynamic, true, 'the f-string placeholder is dynamic');
    assert.equal(input.cacheablePrefix, tools + 3 + ref(m, 'system') + ref(m, 'You are a terse assistant.')
      + 3 + ref(m, 'user') + ref(m, 'Question: '));
    assert.deepEqual([output.min, output.typical, output.max], [2, 400, 400], 'n=2 × (1, 200, 200)');
  });

  it('TypeScript: a template literal on gpt-4 is counted with cl100k', async () => {
    const { input, output } = await analyse(`
import OpenAI from 'openai';
const client = new OpenAI();
const SYSTEM = 'Réponds en français, brièvement. 🙂';
export async function ask(q: string) {
  return client.chat.completions.create({ model: 'gpt-4', max_tokens: 100,
    messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: \`Question: \${q} — merci\` }] });
}
`, 'typescript');
    const m = 'gpt-4';
    assert.equal(input.encoding, 'cl100k_base');
    assert.equal(input.count, 2 * 3 + ref(m, 'system') + ref(m, 'user') + ref(m, 'Réponds en français, brièvement. 🙂')
      + ref(m, 'Question: ') + ref(m, ' — merci') + 3);
    assert.equal(input.dynamic, true);
    assert.equal(output.max, 100);
  });

  const caps: Array<[label: string, language: LanguageId, source: string, name: string, value: number]> = [
    ['anthropic max_tokens', 'python', `import anthropic
client = anthropic.Anthropic()
client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": "Hello there"}])
`, 'max_tokens', 1024],
    ['google-genai max_output_tokens', 'python', `from google import genai
from google.genai import types
client = genai.Client()
client.models.generate_content(model="gemini-2.5-flash", contents="Name three colours.",
    config=types.GenerateContentConfig(max_output_tokens=256))
`, 'max_output_tokens', 256],
    ['vercel ai maxOutputTokens', 'typescript', `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
await generateText({ model: openai('gpt-4o-mini'), prompt: 'Write a haiku.', maxOutputTokens: 300 });
`, 'maxOutputTokens', 300],
    ['ollama num_predict', 'python', `import ollama
ollama.chat(model="llama3.1", messages=[{"role": "user", "content": "Hi"}], options={"num_predict": 128})
`, 'num_predict', 128],
    ['langchain max_tokens', 'python', `from langchain_openai import ChatOpenAI
llm = ChatOpenAI(model="gpt-4o", max_tokens=100)
llm.invoke("Tell me a joke")
`, 'max_tokens', 100],
  ];
  for (const [label, language, source, name, value] of caps) {
    it(`output cap flows through: ${label}`, async () => {
      const { output } = await analyse(source, language);
      assert.equal(output.max, value);
      assert.ok(output.basis.some((b) => b.startsWith(`${name}=`)), output.basis.join(' | '));
    });
  }

  it('Anthropic: approximate count, thinking budget as reasoning', async () => {
    const { input, output } = await analyse(`import anthropic
client = anthropic.Anthropic()
PROMPT = "Summarize the ticket in one line."
client.messages.create(model="claude-sonnet-4-5", max_tokens=4096, system=PROMPT,
    messages=[{"role": "user", "content": "The printer is on fire."}], thinking={"type": "enabled", "budget_tokens": 2048})
`, 'python');
    assert.equal(input.exact, false);
    assert.match(input.approximation ?? '', /Claude/);
    assert.equal(output.reasoning.typical, 2048);
    assert.equal(output.max, 4096);
  });

  it('Responses API on gpt-5 with high effort: reasoning capped by max_output_tokens', async () => {
    const { input, output } = await analyse(`from openai import OpenAI
client = OpenAI()
client.responses.create(model="gpt-5", input="Plan a trip.", max_output_tokens=1000, reasoning={"effort": "high"})
`, 'python');
    assert.equal(input.encoding, 'o200k_base');
    assert.equal(input.count, 3 + ref('gpt-4o', 'user') + ref('gpt-4o', 'Plan a trip.') + 3);
    assert.equal(output.reasoning.typical, 1000);
    assert.equal(output.typical, 1000);
  });

  it('embeddings: plain text in, nothing generated', async () => {
    const { input, output } = await analyse(`import OpenAI from 'openai';
const client = new OpenAI();
await client.embeddings.create({ model: 'text-embedding-3-small', input: 'The food was delicious.' });
`, 'typescript');
    assert.equal(input.count, ref('text-embedding-3-small', 'The food was delicious.'));
    assert.equal(output.max, 0);
  });
});
