import * as assert from 'node:assert/strict';
import { code, detect } from './detectHelpers';

// The engine's shortcuts around web-tree-sitter round trips (fileIndex.ts, expr.ts, context.ts) each have a general
// path they must agree with: these inputs sit on the edge between the two.

describe('detect: fast paths agree with the general ones', () => {
  it('reads a class attribute and a decorated property of a Python class (methods/attributes told by the query)', async () => {
    const calls = await detect(code`
      from openai import OpenAI

      class Bot:
          MODEL = "gpt-4o-mini"

          @property
          def client(self):
              return OpenAI()

          def run(self, text):
              return self.client.chat.completions.create(model=self.MODEL, messages=[{"role": "user", "content": text}])
    `, 'python');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.model, 'gpt-4o-mini');
    assert.equal(calls[0]?.provider, 'openai');
  });

  it('an assignment in a branch of a class body is not a class attribute', async () => {
    const calls = await detect(code`
      from openai import OpenAI
      client = OpenAI()

      class Bot:
          if True:
              MODEL = "gpt-4o-mini"

      def run(text):
          return client.chat.completions.create(model=Bot.MODEL, messages=[])
    `, 'python');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.model, null);
  });

  it('finds an SDK function imported under a non-ASCII alias (callee text falls back to the node)', async () => {
    const calls = await detect(code`
      from litellm import completion as complétion

      def ask(q):
          return complétion(model="gpt-4o", messages=[{"role": "user", "content": q}])
    `, 'python');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.model, 'gpt-4o');
    assert.equal(calls[0]?.callee, 'complétion');
  });

  it('keeps plain, raw, byte and f-string prompt text exact, with ranges inside the quotes', async () => {
    const text = code`
      from openai import OpenAI
      c = OpenAI()
      c.chat.completions.create(model='gpt-4o', messages=[
          {"role": "system", "content": r"Use \\d+ digits"},
          {"role": "user", "content": """Line one
      line two"""},
          {"role": "user", "content": f"Hi {name}"},
      ])
    `;
    const calls = await detect(text, 'python');
    assert.equal(calls.length, 1);
    const parts = calls[0]?.prompt.messages.flatMap((m) => m.parts) ?? [];
    const statics = parts.filter((p) => p.kind === 'static').map((p) => p.kind === 'static' ? p.text : '');
    assert.deepEqual(statics, ['Use \\d+ digits', 'Line one\nline two', 'Hi ']);
    const first = parts[0];
    assert.ok(first?.range);
    const line = text.split('\n')[first.range.start.line] ?? '';
    assert.equal(line.slice(first.range.start.character, first.range.end.character), 'Use \\d+ digits');
  });

  it('loop, handler and volume context of calls deep in a long module (parents from one root descent)', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `def f${i}(x):\n    return x + ${i}\n`).join('\n');
    const calls = await detect(`${code`
      from openai import OpenAI
      c = OpenAI()
    `}${filler}
# llm-footprint: 2k calls/day
@app.post("/ask")
def ask(items):
    for item in items:
        c.embeddings.create(model="text-embedding-3-small", input=item)
`, 'python');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.loop?.kind, 'for');
    assert.equal(calls[0]?.loop?.iterable, 'items');
    assert.equal(calls[0]?.volume?.callsPerDay, 2000);
  });
});
