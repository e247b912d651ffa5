import * as assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect';
import type { LanguageId } from '../../src/core/types';

// Re-detecting an edited document reuses its previous syntax tree (an incremental parse). Whatever the edit, the
// result must be exactly what a fresh parse of the new text gives.

const PY = `from openai import OpenAI
client = OpenAI()
MODEL = "gpt-4o"

def ask(q):
    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": q}])

def summarise(text):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": text}])
`;
const TS = `import Anthropic from '@anthropic-ai/sdk';
const a = new Anthropic();
export async function ask(q: string) {
  return a.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 256, messages: [{ role: 'user', content: q }] });
}
`;

async function same(language: LanguageId, file: string, texts: string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    const reused = await detectCalls(text, language, { file });
    const fresh = await detectCalls(text, language);
    assert.deepEqual(reused, fresh, `edit ${i}`);
  }
}

describe('detect: re-detecting an edited document (incremental parse)', () => {
  it('python: typing, a changed model, a removed and an added call, a broken then fixed line, a CRLF rewrite', async () => {
    const texts = [
      PY,
      PY.replace('\ndef ask', '\n# a comment typed above\ndef ask'),
      PY.replace('"gpt-4o"', '"gpt-4.1"'),
      PY.replace(/def summarise[\s\S]*$/, ''),
      `${PY}\nfor t in texts:\n    summarise(t)\n    client.embeddings.create(model="text-embedding-3-small", input=t)\n`,
      PY.replace('def ask(q):', 'def ask(q:'),
      PY,
      PY.replace(/\n/g, '\r\n'),
      '',
      PY,
    ];
    await same('python', '/w/app/incremental.py', texts);
    const last = await detectCalls(texts[4]!, 'python', { file: '/w/app/incremental.py' });
    assert.deepEqual(last.calls.map((c) => [c.range.start.line, c.model]), [[5, 'gpt-4o'], [8, 'gpt-4o-mini'], [12, 'text-embedding-3-small']]);
  });

  it('typescript: edits before, inside and after the call, non-ASCII text before it', async () => {
    await same('typescript', '/w/src/incremental.ts', [
      TS,
      TS.replace("'claude-3-5-haiku-latest'", "'claude-sonnet-4-20250514'"),
      `// é — ✓ 🚀\n${TS}`,
      TS.replace('max_tokens: 256', 'max_tokens: 4096, temperature: 0'),
      `${TS}export const b = () => a.messages.create({ model: 'claude-3-opus-latest', max_tokens: 1, messages: [] });\n`,
      TS,
    ]);
  });

  it('the same path in another language is a different document', async () => {
    const py = await detectCalls(PY, 'python', { file: '/w/shared-name' });
    const ts = await detectCalls(TS, 'typescript', { file: '/w/shared-name' });
    assert.equal(py.calls.length, 2);
    assert.equal(ts.calls.length, 1);
  });
});
