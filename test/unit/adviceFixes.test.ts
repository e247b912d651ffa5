import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/advice';
import type { Finding, FindingCode } from '../../src/core/types';
import { analyzeOne, type AnalyzeSpec } from './adviceHarness.test';

function only(findings: Finding[], code: FindingCode): Finding {
  const found = findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${findings.map((f) => f.code).join(', ')}`);
  return found[0]!;
}

function fixed(text: string, spec: AnalyzeSpec, code: FindingCode, fixIndex = 0): string {
  const { findings } = analyzeOne(text, spec);
  const fix = only(findings, code).fixes[fixIndex];
  assert.ok(fix, `no fix #${fixIndex} for ${code}`);
  return applyEdits(text, fix.edits);
}

describe('advice: unbounded-output fixes', () => {
  const chat = { call: 'client.chat.completions.create(', messages: [{ role: 'user' as const, text: 'Tell me about Paris' }] };

  it('adds max_tokens on its own line in a multi-line Python call without a trailing comma', () => {
    const text = 'r = client.chat.completions.create(\n    model="gpt-4o",\n    messages=msgs\n)\n';
    assert.equal(fixed(text, chat, 'unbounded-output'),
      'r = client.chat.completions.create(\n    model="gpt-4o",\n    messages=msgs,\n    max_tokens=1024\n)\n');
  });

  it('keeps a trailing comma and a comment on the last line', () => {
    const text = 'r = client.chat.completions.create(\n    model="gpt-4o",\n    messages=msgs,  # the chat\n)\n';
    assert.equal(fixed(text, chat, 'unbounded-output'),
      'r = client.chat.completions.create(\n    model="gpt-4o",\n    messages=msgs,  # the chat\n    max_tokens=1024,\n)\n');
  });

  it('appends inline in a single-line call, before a trailing comma', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=msgs,)\n';
    assert.equal(fixed(text, chat, 'unbounded-output'),
      'r = client.chat.completions.create(model="gpt-4o", messages=msgs, max_tokens=1024,)\n');
  });

  it('uses max_completion_tokens for an OpenAI reasoning model and leaves room for reasoning', () => {
    const text = 'r = client.chat.completions.create(model="o3", messages=msgs)\n';
    const out = fixed(text, { ...chat, model: 'o3' }, 'unbounded-output');
    const value = Number(/max_completion_tokens=(\d+)/.exec(out)?.[1]);
    assert.ok(value >= 1024 + 2048, `cap ${value} leaves reasoning room`);
  });

  it('uses max_output_tokens for the Responses API and a small cap for classification', () => {
    const text = 'r = client.responses.create(model="gpt-4o", input="Classify the sentiment: great product")\n';
    const out = fixed(text, { call: 'client.responses.create(', api: 'responses', messages: [{ role: 'user', text: 'Classify the sentiment: great product' }] }, 'unbounded-output');
    assert.equal(out, 'r = client.responses.create(model="gpt-4o", input="Classify the sentiment: great product", max_output_tokens=32)\n');
  });

  it('adds max_tokens into a multi-line JS options object, CRLF and two-space indentation kept', () => {
    const text = 'const r = await openai.chat.completions.create({\r\n  model: "gpt-4o",\r\n  messages,\r\n});\r\n';
    assert.equal(fixed(text, { ...chat, call: 'openai.chat.completions.create(', language: 'typescript' }, 'unbounded-output'),
      'const r = await openai.chat.completions.create({\r\n  model: "gpt-4o",\r\n  messages,\r\n  max_tokens: 1024,\r\n});\r\n');
  });

  it('puts Gemini max_output_tokens inside an existing config call (google-genai, Python)', () => {
    const text = 'r = client.models.generate_content(\n    model="gemini-2.5-flash",\n    contents=q,\n    config=types.GenerateContentConfig(temperature=0),\n)\n';
    const out = fixed(text, { call: 'client.models.generate_content(', provider: 'google', sdk: 'google-genai', model: 'gemini-2.5-flash' }, 'unbounded-output');
    assert.match(out, /config=types\.GenerateContentConfig\(temperature=0, max_output_tokens=\d+\),\n\)/);
  });

  it('creates a config object for @google/genai in JS with single quotes', () => {
    const text = "const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q });\n";
    const out = fixed(text, { call: 'ai.models.generateContent(', language: 'javascript', provider: 'google', sdk: '@google/genai', model: 'gemini-2.0-flash' }, 'unbounded-output');
    assert.equal(out, "const r = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q, config: { maxOutputTokens: 1024 } });\n");
  });

  it('adds num_predict to an existing Ollama options dict', () => {
    const text = "r = ollama.chat(model='llama3.1:8b', messages=m, options={'temperature': 0})\n";
    const out = fixed(text, { call: 'ollama.chat(', provider: 'ollama', sdk: 'ollama', model: 'llama3.1:8b' }, 'unbounded-output');
    assert.equal(out, "r = ollama.chat(model='llama3.1:8b', messages=m, options={'temperature': 0, 'num_predict': 1024})\n");
  });

  it('adds inferenceConfig.maxTokens to a Bedrock converse call, none to invoke_model', () => {
    const text = 'r = brt.converse(modelId="meta.llama3-1-70b-instruct-v1:0", messages=m)\n';
    const out = fixed(text, { call: 'brt.converse(', provider: 'bedrock', sdk: 'boto3', model: 'meta.llama3-1-70b-instruct-v1:0' }, 'unbounded-output');
    assert.equal(out, 'r = brt.converse(modelId="meta.llama3-1-70b-instruct-v1:0", messages=m, inferenceConfig={"maxTokens": 1024})\n');
    const invoke = 'r = brt.invoke_model(modelId="meta.llama3-1-70b-instruct-v1:0", body=body)\n';
    const { findings } = analyzeOne(invoke, { call: 'brt.invoke_model(', provider: 'bedrock', sdk: 'boto3', model: 'meta.llama3-1-70b-instruct-v1:0' });
    assert.deepEqual(only(findings, 'unbounded-output').fixes, []);
  });

  it('puts the cap on the LangChain constructor that binds the model', () => {
    const text = 'llm = ChatOpenAI(\n    model="gpt-4o",\n    temperature=0,\n)\nanswer = llm.invoke(question)\n';
    const out = fixed(text, { call: 'llm.invoke(', sdk: 'langchain', modelSource: 'bound', modelLiteral: '"gpt-4o"' }, 'unbounded-output');
    assert.equal(out, 'llm = ChatOpenAI(\n    model="gpt-4o",\n    temperature=0,\n    max_tokens=1024,\n)\nanswer = llm.invoke(question)\n');
  });

  it('uses maxOutputTokens for the Vercel AI SDK v5 and maxTokens when the file shows v4', () => {
    const v5 = "const { text } = await generateText({\n\tmodel: openai('gpt-4o'),\n\tprompt,\n});\n";
    assert.equal(fixed(v5, { call: 'generateText(', language: 'typescript', sdk: 'vercel-ai' }, 'unbounded-output'),
      "const { text } = await generateText({\n\tmodel: openai('gpt-4o'),\n\tprompt,\n\tmaxOutputTokens: 1024,\n});\n");
    const v4 = "const a = await generateText({ model: openai('gpt-4o'), prompt, maxSteps: 3 });\n";
    assert.match(fixed(v4, { call: 'generateText(', language: 'typescript', sdk: 'vercel-ai' }, 'unbounded-output'), /maxSteps: 3, maxTokens: 1024 \}/);
  });

  it('offers no edit when Python **kwargs may already carry a cap', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", **params)\n';
    const { findings } = analyzeOne(text, chat);
    assert.deepEqual(only(findings, 'unbounded-output').fixes, []);
  });

  it('is silent when a cap is set and for embeddings', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=m, max_tokens=300)\n';
    const { findings } = analyzeOne(text, { ...chat, params: { maxOutputTokens: { name: 'max_tokens', value: 300 } } });
    assert.ok(!findings.some((f) => f.code === 'unbounded-output'));
    const emb = 'e = client.embeddings.create(model="text-embedding-3-small", input=t)\n';
    const r2 = analyzeOne(emb, { call: 'client.embeddings.create(', api: 'embeddings', model: 'text-embedding-3-small' });
    assert.ok(!r2.findings.some((f) => f.code === 'unbounded-output'));
  });
});
