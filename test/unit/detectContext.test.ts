import * as assert from 'node:assert/strict';
import { detectCalls, disposeDetection, hasSdkMarkers, languageFromPath } from '../../src/core/detect';
import type { LanguageId } from '../../src/core/types';
import { code, detect, lineOf, posOf } from './detectHelpers';

describe('detect: loop context', () => {
  const cases: [string, LanguageId, string, string | undefined, string | undefined][] = [
    ['python for loop', 'python', code`
      from openai import OpenAI
      c = OpenAI()
      for doc in documents:
          c.embeddings.create(model="text-embedding-3-small", input=doc)
    `, 'for', 'documents'],
    ['python comprehension', 'python', code`
      from openai import OpenAI
      c = OpenAI()
      out = [c.embeddings.create(model="text-embedding-3-small", input=d) for d in docs]
    `, 'comprehension', 'docs'],
    ['python while', 'python', code`
      import anthropic
      a = anthropic.Anthropic()
      while True:
          a.messages.create(model="claude-3-haiku-20240307", max_tokens=5, messages=[])
    `, 'while', undefined],
    ['call in the iterable runs once', 'python', code`
      from openai import OpenAI
      c = OpenAI()
      for choice in c.chat.completions.create(model="gpt-4o", messages=[], n=3).choices:
          print(choice)
    `, undefined, undefined],
    ['flask handler', 'python', code`
      from openai import OpenAI
      c = OpenAI()
      @app.route("/ask", methods=["POST"])
      def ask():
          return c.chat.completions.create(model="gpt-4o", messages=[])
    `, 'handler', undefined],
    ['js map callback', 'typescript', code`
      import OpenAI from 'openai';
      const c = new OpenAI();
      const results = items.map((it) => c.chat.completions.create({ model: 'gpt-4o', messages: [] }));
    `, 'map', 'items'],
    ['js Promise.all over a map', 'typescript', code`
      import OpenAI from 'openai';
      const c = new OpenAI();
      await Promise.all(items.map(async (it) => {
        return c.chat.completions.create({ model: 'gpt-4o', messages: [] });
      }));
    `, 'promise-all', 'items'],
    ['js for-of', 'typescript', code`
      import OpenAI from 'openai';
      const c = new OpenAI();
      for (const row of rows) {
        await c.chat.completions.create({ model: 'gpt-4o', messages: [] });
      }
    `, 'for', 'rows'],
    ['express handler', 'typescript', code`
      import OpenAI from 'openai';
      const c = new OpenAI();
      app.post('/chat', async (req, res) => {
        res.json(await c.chat.completions.create({ model: 'gpt-4o', messages: [] }));
      });
    `, 'handler', undefined],
    ['function defined in a loop body but not called there is not a loop', 'python', code`
      from openai import OpenAI
      c = OpenAI()
      def make():
          return c.chat.completions.create(model="gpt-4o", messages=[])
    `, undefined, undefined],
  ];
  for (const [name, lang, src, kind, iterable] of cases) {
    it(name, async () => {
      const [call] = await detect(src, lang);
      assert.ok(call, 'call found');
      assert.equal(call.loop?.kind, kind);
      if (iterable !== undefined) assert.equal(call.loop?.iterable, iterable);
    });
  }
});

describe('detect: volume annotations', () => {
  it('on the line above, with a k suffix', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\n# llm-footprint: 20k calls/day\nc.chat.completions.create(model="gpt-4o", messages=[])\n';
    const [call] = await detect(src, 'python');
    assert.equal(call!.volume?.callsPerDay, 20000);
    assert.equal(call!.volume?.range.start.line, 2);
  });
  it('on the call line, per hour, JS comment', async () => {
    const src = 'import OpenAI from "openai";\nnew OpenAI().chat.completions.create({ model: "gpt-4o", messages: [] }); // llm-footprint: 500 calls/hour\n';
    const [call] = await detect(src, 'typescript');
    assert.equal(call!.volume?.callsPerDay, 12000);
  });
  it('above the enclosing function (and its decorators), with an M suffix', async () => {
    const src = code`
      from openai import OpenAI
      c = OpenAI()
      # llm-footprint: 1.5M calls/day
      @retry
      def classify(text):
          prompt = f"Classify: {text}"
          return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    `;
    const [call] = await detect(src, 'python');
    assert.equal(call!.volume?.callsPerDay, 1_500_000);
  });
  it('ignores an annotation that belongs to nothing nearby', async () => {
    const src = '# llm-footprint: 100 calls/day\nimport os\n\nfrom openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n';
    const [call] = await detect(src, 'python');
    assert.equal(call!.volume, undefined);
  });
});

describe('detect: positions and robustness', () => {
  it('starts the range at the call expression, not at an enclosing await', async () => {
    const src = 'import OpenAI from "openai";\nconst c = new OpenAI();\nconst r = await c.chat.completions.create({ model: "gpt-4o", messages: [] });\n';
    const [call] = await detect(src, 'typescript');
    assert.deepEqual(call!.range.start, posOf(src, 'c.chat'));
    assert.deepEqual(call!.range.end, { line: 2, character: src.split('\n')[2]!.length - 1 });
  });

  it('counts columns in UTF-16 code units after non-ASCII text', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\nx = "héllo 😀"; c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "ça va 🚀"}])\n';
    const [call] = await detect(src, 'python');
    assert.deepEqual(call!.range.start, posOf(src, 'c.chat'));
    assert.equal(call!.range.start.character, 16);
    const part = call!.prompt.messages[0]!.parts[0]!;
    assert.equal(part.kind === 'static' && part.text, 'ça va 🚀');
    assert.deepEqual(part.range!.start, posOf(src, 'ça va'));
    assert.deepEqual(call!.modelRange!.start, posOf(src, '"gpt-4o"'));
  });

  it('handles CRLF line endings', async () => {
    const src = 'from openai import OpenAI\r\nc = OpenAI()\r\n\r\n    \r\nc.chat.completions.create(model="gpt-4o", messages=[])\r\n';
    const [call] = await detect(src, 'python');
    assert.deepEqual(call!.range.start, { line: 4, character: 0 });
    assert.deepEqual(call!.modelRange, { start: { line: 4, character: 32 }, end: { line: 4, character: 40 } });
  });

  it('does not count a leading BOM in columns (editors hide it)', async () => {
    const src = '\uFEFFimport OpenAI from "openai"; new OpenAI().chat.completions.create({ model: "gpt-4o", messages: [] });\n';
    const [call] = await detect(src, 'javascript');
    assert.deepEqual(call!.range.start, { line: 0, character: src.indexOf('new OpenAI') - 1 });
    assert.equal(call!.model, 'gpt-4o');
  });

  it('finds good calls around a syntax error and says so in the notes', async () => {
    const src = code`
      from openai import OpenAI
      c = OpenAI()
      c.chat.completions.create(model="gpt-4o", messages=[])
      def broken(:
          pass
      c.chat.completions.create(model="gpt-4o-mini", messages=[])
    `;
    const r = await detectCalls(src, 'python');
    assert.deepEqual(r.calls.map((c) => c.model), ['gpt-4o', 'gpt-4o-mini']);
    assert.deepEqual(r.calls.map((c) => c.range.start.line), [lineOf(src, 'c.chat'), lineOf(src, 'c.chat.completions.create(model="gpt-4o-mini"')]);
    assert.ok(r.notes.some((n) => /syntax/.test(n)));
  });

  it('survives a TS file with an unterminated block', async () => {
    const src = 'import OpenAI from "openai";\nconst c = new OpenAI();\nc.chat.completions.create({ model: "gpt-4o", messages: [] });\nfunction f( {\n  if (x\n';
    const r = await detectCalls(src, 'typescript');
    assert.equal(r.calls.length, 1);
  });

  it('stops between calls when cancelled', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\n' + 'c.chat.completions.create(model="gpt-4o", messages=[])\n'.repeat(5);
    const r = await detectCalls(src, 'python', { token: { isCancellationRequested: true } });
    assert.equal(r.calls.length, 0);
  });

  it('handles a large file with many calls', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `def f${i}(x):\n    return c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": x}])\n`).join('');
    const src = 'from openai import OpenAI\nc = OpenAI()\n' + body;
    const r = await detectCalls(src, 'python');
    assert.equal(r.calls.length, 2000);
    assert.equal(r.calls[1999]!.range.start.line, 2 + 1999 * 2 + 1);
  });

  it('frees its parsers and loads them again on next use', async () => {
    disposeDetection();
    const [call] = await detect('import ollama\nollama.generate(model="llama3", prompt="x")\n', 'python');
    assert.equal(call!.provider, 'ollama');
  });

  it('maps file extensions to languages', () => {
    assert.equal(languageFromPath('a/b.py'), 'python');
    assert.equal(languageFromPath('x.TSX'), 'typescriptreact');
    assert.equal(languageFromPath('x.mjs'), 'javascript');
    assert.equal(languageFromPath('x.jsx'), 'javascriptreact');
    assert.equal(languageFromPath('x.cts'), 'typescript');
    assert.equal(languageFromPath('Makefile'), null);
    assert.equal(languageFromPath('dir.py/README'), null);
  });
});

describe('detect: lexical prefilter', () => {
  it('says no for ordinary code and yes wherever the engine could find a call', async () => {
    assert.equal(hasSdkMarkers('import os\nprint(requests.get("https://example.com"))\n'), false);
    assert.equal(hasSdkMarkers('const x = [1, 2, 3].map((n) => n * 2);\n'), false);
    for (const src of [
      'import openai', 'from anthropic import Anthropic', "import { generateText } from 'ai'", 'import ollama',
      'requests.post("http://localhost:11434/api/chat")', 'def f(client):\n    client.chat.completions.create(model="x")',
      'const r = await fetch("https://generativelanguage.googleapis.com/v1beta/models/x:generateContent")',
      'rt.invoke_model(modelId="amazon.titan")', "require('@langchain/openai')", 'from app.llm import llm\nllm.invoke(q)',
    ]) assert.equal(hasSdkMarkers(src), true, src);
  });

  it('never hides a detectable call (every call found implies markers)', async () => {
    const src = 'def f(client):\n    return client.chat.completions.create(model="gpt-4o", messages=[])\n';
    const calls = await detect(src, 'python');
    assert.equal(calls.length, 1);
    assert.equal(hasSdkMarkers(src), true);
  });
});

describe('detect: hostile input', () => {
  it('never throws on random text, binary-looking bytes or pathological nesting', async () => {
    let seed = 42;
    const rand = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const alphabet = 'openai.chat.completions.create(model="gpt-4o", messages=[{role: "user"}]) \n\t{}[]()`${}\\"\'#//\u0000\uFFFD😀é';
    for (let i = 0; i < 30; i++) {
      const text = Array.from({ length: 400 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      for (const lang of ['python', 'typescript', 'javascript', 'typescriptreact'] as const) {
        const r = await detectCalls(`import openai\nimport OpenAI from 'openai'\n${text}`, lang);
        assert.ok(Array.isArray(r.calls));
      }
    }
    const deep = `from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=${'['.repeat(3000)}${']'.repeat(3000)})\n`;
    const r = await detectCalls(deep, 'python');
    assert.equal(r.calls.length, 1);
    const escapes = 'import OpenAI from "openai";\nnew OpenAI().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "\\u{FFFFFFF} \\x4" }] });\n';
    assert.equal((await detectCalls(escapes, 'typescript')).calls.length, 1);
  });
});
