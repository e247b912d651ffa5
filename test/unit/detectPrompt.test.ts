import * as assert from 'node:assert/strict';
import type { DetectedCall, PromptPart } from '../../src/core/types';
import { code, detect, posOf } from './detectHelpers';

// Prompts, parameters and argument slots: what the token counter and the quick fixes build on.

function texts(parts: PromptPart[]): string[] {
  return parts.map((p) => (p.kind === 'static' ? p.text : `{${p.expression}}`));
}

async function one(src: string, language: 'python' | 'typescript' = 'python', readFile?: (p: string) => string | undefined): Promise<DetectedCall> {
  const calls = await detect(src, language, readFile ? { file: '/w/app/main.py', readFile } : {});
  assert.equal(calls.length, 1);
  return calls[0]!;
}

describe('detect: prompts', () => {
  it('reads roles, static text with ranges and f-string holes', async () => {
    const src = code`
      from openai import OpenAI
      c = OpenAI()
      c.chat.completions.create(model="gpt-4o", messages=[
          {"role": "system", "content": "You are terse."},
          {"role": "user", "content": f"Summarize: {doc}"},
      ])
    `;
    const call = await one(src);
    assert.deepEqual(call.prompt.messages.map((m) => m.role), ['system', 'user']);
    assert.deepEqual(texts(call.prompt.messages[0]!.parts), ['You are terse.']);
    assert.deepEqual(texts(call.prompt.messages[1]!.parts), ['Summarize: ', '{doc}']);
    const sys = call.prompt.messages[0]!.parts[0]!;
    const at = posOf(src, 'You are terse.');
    assert.deepEqual(sys.range, { start: at, end: { line: at.line, character: at.character + 'You are terse.'.length } });
    assert.equal(call.prompt.opaque, false);
  });

  it('takes Anthropic system=, Gemini system_instruction and the Responses instructions as system messages', async () => {
    const a = await one('import anthropic\nanthropic.Anthropic().messages.create(model="claude-3-haiku-20240307", max_tokens=5, system="Be kind", messages=[{"role": "user", "content": "hi"}])\n');
    assert.deepEqual(a.prompt.messages.map((m) => [m.role, texts(m.parts).join('')]), [['system', 'Be kind'], ['user', 'hi']]);
    const g = await one('import google.generativeai as genai\nm = genai.GenerativeModel("gemini-1.5-flash", system_instruction="You are a cat.")\nm.generate_content("Hello")\n');
    assert.deepEqual(g.prompt.messages.map((m) => [m.role, texts(m.parts).join('')]), [['system', 'You are a cat.'], ['user', 'Hello']]);
    const gc = await one('from google import genai\nfrom google.genai import types\ngenai.Client().models.generate_content(model="gemini-2.0-flash", contents="x", config=types.GenerateContentConfig(system_instruction="Sys", max_output_tokens=64))\n');
    assert.deepEqual(gc.prompt.messages.map((m) => m.role), ['system', 'user']);
    assert.deepEqual(gc.params.maxOutputTokens?.value, 64);
    const r = await one('import OpenAI from "openai";\nnew OpenAI().responses.create({ model: "gpt-4.1", instructions: "Talk like a pirate.", input: "Are semicolons optional?" });\n', 'typescript');
    assert.deepEqual(r.prompt.messages.map((m) => [m.role, texts(m.parts).join('')]), [['system', 'Talk like a pirate.'], ['user', 'Are semicolons optional?']]);
  });

  it('follows constants, concatenation, template literals and LangChain message classes', async () => {
    const src = code`
      import { ChatAnthropic } from '@langchain/anthropic';
      import { HumanMessage, SystemMessage } from '@langchain/core/messages';
      const SYSTEM = 'You review code.';
      const llm = new ChatAnthropic({ model: 'claude-3-5-sonnet-latest' });
      await llm.invoke([new SystemMessage(SYSTEM + ' Be brief.'), new HumanMessage(\`Diff:\\n\${diff}\`)]);
    `;
    const call = await one(src, 'typescript');
    assert.deepEqual(call.prompt.messages.map((m) => m.role), ['system', 'user']);
    assert.deepEqual(texts(call.prompt.messages[0]!.parts), ['You review code.', ' Be brief.']);
    assert.deepEqual(texts(call.prompt.messages[1]!.parts), ['Diff:\n', '{diff}']);
  });

  it('reads a prompt file opened with a literal path through the readFile port', async () => {
    const files: Record<string, string> = { '/w/app/prompts/system.txt': 'You are a helpful assistant.\n' };
    const src = code`
      from openai import OpenAI
      SYSTEM = open("prompts/system.txt").read()
      OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])
    `;
    const call = await one(src, 'python', (p) => files[p]);
    assert.deepEqual(texts(call.prompt.messages[0]!.parts), ['You are a helpful assistant.\n']);
  });

  it('marks a message list it cannot follow as opaque', async () => {
    const call = await one('from openai import OpenAI\ndef f(history):\n    OpenAI().chat.completions.create(model="gpt-4o", messages=history)\n');
    assert.equal(call.prompt.opaque, true);
    assert.equal(call.prompt.messages[0]!.parts[0]!.kind, 'dynamic');
  });

  it('serialises tool schemas as text and counts images', async () => {
    const src = code`
      from openai import OpenAI
      TOOLS = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]
      OpenAI().chat.completions.create(model="gpt-4o", tools=TOOLS, messages=[{"role": "user", "content": [
          {"type": "text", "text": "What is this?"},
          {"type": "image_url", "image_url": {"url": url}},
      ]}])
    `;
    const call = await one(src);
    assert.equal(call.prompt.tools.length, 1);
    assert.match((call.prompt.tools[0] as { text: string }).text, /get_weather/);
    assert.equal(call.prompt.images, 1);
    assert.equal(call.params.tools, true);
    assert.deepEqual(texts(call.prompt.messages[0]!.parts), ['What is this?']);
  });

  it('sees Anthropic cache_control as prompt caching', async () => {
    const call = await one('import anthropic\nanthropic.Anthropic().messages.create(model="claude-3-5-sonnet-latest", max_tokens=9, system=[{"type": "text", "text": "Long doc", "cache_control": {"type": "ephemeral"}}], messages=[])\n');
    assert.equal(call.params.promptCaching, true);
    assert.deepEqual(texts(call.prompt.messages[0]!.parts), ['Long doc']);
  });
});

describe('detect: parameters', () => {
  const cases: [string, 'python' | 'typescript', string, Partial<DetectedCall['params']>][] = [
    ['openai max_tokens, n, temperature, stream', 'python',
      'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_tokens=500, n=2, temperature=0.2, stream=True)\n',
      { n: 2, temperature: 0.2, stream: true }],
    ['max_completion_tokens and reasoning_effort', 'python',
      'from openai import OpenAI\nOpenAI().chat.completions.create(model="o3-mini", messages=[], max_completion_tokens=2000, reasoning_effort="high")\n',
      { reasoningEffort: 'high' }],
    ['responses reasoning.effort, max_output_tokens and text.format json', 'typescript',
      'import OpenAI from "openai";\nnew OpenAI().responses.create({ model: "o4-mini", input: "x", reasoning: { effort: "medium" }, max_output_tokens: 300, text: { format: { type: "json_schema", name: "x", schema: {} } } });\n',
      { reasoningEffort: 'medium', jsonMode: true }],
    ['anthropic thinking budget', 'python',
      'import anthropic\nanthropic.Anthropic().messages.create(model="claude-sonnet-4-20250514", max_tokens=8000, thinking={"type": "enabled", "budget_tokens": 4000}, messages=[])\n',
      { thinkingBudget: 4000 }],
    ['gemini thinkingBudget and maxOutputTokens in config', 'typescript',
      'import { GoogleGenAI } from "@google/genai";\nnew GoogleGenAI({}).models.generateContent({ model: "gemini-2.5-flash", contents: "x", config: { maxOutputTokens: 100, thinkingConfig: { thinkingBudget: 1024 }, responseMimeType: "application/json" } });\n',
      { thinkingBudget: 1024, jsonMode: true }],
    ['ollama num_predict and json format', 'python',
      'import ollama\nollama.chat(model="llama3", messages=[], format="json", options={"num_predict": 128})\n',
      { jsonMode: true }],
    ['langchain bound max_tokens', 'python',
      'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o", max_tokens=256, streaming=True)\nllm.invoke("x")\n',
      { stream: true }],
    ['anthropic batch', 'python',
      'import anthropic\nanthropic.Anthropic().messages.batches.create(requests=[{"custom_id": "a", "params": {"model": "claude-3-5-haiku-latest", "max_tokens": 100, "messages": []}}])\n',
      { batch: true }],
  ];
  const expectedMax: Record<string, [string, number]> = {
    'openai max_tokens, n, temperature, stream': ['max_tokens', 500],
    'max_completion_tokens and reasoning_effort': ['max_completion_tokens', 2000],
    'responses reasoning.effort, max_output_tokens and text.format json': ['max_output_tokens', 300],
    'anthropic thinking budget': ['max_tokens', 8000],
    'gemini thinkingBudget and maxOutputTokens in config': ['maxOutputTokens', 100],
    'ollama num_predict and json format': ['num_predict', 128],
    'langchain bound max_tokens': ['max_tokens', 256],
    'anthropic batch': ['max_tokens', 100],
  };
  for (const [name, lang, src, expected] of cases) {
    it(name, async () => {
      const call = await one(src, lang);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(call.params[k as keyof DetectedCall['params']], v, k);
      const [maxName, maxValue] = expectedMax[name]!;
      assert.equal(call.params.maxOutputTokens?.name, maxName);
      assert.equal(call.params.maxOutputTokens?.value, maxValue);
    });
  }

  it('follows a generation_config constant and takes `?? 350` fallbacks', async () => {
    const g = await one('import google.generativeai as genai\ncfg = {"temperature": 1, "max_output_tokens": 4096}\nm = genai.GenerativeModel(model_name="gemini-pro", generation_config=cfg)\nm.generate_content(p)\n');
    assert.equal(g.params.maxOutputTokens?.value, 4096);
    assert.equal(g.params.temperature, 1);
    const f = await one('export async function f(p: P) {\n  await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: p.model ?? "gpt-4o-mini", messages: [], max_tokens: p.max ?? 350 }) });\n}\n', 'typescript');
    assert.equal(f.params.maxOutputTokens?.value, 350);
    assert.equal(f.model, 'gpt-4o-mini');
    assert.equal(f.modelSource, 'default');
  });

  it('reports a max-tokens value it cannot know as null, with its range', async () => {
    const src = 'from openai import OpenAI\ndef f(limit):\n    OpenAI().chat.completions.create(model="gpt-4o", messages=[], max_tokens=limit)\n';
    const call = await one(src);
    assert.equal(call.params.maxOutputTokens?.value, null);
    const at = posOf(src, '=limit');
    assert.deepEqual(call.params.maxOutputTokens?.range?.start, { line: at.line, character: at.character + 1 });
  });
});

describe('detect: argument slots', () => {
  it('python: the call parentheses and one slot per keyword', async () => {
    const src = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_tokens=5)\n';
    const call = await one(src);
    assert.equal(call.args?.style, 'python-call');
    assert.deepEqual(call.args?.range.start, posOf(src, '(model='));
    assert.deepEqual(call.args?.slots.map((s) => [s.name, s.valueText]), [['model', '"gpt-4o"'], ['messages', '[]'], ['max_tokens', '5']]);
    const slot = call.args!.slots[2]!;
    assert.deepEqual(slot.keyRange.start, posOf(src, 'max_tokens'));
    assert.deepEqual(slot.valueRange.start, posOf(src, '5)'));
  });

  it('js: the options object literal, also when it is a same-file constant', async () => {
    const src = 'import OpenAI from "openai";\nconst opts = { model: "gpt-4o", messages: [] };\nnew OpenAI().chat.completions.create(opts);\n';
    const call = await one(src, 'typescript');
    assert.equal(call.args?.style, 'js-object');
    assert.deepEqual(call.args?.range.start, posOf(src, '{ model'));
    assert.deepEqual(call.args?.slots.map((s) => s.name), ['model', 'messages']);
  });

  it('LangChain: the options live in the model constructor', async () => {
    const src = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o", temperature=0)\nllm.invoke("x")\n';
    const call = await one(src);
    assert.deepEqual(call.args?.slots.map((s) => s.name), ['model', 'temperature']);
    assert.equal(call.args?.range.start.line, 1);
  });
});
