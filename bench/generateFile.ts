// Issue 6's input: a 5,000-line source file with 100 LLM calls spread evenly through ordinary code, and a
// markerless file of the same length (ordinary code only). Call shapes rotate through the SDKs the engine knows.

const PY_HEADER = [
  'import json',
  'import os',
  '',
  'import anthropic',
  'import litellm',
  'from google import genai',
  'from langchain_openai import ChatOpenAI',
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'claude = anthropic.Anthropic()',
  'gemini = genai.Client()',
  'llm = ChatOpenAI(model="gpt-4o-mini")',
  'MODEL = os.getenv("APP_MODEL", "gpt-4o")',
  '',
];

const PY_CALLS: Array<(i: number) => string[]> = [
  (i) => [
    `def task_${i}(text):`,
    '    response = client.chat.completions.create(',
    '        model=MODEL,',
    `        messages=[{"role": "system", "content": "You are helper number ${i}. Be brief."}, {"role": "user", "content": text}],`,
    '        max_tokens=200,',
    '    )',
    '    return response.choices[0].message.content',
  ],
  (i) => [
    `def task_${i}(text):`,
    `    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": f"Step ${i}: {text}"}])`,
    '    return msg.content[0].text',
  ],
  (i) => [
    `def task_${i}(texts):`,
    '    return [d.embedding for d in client.embeddings.create(model="text-embedding-3-small", input=texts).data]',
  ],
  (i) => [
    `def task_${i}(text):`,
    `    return gemini.models.generate_content(model="gemini-2.5-flash", contents=f"Item ${i}: {text}").text`,
  ],
  (i) => [
    `def task_${i}(question):`,
    `    return llm.invoke(f"Question ${i}: {question}").content`,
  ],
  (i) => [
    `def task_${i}(prompt):`,
    '    r = litellm.completion(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])',
    '    return r.choices[0].message.content',
  ],
  (i) => [
    `def task_${i}(question):`,
    `    return client.responses.create(model="gpt-4.1-mini", input=question, instructions="Answer ${i}").output_text`,
  ],
];

const PY_FILLER = (i: number, j: number): string[] => [
  `def helper_${i}_${j}(items, factor=${j + 1}):`,
  '    total = 0',
  '    for index, item in enumerate(items):',
  '        if index % 3 == 0:',
  '            total += len(str(item)) * factor',
  '        else:',
  `            total -= ${j}`,
  `    return {"total": total, "name": "helper_${i}_${j}", "data": json.dumps(items)[:40]}`,
];

const TS_HEADER = [
  "import Anthropic from '@anthropic-ai/sdk';",
  "import { GoogleGenAI } from '@google/genai';",
  "import { openai } from '@ai-sdk/openai';",
  "import { generateText } from 'ai';",
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  'const claude = new Anthropic();',
  'const ai = new GoogleGenAI({});',
  "const MODEL = process.env.APP_MODEL ?? 'gpt-4o';",
  '',
];

const TS_CALLS: Array<(i: number) => string[]> = [
  (i) => [
    `export async function task${i}(text: string) {`,
    '  const response = await client.chat.completions.create({',
    '    model: MODEL,',
    `    messages: [{ role: 'system', content: 'You are helper number ${i}. Be brief.' }, { role: 'user', content: text }],`,
    '    max_tokens: 200,',
    '  });',
    '  return response.choices[0]?.message.content;',
    '}',
  ],
  (i) => [
    `export async function task${i}(text: string) {`,
    `  const msg = await claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: \`Step ${i}: \${text}\` }] });`,
    '  return msg.content;',
    '}',
  ],
  (i) => [
    `export async function task${i}(input: string[]) {`,
    "  return (await client.embeddings.create({ model: 'text-embedding-3-small', input })).data;",
    '}',
  ],
  (i) => [
    `export async function task${i}(text: string) {`,
    `  return (await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: \`Item ${i}: \${text}\` })).text;`,
    '}',
  ],
  (i) => [
    `export async function task${i}(prompt: string) {`,
    "  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt });",
    '  return text;',
    '}',
  ],
  (i) => [
    `export async function task${i}(input: string) {`,
    `  return (await client.responses.create({ model: 'gpt-4.1-mini', input, instructions: 'Answer ${i}' })).output_text;`,
    '}',
  ],
];

const TS_FILLER = (i: number, j: number): string[] => [
  `export function helper${i}_${j}(items: unknown[], factor = ${j + 1}): { total: number; name: string } {`,
  '  let total = 0;',
  '  items.forEach((item, index) => {',
  '    if (index % 3 === 0) total += String(item).length * factor;',
  `    else total -= ${j};`,
  '  });',
  `  return { total, name: 'helper${i}_${j}' };`,
  '}',
];

export type GeneratedLanguage = 'python' | 'typescript';

/** `calls` evenly spaced calls (0 = a markerless file) in exactly `lines` lines. */
export function generateSource(language: GeneratedLanguage, lines: number, calls: number): string {
  const py = language === 'python';
  const header = calls > 0 ? (py ? PY_HEADER : TS_HEADER) : [py ? 'import json' : '// Ordinary code only.', ''];
  const shapes = py ? PY_CALLS : TS_CALLS;
  const filler = py ? PY_FILLER : TS_FILLER;
  const blocks = Math.max(calls, 100);
  const perBlock = Math.floor((lines - header.length) / blocks);
  const out = [...header];
  for (let i = 0; i < blocks; i++) {
    const block: string[] = i < calls ? [...shapes[i % shapes.length]!(i), ''] : [];
    for (let j = 0; block.length + filler(i, j).length + 1 <= perBlock; j++) block.push(...filler(i, j), '');
    while (block.length < perBlock) block.push(py ? `PAD_${i}_${block.length} = ${block.length}` : `export const pad${i}_${block.length} = ${block.length};`);
    out.push(...block);
  }
  while (out.length < lines) out.push(py ? `# end ${out.length}` : `// end ${out.length}`);
  return out.join('\n') + '\n';
}
