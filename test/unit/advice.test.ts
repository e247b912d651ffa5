import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, computeFindings, FINDING_CODES, mergeFixes } from '../../src/core/advice';
import { defaultCatalog, type AdviceCatalog } from '../../src/core/advice/catalog';
import { peersOf } from '../../src/core/advice/rules/oversizedModel';
import { DEFAULT_SETTINGS, DEFAULT_SEVERITY } from '../../src/core/settings';
import type { Finding, FindingCode, TextEdit } from '../../src/core/types';
import { analyzeOne, buildCall, rangeOf, testCatalog, type AnalyzeSpec } from './adviceHarness.test';
import { REPO_ROOT } from './setup';

function codes(findings: Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}

function one(findings: Finding[], code: FindingCode): Finding {
  const found = findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got [${codes(findings).join(', ')}]`);
  return found[0]!;
}

function at(text: string, start: number, end: number, newText: string): TextEdit {
  return { range: rangeOf(text, start, end), newText };
}

describe('advice: applyEdits', () => {
  it('applies edits given in any order against the original text', () => {
    const text = 'abc\ndef\n';
    assert.equal(applyEdits(text, [at(text, 5, 6, 'E'), at(text, 0, 1, 'A'), at(text, 8, 8, 'x')]), 'Abc\ndEf\nx');
  });

  it('keeps two insertions at one point in the order given', () => {
    assert.equal(applyEdits('ab', [at('ab', 1, 1, '1'), at('ab', 1, 1, '2')]), 'a12b');
  });

  it('rejects overlapping edits and ranges outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [at('abcdef', 0, 3, 'x'), at('abcdef', 2, 4, 'y')]), /overlap/);
    assert.throws(() => applyEdits('abc', [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'x' }]), /outside/);
    assert.throws(() => applyEdits('abc\nd', [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: 'x' }]), /outside/);
  });

  it('counts columns in UTF-16 code units and keeps CRLF line ends', () => {
    const text = 'x = "🙂"\r\ny = 1\r\n';
    // 🙂 is two UTF-16 units (columns 5–6): the closing quote is at column 7.
    assert.equal(applyEdits(text, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } }, newText: "'" }]), 'x = "🙂\'\r\ny = 1\r\n');
    assert.equal(applyEdits(text, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, newText: '2' }]), 'x = "🙂"\r\ny = 2\r\n');
  });
});

describe('advice: mergeFixes (fix all in file)', () => {
  it('keeps identical edits once and skips a whole fix that would overlap an accepted one', () => {
    const text = 'abcdef';
    const helper = at(text, 0, 0, 'H;');
    const a = { title: 'a', edits: [helper, at(text, 1, 2, 'B')] };
    const b = { title: 'b', edits: [helper, at(text, 4, 5, 'E')] };
    const c = { title: 'c', edits: [at(text, 1, 3, 'X')] };
    const merged = mergeFixes([a, b, c]);
    assert.deepEqual(merged.applied.map((f) => f.title), ['a', 'b']);
    assert.deepEqual(merged.skipped.map((f) => f.title), ['c']);
    assert.equal(applyEdits(text, merged.edits), 'H;aBcdEf');
  });
});

describe('advice: finding codes', () => {
  it('describes every code once, with the settings default severity and a docs anchor named after the code', () => {
    const all = Object.keys(DEFAULT_SEVERITY).sort();
    assert.deepEqual(Object.keys(FINDING_CODES).sort(), all);
    for (const [code, info] of Object.entries(FINDING_CODES)) {
      assert.equal(info.code, code);
      assert.equal(info.defaultSeverity, DEFAULT_SEVERITY[code as FindingCode]);
      assert.equal(info.docs, `docs/findings.md#${code}`);
      assert.ok(info.title && info.help.length > 40);
    }
  });

  it('has a section in docs/findings.md for every code, headed by the code itself (the Problems panel links there)', () => {
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'findings.md'), 'utf8');
    for (const code of Object.keys(FINDING_CODES)) assert.match(docs, new RegExp(`^## ${code}$`, 'm'), code);
  });

  it('skips codes set to off and uses the configured severity', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=m)\n';
    const spec: AnalyzeSpec = { call: 'client.chat.completions.create(' };
    assert.ok(codes(analyzeOne(text, spec).findings).includes('unbounded-output'));
    const off = analyzeOne(text, { ...spec, settings: { severity: { ...DEFAULT_SEVERITY, 'unbounded-output': 'off' } } });
    assert.ok(!codes(off.findings).includes('unbounded-output'));
    const err = analyzeOne(text, { ...spec, settings: { severity: { ...DEFAULT_SEVERITY, 'unbounded-output': 'error' } } });
    assert.equal(one(err.findings, 'unbounded-output').severity, 'error');
  });

  it('never throws on a call whose range does not fit the text; it still reports without edits', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=m)\n';
    const { analysis } = analyzeOne(text, { call: 'client.chat.completions.create(' });
    const findings = computeFindings(analysis, { text: 'x', settings: DEFAULT_SETTINGS, catalog: testCatalog });
    const unbounded = one(findings, 'unbounded-output');
    assert.deepEqual(unbounded.fixes, []);
  });
});

describe('advice: oversized-model', () => {
  const classify = (text: string, extra: Partial<AnalyzeSpec> = {}): ReturnType<typeof analyzeOne> => analyzeOne(text, {
    call: 'client.chat.completions.create(', modelLiteral: extra.modelLiteral ?? "'gpt-4o'", inputTokens: 40,
    messages: [{ role: 'user', text: 'Classify this ticket as billing or shipping: my parcel is late' }],
    params: { maxOutputTokens: { name: 'max_tokens', value: 5 } }, ...extra,
  });

  it('names model, tokens, cap and the saving, and switches the literal keeping its quotes', () => {
    const text = "r = client.chat.completions.create(model='gpt-4o', messages=m, max_tokens=5)\n";
    const { findings } = classify(text);
    const f = one(findings, 'oversized-model');
    assert.match(f.message, /^gpt-4o for a 40-token classification prompt with a 5-token cap; gpt-4o-mini would serve it for ~\d+ % less energy/);
    assert.deepEqual(f.range, rangeOf(text, text.indexOf("'gpt-4o'"), text.indexOf("'gpt-4o'") + 8));
    const [first, second] = f.fixes;
    assert.ok(first && second, 'two smaller models offered');
    assert.match(first.title, /^Switch to gpt-4o-mini \(−\d+ % energy, −\d+ % \$\)$/);
    assert.equal(first.isPreferred, true);
    assert.equal(applyEdits(text, first.edits), "r = client.chat.completions.create(model='gpt-4o-mini', messages=m, max_tokens=5)\n");
    // The saving is the test catalog's: energy ∝ typical active parameters (gpt-4o 88 B, gpt-4o-mini 18 B).
    assert.ok(Math.abs(first.energySaving! - (18 / 88 - 1)) < 0.01, `saving ${first.energySaving}`);
    assert.ok(first.costSaving! < -0.9);
  });

  it('fires for a short static prompt without a cap, not for a long or unsized dynamic one', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=m)\n';
    const short = analyzeOne(text, { call: 'client.chat.completions.create(', modelLiteral: '"gpt-4o"', inputTokens: 120, messages: [{ role: 'user', text: 'What is the capital of France?' }] });
    assert.ok(codes(short.findings).includes('oversized-model'));
    const long = analyzeOne(text, { call: 'client.chat.completions.create(', modelLiteral: '"gpt-4o"', inputTokens: 3000, messages: [{ role: 'user', text: 'Write a poem' }] });
    assert.ok(!codes(long.findings).includes('oversized-model'));
    const dynamic = analyzeOne(text, { call: 'client.chat.completions.create(', inputTokens: 12, dynamic: true, messages: [{ role: 'user', text: 'Answer: ', dynamic: 'question' }] });
    assert.ok(!codes(dynamic.findings).includes('oversized-model'));
  });

  it('is silent for a model that is already small', () => {
    const text = "r = client.chat.completions.create(model='gpt-4o-mini', messages=m, max_tokens=5)\n";
    assert.ok(!codes(classify(text, { model: 'gpt-4o-mini', modelLiteral: "'gpt-4o-mini'" }).findings).includes('oversized-model'));
  });

  it('only proposes models with the capabilities the call uses and the same reasoning kind', () => {
    const text = "r = client.messages.create(model='claude-3-5-sonnet-20241022', max_tokens=5, messages=m)\n";
    const spec: AnalyzeSpec = {
      call: 'client.messages.create(', provider: 'anthropic', sdk: 'anthropic', model: 'claude-3-5-sonnet-20241022',
      modelLiteral: "'claude-3-5-sonnet-20241022'", inputTokens: 40,
      messages: [{ role: 'user', text: 'Answer yes or no: is this spam?' }], params: { maxOutputTokens: { name: 'max_tokens', value: 5 } },
    };
    const plain = one(analyzeOne(text, spec).findings, 'oversized-model');
    const ids = plain.fixes.map((f) => f.title.split(' ')[2]);
    assert.ok(ids.includes('claude-3-5-haiku-latest'), ids.join());
    // Vision rules out claude-3-5-haiku (text only): the image-capable claude-3-haiku remains.
    const vision = analyzeOne(text, spec);
    vision.analysis.call.prompt.images = 1;
    const withImage = computeFindings(vision.analysis, { text, settings: DEFAULT_SETTINGS, catalog: testCatalog });
    const visionIds = one(withImage, 'oversized-model').fixes.map((f) => f.title.split(' ')[2]);
    assert.ok(!visionIds.includes('claude-3-5-haiku-latest') && visionIds.includes('claude-3-haiku-20240307'), visionIds.join());
    // A reasoning model is only replaced by a reasoning model (they take different parameters).
    const o3 = analyzeOne("r = client.chat.completions.create(model='o3', messages=m, max_completion_tokens=20)\n", {
      call: 'client.chat.completions.create(', model: 'o3', modelLiteral: "'o3'", inputTokens: 40,
      messages: [{ role: 'user', text: 'Classify the sentiment' }], params: { maxOutputTokens: { name: 'max_completion_tokens', value: 20 } },
    });
    for (const fix of one(o3.findings, 'oversized-model').fixes) assert.match(fix.title, /Switch to (o3-mini|o4-mini|gpt-5-mini|gpt-5-nano) /);
  });

  it('keeps a routing prefix and edits a constant only as a non-preferred fix', () => {
    const text = 'MODEL = "openai/gpt-4o"\n\nr = completion(model=MODEL, messages=m, max_tokens=5)\n';
    const { findings } = classify(text, { call: 'completion(', sdk: 'litellm', model: 'openai/gpt-4o', modelSource: 'constant', modelLiteral: '"openai/gpt-4o"' });
    const f = one(findings, 'oversized-model');
    const fix = f.fixes[0]!;
    assert.equal(fix.isPreferred, false);
    assert.match(fix.title, /^Switch to openai\/gpt-4o-mini in the constant/);
    assert.equal(applyEdits(text, fix.edits).split('\n')[0], 'MODEL = "openai/gpt-4o-mini"');
    // The finding points at the call, not at the constant far away.
    assert.equal(f.range.start.line, 2);
  });

  it('keeps per model the candidates a whole-catalog scan finds, in catalog order', () => {
    for (const catalog of [defaultCatalog, testCatalog] as AdviceCatalog[]) {
      const models = catalog.listModels();
      for (const model of models) {
        const ours = catalog.activeParams?.(model.id);
        const expected = models.filter((other) => {
          const theirs = catalog.activeParams?.(other.id);
          return other.id !== model.id && other.provider === model.provider && other.kind === model.kind
            && other.reasoning === model.reasoning && !(ours !== undefined && theirs !== undefined && theirs >= ours * 0.8);
        });
        const peers = peersOf(catalog, model);
        assert.deepEqual(peers.map((p) => p.other.id), expected.map((m) => m.id), model.id);
        assert.equal(peersOf(catalog, { ...model }), peers, `${model.id}: computed once per model`);
      }
    }
    // gpt-4o's family comes first by affinity: gpt-4o-mini shares two name segments.
    const gpt4o = defaultCatalog.listModels().find((m) => m.id === 'gpt-4o')!;
    assert.equal(peersOf(defaultCatalog, gpt4o).find((p) => p.other.id === 'gpt-4o-mini')?.affinity, 2);
  });

  it('offers no edit where the name is not the provider API id (Bedrock, Azure deployments, mapped aliases, imports)', () => {
    const bedrock = "r = brt.converse(modelId='anthropic.claude-3-5-sonnet-20240620-v1:0', messages=m, inferenceConfig={'maxTokens': 5})\n";
    const b = classify(bedrock, { call: 'brt.converse(', provider: 'bedrock', sdk: 'boto3', model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', modelLiteral: "'anthropic.claude-3-5-sonnet-20240620-v1:0'" });
    const bf = b.findings.find((f) => f.code === 'oversized-model');
    if (bf) assert.deepEqual(bf.fixes, []);
    const text = "r = client.chat.completions.create(model='prod-4o', messages=m, max_tokens=5)\n";
    const mapped = classify(text, { model: 'prod-4o', modelLiteral: "'prod-4o'", settings: { modelMappings: { 'prod-4o': 'gpt-4o' } } });
    assert.deepEqual(one(mapped.findings, 'oversized-model').fixes, []);
    const imported = classify("from config import MODEL\nr = client.chat.completions.create(model=MODEL, messages=m, max_tokens=5)\n", { modelSource: 'imported', modelLiteral: 'MODEL' });
    assert.deepEqual(one(imported.findings, 'oversized-model').fixes, []);
  });
});

describe('advice: high-reasoning-effort', () => {
  it('lowers "high" to "medium" in the literal that set it, with the saving', () => {
    const text = 'r = client.responses.create(\n    model="o3",\n    reasoning={"effort": "high"},\n    input=q,\n)\n';
    const { findings } = analyzeOne(text, { call: 'client.responses.create(', api: 'responses', model: 'o3', params: { reasoningEffort: 'high' }, inputTokens: 500 });
    const f = one(findings, 'high-reasoning-effort');
    assert.match(f.message, /^o3 runs with reasoning effort "high" — about 4,000 hidden reasoning tokens per call/);
    const fix = f.fixes[0]!;
    assert.match(fix.title, /^Lower reasoning effort to "medium" \(−\d+ % energy/);
    assert.equal(applyEdits(text, fix.edits), text.replace('"effort": "high"', '"effort": "medium"'));
    assert.ok(fix.energySaving! < 0);
  });

  it('halves a large thinking budget, keeping digit separators, and ignores the same words in comments', () => {
    const text = 'r = claude.messages.create(\n    model="claude-opus-4-1",  # budget_tokens: 16_000 was tried\n    max_tokens=32_000,\n    thinking={"type": "enabled", "budget_tokens": 16_000},\n    messages=m,\n)\n';
    const { findings } = analyzeOne(text, {
      call: 'claude.messages.create(', provider: 'anthropic', sdk: 'anthropic', model: 'claude-opus-4-1',
      params: { thinkingBudget: 16000, maxOutputTokens: { name: 'max_tokens', value: 32000 } },
    });
    const fix = one(findings, 'high-reasoning-effort').fixes[0]!;
    assert.match(fix.title, /^Halve the thinking budget to 8,000 tokens/);
    assert.equal(applyEdits(text, fix.edits), text.replace('"budget_tokens": 16_000}', '"budget_tokens": 8_000}'));
  });

  it('is silent for medium effort and small budgets', () => {
    const text = 'r = client.chat.completions.create(model="o3", messages=m, reasoning_effort="medium", max_completion_tokens=5000)\n';
    const { findings } = analyzeOne(text, { call: 'client.chat.completions.create(', model: 'o3', params: { reasoningEffort: 'medium', maxOutputTokens: { name: 'max_completion_tokens', value: 5000 } } });
    assert.ok(!codes(findings).includes('high-reasoning-effort'));
  });
});

describe('advice: cacheable-prompt', () => {
  const anthropicSpec = (prefix: number): AnalyzeSpec => ({
    call: 'client.messages.create(', provider: 'anthropic', sdk: 'anthropic', model: 'claude-sonnet-4-5', inputTokens: prefix + 20,
    cacheablePrefix: prefix, messages: [{ role: 'system', text: 'Policy…' }, { role: 'user', dynamic: 'question' }],
    params: { maxOutputTokens: { name: 'max_tokens', value: 500 } },
  });

  it('wraps a multi-line system string into a cache_control block, verbatim', () => {
    const text = 'r = client.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=500,\n    system="""You are a support bot.\nPolicy follows.""",\n    messages=[{"role": "user", "content": question}],\n)\n';
    const { findings } = analyzeOne(text, anthropicSpec(2000));
    const f = one(findings, 'cacheable-prompt');
    assert.match(f.message, /^2,000-token static prompt prefix is re-processed on every call to claude-sonnet-4-5/);
    assert.equal(applyEdits(text, f.fixes[0]!.edits), text.replace(
      'system="""You are a support bot.\nPolicy follows.""",',
      'system=[{"type": "text", "text": """You are a support bot.\nPolicy follows.""", "cache_control": {"type": "ephemeral"}}],',
    ));
  });

  it('rewrites JS shorthand `{ system }` and stays silent below the model minimum or once cached', () => {
    const text = "const r = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system, messages });\n";
    const f = one(analyzeOne(text, { ...anthropicSpec(1500), language: 'typescript' }).findings, 'cacheable-prompt');
    assert.equal(applyEdits(text, f.fixes[0]!.edits),
      "const r = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }], messages });\n");
    assert.ok(!codes(analyzeOne(text, { ...anthropicSpec(900), language: 'typescript' }).findings).includes('cacheable-prompt'));
    const cached = "const r = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: [{ type: 'text', text: s, cache_control: { type: 'ephemeral' } }], messages });\n";
    assert.ok(!codes(analyzeOne(cached, { ...anthropicSpec(1500), language: 'typescript' }).findings).includes('cacheable-prompt'));
  });

  it('tells OpenAI users to put static text first when dynamic text precedes it (message only)', () => {
    const text = 'r = client.chat.completions.create(model="gpt-4o", messages=m, max_tokens=100)\n';
    const f = one(analyzeOne(text, {
      call: 'client.chat.completions.create(', inputTokens: 2100, cacheablePrefix: 5,
      messages: [{ role: 'user', dynamic: 'today', text: 'x'.repeat(8000) }], params: { maxOutputTokens: { name: 'max_tokens', value: 100 } },
    }).findings, 'cacheable-prompt');
    assert.match(f.message, /static instructions first/);
    assert.deepEqual(f.fixes, []);
  });

  it('memoizes an identical deterministic call with functools.lru_cache, importing functools once', () => {
    const text = '"""Doc."""\nimport os\n\n\ndef rules(kind: str = "style") -> str:\n    r = client.chat.completions.create(model="gpt-4o-mini", temperature=0, max_tokens=100, messages=M)\n    return r\n';
    const spec: AnalyzeSpec = {
      call: 'client.chat.completions.create(', model: 'gpt-4o-mini', messages: [{ role: 'user', text: 'List our style rules.' }],
      params: { temperature: 0, maxOutputTokens: { name: 'max_tokens', value: 100 } },
    };
    const f = one(analyzeOne(text, spec).findings, 'cacheable-prompt');
    assert.equal(applyEdits(text, f.fixes[0]!.edits),
      '"""Doc."""\nimport os\nimport functools\n\n\n@functools.lru_cache(maxsize=None)\ndef rules(kind: str = "style") -> str:\n    r = client.chat.completions.create(model="gpt-4o-mini", temperature=0, max_tokens=100, messages=M)\n    return r\n');
    // Unhashable or unannotated parameters, async functions: message only.
    for (const header of ['def rules(items: list[str]) -> str:', 'def rules(kind) -> str:', 'async def rules() -> str:']) {
      const t = text.replace('def rules(kind: str = "style") -> str:', header);
      assert.deepEqual(one(analyzeOne(t, spec).findings, 'cacheable-prompt').fixes, [], header);
    }
    // Already memoized: nothing to report.
    const memo = text.replace('def rules', '@functools.lru_cache(maxsize=None)\ndef rules');
    assert.ok(!codes(analyzeOne(memo, spec).findings).includes('cacheable-prompt'));
  });
});

describe('advice: call-in-loop', () => {
  it('hoists a loop-invariant request above the loop, re-indented, keeping multi-line strings intact', () => {
    const text = 'for item in items:\n    intro = client.chat.completions.create(\n        model="gpt-4o-mini",\n        max_tokens=50,\n        messages=[{"role": "user", "content": """Say\n  hi"""}],\n    )\n    print(intro, item)\n';
    const { findings } = analyzeOne(text, {
      call: 'client.chat.completions.create(', model: 'gpt-4o-mini', loop: { kind: 'for', header: 'for item in items:', end: 'print(intro, item)\n', iterable: 'items' },
      params: { maxOutputTokens: { name: 'max_tokens', value: 50 } },
    });
    const f = one(findings, 'call-in-loop');
    assert.match(f.message, /sends one request per item of items; the request does not use the loop variable `item`/);
    assert.equal(applyEdits(text, f.fixes[0]!.edits),
      'intro = client.chat.completions.create(\n    model="gpt-4o-mini",\n    max_tokens=50,\n    messages=[{"role": "user", "content": """Say\n  hi"""}],\n)\nfor item in items:\n    print(intro, item)\n');
  });

  it('does not hoist a request that uses the loop variable or something the loop assigns', () => {
    const text = 'for item in items:\n    history.append(item)\n    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=history)\n    print(r)\n';
    const { findings } = analyzeOne(text, {
      call: 'client.chat.completions.create(', model: 'gpt-4o-mini', loop: { kind: 'for', header: 'for item in items:', end: 'print(r)\n' },
      params: { maxOutputTokens: { name: 'max_tokens', value: 50 } },
    });
    const f = one(findings, 'call-in-loop');
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /Batch API costs 50 % less/);
  });

  it('reads the loop variable in code and interpolations only, not in plain strings or comments', () => {
    const check = (content: string, language: 'python' | 'typescript' = 'python'): boolean => {
      const text = language === 'python'
        ? `for item in items:\n    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50,  # item\n        messages=[{"role": "user", "content": ${content}}])\n    print(r)\n`
        : `for (const item of items) {\n  const r = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, /* item */ messages: [{ role: "user", content: ${content} }] });\n  log(r);\n}\n`;
      const header = language === 'python' ? 'for item in items:' : 'for (const item of items) {';
      const { findings } = analyzeOne(text, {
        language, call: language === 'python' ? 'client.chat.completions.create(' : 'openai.chat.completions.create(', model: 'gpt-4o-mini',
        loop: { kind: 'for', header, end: language === 'python' ? 'print(r)\n' : 'log(r);\n}' }, params: { maxOutputTokens: { name: 'max_tokens', value: 50 } },
      });
      return /does not use the loop variable/.test(one(findings, 'call-in-loop').message);
    };
    assert.equal(check('"Describe the item"'), true);
    assert.equal(check("'item' + 'x'"), true);
    assert.equal(check('f"Describe {item}"'), false);
    assert.equal(check('item'), false);
    assert.equal(check('"Describe the item"', 'typescript'), true);
    assert.equal(check('`Describe ${item}`', 'typescript'), false);
    assert.equal(check('`Describe the item`', 'typescript'), true);
  });

  it('is silent for a call in a request handler (volume, not a loop)', () => {
    const text = 'app.post("/chat", async (req, res) => {\n  const r = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 100, messages: req.body.messages });\n  res.json(r);\n});\n';
    const { findings } = analyzeOne(text, {
      language: 'typescript', call: 'openai.chat.completions.create(', model: 'gpt-4o-mini',
      loop: { kind: 'handler', header: 'async (req, res) =>', end: '});' }, params: { maxOutputTokens: { name: 'max_tokens', value: 100 } },
    });
    assert.ok(!codes(findings).includes('call-in-loop'));
  });

  it('batches a simple embeddings append loop into one list request, and nothing else', () => {
    const text = 'for doc in docs:\n    vec = client.embeddings.create(model="text-embedding-3-small", input=doc).data[0].embedding\n    out.append(vec)\nprint(len(out))\n';
    const spec: AnalyzeSpec = {
      call: 'client.embeddings.create(', api: 'embeddings', model: 'text-embedding-3-small',
      loop: { kind: 'for', header: 'for doc in docs:', end: 'out.append(vec)', iterable: 'docs' },
    };
    const f = one(analyzeOne(text, spec).findings, 'call-in-loop');
    assert.equal(applyEdits(text, f.fixes[0]!.edits),
      'out.extend(item.embedding for item in client.embeddings.create(model="text-embedding-3-small", input=list(docs)).data)\nprint(len(out))\n');
    // The temporary is read after the loop: the loop is not recognisably simple, so no rewrite.
    const later = text.replace('print(len(out))', 'print(vec)');
    assert.deepEqual(one(analyzeOne(later, spec).findings, 'call-in-loop').fixes, []);
  });

  it('batches an embeddings comprehension into one list request', () => {
    const text = 'vectors = [client.embeddings.create(model="text-embedding-3-small", input=doc).data[0].embedding for doc in docs]\n';
    const { findings } = analyzeOne(text, {
      call: 'client.embeddings.create(', api: 'embeddings', model: 'text-embedding-3-small',
      loop: { kind: 'comprehension', header: '[client', end: 'in docs]', iterable: 'docs' },
    });
    const f = one(findings, 'call-in-loop');
    assert.equal(applyEdits(text, f.fixes[0]!.edits),
      'vectors = [item.embedding for item in client.embeddings.create(model="text-embedding-3-small", input=list(docs)).data]\n');
  });
});

describe('advice: unknown-model', () => {
  it('explains the reason, points at the model literal and offers no text edit', () => {
    const text = 'r = client.chat.completions.create(model="acme-large", messages=m, max_tokens=10)\n';
    const { findings } = analyzeOne(text, { call: 'client.chat.completions.create(', model: 'acme-large', modelLiteral: '"acme-large"', params: { maxOutputTokens: { name: 'max_tokens', value: 10 } } });
    const f = one(findings, 'unknown-model');
    assert.match(f.message, /^Unknown model "acme-large": .*modelMappings/);
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(f.range, buildCall(text, { call: 'client.chat.completions.create(', modelLiteral: '"acme-large"' }).modelRange);
  });
});
