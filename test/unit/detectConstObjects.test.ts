import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { LanguageId, ModelSource } from '../../src/core/types';
import { findObjectMember } from '../../src/core/detect/crossFile';
import { code, detect, posOf } from './detectHelpers';

// A model read from a key of a same-file constant object: `MODELS.fast`, `MODELS["fast"]`, one level of nesting, and
// class attributes through the class name. A dynamic key picks the model at run time and must stay unresolved.

interface Row {
  name: string;
  language: LanguageId;
  src: string;
  model: string | null;
  source: ModelSource;
}

const js = (name: string, src: string, model: string | null, source: ModelSource): Row => ({ name, language: 'javascript', src, model, source });
const ts = (name: string, src: string, model: string | null, source: ModelSource): Row => ({ name, language: 'typescript', src, model, source });
const py = (name: string, src: string, model: string | null, source: ModelSource): Row => ({ name, language: 'python', src, model, source });

const ROWS: Row[] = [
  js('dot access', code`
    import Anthropic from '@anthropic-ai/sdk';
    const client = new Anthropic();
    const MODELS = { fast: 'claude-3-5-haiku-20241022', smart: 'claude-opus-4-20250514' };
    export async function run(text) {
      return client.messages.create({ model: MODELS.smart, max_tokens: 32, messages: [{ role: 'user', content: text }] });
    }
  `, 'claude-opus-4-20250514', 'constant'),
  js('string subscript', code`
    import OpenAI from 'openai';
    const MODELS = { 'fast-tier': 'gpt-4o-mini', smart: 'gpt-4o' };
    new OpenAI().chat.completions.create({ model: MODELS['fast-tier'], messages: [] });
  `, 'gpt-4o-mini', 'constant'),
  js('dynamic key stays unresolved', code`
    import OpenAI from 'openai';
    const MODELS = { fast: 'gpt-4o-mini', smart: 'gpt-4o' };
    export function run(quality) {
      return new OpenAI().chat.completions.create({ model: MODELS[quality], messages: [] });
    }
  `, null, 'unresolved'),
  js('template-literal key with a substitution stays unresolved', code`
    import OpenAI from 'openai';
    const MODELS = { fast: 'gpt-4o-mini' };
    export function run(q) {
      return new OpenAI().chat.completions.create({ model: MODELS[\`\${q}\`], messages: [] });
    }
  `, null, 'unresolved'),
  js('a key the object does not have stays unresolved', code`
    import OpenAI from 'openai';
    const MODELS = { fast: 'gpt-4o-mini' };
    new OpenAI().chat.completions.create({ model: MODELS.smart, messages: [] });
  `, null, 'unresolved'),
  js('the object wins over a class field of the same name elsewhere in the file', code`
    import OpenAI from 'openai';
    class Legacy { fast = 'gpt-3.5-turbo'; }
    const MODELS = { fast: 'gpt-4o-mini' };
    new OpenAI().chat.completions.create({ model: MODELS.fast, messages: [] });
  `, 'gpt-4o-mini', 'constant'),
  ts('nested object, one level, `as const`', code`
    import OpenAI from 'openai';
    const CONFIG = { models: { chat: 'gpt-4.1-mini', embed: 'text-embedding-3-small' } } as const;
    const openai = new OpenAI();
    export const go = () => openai.chat.completions.create({ model: CONFIG.models.chat, messages: [] });
  `, 'gpt-4.1-mini', 'constant'),
  ts('nested object mixing subscript and dot', code`
    import OpenAI from 'openai';
    const CONFIG = { models: { chat: 'gpt-4.1-nano' } };
    new OpenAI().chat.completions.create({ model: CONFIG['models'].chat, messages: [] });
  `, 'gpt-4.1-nano', 'constant'),
  ts('a class field holding the object, read through this', code`
    import OpenAI from 'openai';
    export class Svc {
      private models = { fast: 'o4-mini' };
      private client = new OpenAI();
      run() { return this.client.chat.completions.create({ model: this.models.fast, messages: [] }); }
    }
  `, 'o4-mini', 'constant'),
  ts('an env fallback inside the object keeps its label', code`
    import OpenAI from 'openai';
    const MODELS = { fast: process.env.FAST_MODEL ?? 'gpt-4o-mini' };
    new OpenAI().chat.completions.create({ model: MODELS.fast, messages: [] });
  `, 'gpt-4o-mini', 'env-default'),
  py('string subscript', code`
    from openai import OpenAI
    MODELS = {"fast": "gpt-4o-mini", "smart": "gpt-4o"}
    client = OpenAI()
    def run(q):
        return client.chat.completions.create(model=MODELS["fast"], messages=[])
  `, 'gpt-4o-mini', 'constant'),
  py('dynamic key stays unresolved', code`
    from openai import OpenAI
    MODELS = {"fast": "gpt-4o-mini", "smart": "gpt-4o"}
    client = OpenAI()
    def run(quality):
        return client.chat.completions.create(model=MODELS[quality], messages=[])
  `, null, 'unresolved'),
  py('f-string key stays unresolved', code`
    from openai import OpenAI
    MODELS = {"fast": "gpt-4o-mini"}
    def run(q):
        return OpenAI().chat.completions.create(model=MODELS[f"{q}"], messages=[])
  `, null, 'unresolved'),
  py('nested dict, one level', code`
    import anthropic
    CONFIG = {"models": {"chat": "claude-sonnet-4-20250514"}, "max_tokens": 512}
    anthropic.Anthropic().messages.create(model=CONFIG["models"]["chat"], max_tokens=10, messages=[])
  `, 'claude-sonnet-4-20250514', 'constant'),
  py('dict(...) call', code`
    from openai import OpenAI
    MODELS = dict(fast="gpt-4.1-mini", smart="gpt-4.1")
    OpenAI().chat.completions.create(model=MODELS["smart"], messages=[])
  `, 'gpt-4.1', 'constant'),
  py('a dict on self', code`
    from openai import OpenAI
    class Agent:
        def __init__(self):
            self.models = {"fast": "gpt-4o-mini"}
            self.client = OpenAI()
        def run(self):
            return self.client.chat.completions.create(model=self.models["fast"], messages=[])
  `, 'gpt-4o-mini', 'constant'),
  py('class attribute through the class name', code`
    from openai import OpenAI
    class Config:
        MODEL = "gpt-4.1-mini"
    OpenAI().chat.completions.create(model=Config.MODEL, messages=[])
  `, 'gpt-4.1-mini', 'constant'),
  py('an env fallback inside the dict keeps its label', code`
    import os
    from openai import OpenAI
    MODELS = {"fast": os.getenv("FAST_MODEL", "gpt-4o-mini")}
    OpenAI().chat.completions.create(model=MODELS["fast"], messages=[])
  `, 'gpt-4o-mini', 'env-default'),
];

describe('detect: models in keys of constant objects', () => {
  for (const row of ROWS) {
    it(`${row.language}: ${row.name}`, async () => {
      const calls = await detect(row.src, row.language);
      assert.equal(calls.length, 1, `calls: ${calls.map((c) => c.callee).join(', ')}`);
      assert.equal(calls[0]!.model, row.model);
      assert.equal(calls[0]!.modelSource, row.source);
    });
  }

  it('gives the range of the literal inside the object, so a fix rewrites the entry', async () => {
    const src = code`
      import OpenAI from 'openai';
      const MODELS = { fast: 'gpt-4o-mini', smart: 'gpt-4o' };
      new OpenAI().chat.completions.create({ model: MODELS.smart, messages: [] });
    `;
    const [c] = await detect(src, 'typescript');
    const start = posOf(src, "'gpt-4o'");
    assert.deepEqual(c!.modelRange, { start, end: { line: start.line, character: start.character + "'gpt-4o'".length } });
  });

  it('resolves both reads of the holdout shape: the dot access, not the dynamic key', async () => {
    const src = code`
      import Anthropic from '@anthropic-ai/sdk';
      const client = new Anthropic();
      const MODELS = { fast: 'claude-3-5-haiku-20241022', smart: 'claude-opus-4-20250514' };
      export default async function handler(req, res) {
        const { text, quality = 'fast' } = req.body;
        const a = await client.messages.create({ model: MODELS[quality], max_tokens: 512, messages: [] });
        const b = await client.messages.create({ model: MODELS.fast, max_tokens: 32, messages: [] });
        res.json({ a, b });
      }
    `;
    const calls = await detect(src, 'javascript');
    assert.deepEqual(calls.map((c) => [c.model, c.modelSource]), [
      [null, 'unresolved'],
      ['claude-3-5-haiku-20241022', 'constant'],
    ]);
  });
});

describe('detect: models in keys of constant objects imported from another module', () => {
  const ROOT = path.join(path.sep, 'w');
  const cases: { name: string; language: LanguageId; src: string; files: Record<string, string>; model: string | null }[] = [
    {
      name: 'nested member of an `as const` object (named import)',
      language: 'typescript',
      src: code`
        import OpenAI from 'openai';
        import { LLM_CONFIG } from './config';
        new OpenAI().chat.completions.create({ model: LLM_CONFIG.summarizer.model, messages: [] });
      `,
      files: { 'app/config.ts': code`
        // Central model configuration.
        export const SUPPORT_MODEL = 'mistral-large-latest';
        export const LLM_CONFIG = {
          summarizer: { model: 'deepseek-chat', maxTokens: 700 },
          router: { model: 'llama-3.1-8b-instant', maxTokens: 16 }, // "model": 'not-this'
        } as const;
      ` },
      model: 'deepseek-chat',
    },
    {
      name: 'a `satisfies` object through a namespace import, quoted keys',
      language: 'typescript',
      src: code`
        import Anthropic from '@anthropic-ai/sdk';
        import * as config from '../shared/models';
        new Anthropic().messages.create({ model: config.MODELS['fast'], max_tokens: 10, messages: [] });
      `,
      files: { 'shared/models.ts': code`
        export const MODELS = {
          smart: \`claude-opus-4-20250514\`,
          ...OTHER,
          'fast': 'claude-3-5-haiku-20241022',
        } satisfies Record<string, string>;
      ` },
      model: 'claude-3-5-haiku-20241022',
    },
    {
      name: 'a dict imported from a Python settings module',
      language: 'python',
      src: code`
        from openai import OpenAI
        from .settings import MODELS
        OpenAI().chat.completions.create(model=MODELS["chat"]["default"], messages=[])
      `,
      files: { 'app/settings.py': code`
        MODELS = {
            # "chat": "not-this"
            "embed": dict(default="text-embedding-3-small"),
            "chat": {"default": "gpt-4o-mini", "large": "gpt-4o"},
        }
      ` },
      model: 'gpt-4o-mini',
    },
    {
      name: 'unknowable: a key the object does not have, or a dynamic key',
      language: 'typescript',
      src: code`
        import OpenAI from 'openai';
        import { LLM_CONFIG } from './config';
        new OpenAI().chat.completions.create({ model: LLM_CONFIG.writer.model, messages: [] });
      `,
      files: { 'app/config.ts': "export const LLM_CONFIG = { summarizer: { model: 'deepseek-chat' } } as const;\n" },
      model: null,
    },
  ];
  for (const row of cases) {
    it(`${row.language}: ${row.name}`, async () => {
      const file = path.join(ROOT, row.language === 'python' ? 'app/main.py' : 'app/main.ts');
      const files = new Map(Object.entries(row.files).map(([k, v]) => [path.join(ROOT, k), v]));
      const calls = await detect(row.src, row.language, { file, readFile: (p) => files.get(p) });
      assert.equal(calls.length, 1, `calls: ${calls.map((c) => c.callee).join(', ')}`);
      assert.equal(calls[0]!.model, row.model);
      assert.equal(calls[0]!.modelSource, row.model === null ? 'unresolved' : 'imported');
    });
  }

  // The other module is scanned as text, and it may be half-typed: every prefix of a config file, and the same file
  // with each character in turn replaced by a stray closing bracket, must give an answer (a loop here would freeze
  // the extension host).
  it('scans broken and half-typed config text to an answer, never looping', () => {
    const config = code`
      export const LLM_CONFIG = {
        summarizer: { model: 'deepseek-chat', tags: ['a', "b"], max: (1 + 2) }, // trailing
        frozen: Object.freeze({ model: 'not-this' }),
        /* block */ router: { model: "llama-3.1-8b-instant" },
      } as const;
    `;
    const pyConfig = 'MODELS = {"chat": {"default": "gpt-4o"}, "tags": ["x"], "n": dict(a=1)}  # end\n';
    const variants = (text: string): string[] => [
      ...Array.from({ length: text.length + 1 }, (_, i) => text.slice(0, i)),
      ...[']', ')', '}', '[', '(', '{', '"', "'"].flatMap((ch) => Array.from({ length: text.length }, (_, i) => text.slice(0, i) + ch + text.slice(i + 1))),
    ];
    for (const text of variants(config)) {
      const found = findObjectMember(text, 'LLM_CONFIG', ['router', 'model'], false);
      assert.ok(found === null || typeof found === 'string');
    }
    for (const text of variants(pyConfig)) {
      const found = findObjectMember(text, 'MODELS', ['chat', 'default'], true);
      assert.ok(found === null || typeof found === 'string');
    }
    assert.equal(findObjectMember(config, 'LLM_CONFIG', ['router', 'model'], false), 'llama-3.1-8b-instant');
    assert.equal(findObjectMember(pyConfig, 'MODELS', ['chat', 'default'], true), 'gpt-4o');
  });
});
