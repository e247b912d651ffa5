import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prescreenFile } from '../../src/core/audit/analyzeFile';
import { MARKER_LITERALS, MultiLiteralScan } from '../../src/core/detect/markerScan';
import { hasSdkMarkers, MARKER_ALTERNATIVES, mayHaveSdkMarkers } from '../../src/core/detect/markers';
import { FIXTURES } from './setup';

// The byte-level marker scan may flag more files than the marker regex, never fewer: a "no" from it means the file
// is never parsed. Checked on every fixture file, on one sample match of every regex alternative placed anywhere in
// a buffer, and on generated text made of marker fragments and noise.

/** A match of each marker alternative (and of the `'ai'` import and Together spellings the regex checks apart). */
const SAMPLES = [
  'openai', 'anthropic', 'genai', 'generativeai', 'generative-ai', 'vertexai', 'mistral', 'cohere', 'cohere.Client',
  'bedrock', 'litellm', 'ollama', 'langchain', 'langgraph', 'llama_index', 'llamaindex', '@ai-sdk', 'groq',
  'deepseek', 'generativelanguage', ':11434', 'ai-provider', 'genkit', 'chat.completions', 'messages.create',
  'messages.stream', 'generate_content', 'generateContent', 'invoke_model', 'converse(', 'converse_stream(',
  'ConverseCommand', 'ConverseStreamCommand', '.invoke(', '.ainvoke(', 'Runner.run',
  "from 'ai'", 'from "ai"', "require('ai')", 'import("ai")', 'from\t"ai"',
  'together.ai', 'together_ai', 'together-ai', 'togetherai', 'together.xyz', 'from together import Together',
  'import  together', 'import\ttogether', 'from\ntogether',
];

/** Must-agree check: whatever the regex says yes to (on Latin-1 or on the UTF-8 text), the scan says yes to. */
function assertCovers(bytes: Buffer, label: string): void {
  const scan = mayHaveSdkMarkers(bytes);
  if (scan) return;
  assert.equal(hasSdkMarkers(bytes.toString('latin1')), false, `scan missed (latin1) ${label}`);
  assert.equal(hasSdkMarkers(bytes.toString('utf8')), false, `scan missed (utf8) ${label}`);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

describe('marker scan (bytes) vs marker regex', () => {
  it('has a sample for every alternative of the marker regex, and flags every sample', () => {
    for (const alternative of MARKER_ALTERNATIVES) {
      const re = new RegExp(alternative);
      assert.ok(SAMPLES.some((s) => re.test(s)), `no sample matches the alternative /${alternative}/`);
    }
    for (const sample of SAMPLES) {
      assert.equal(hasSdkMarkers(sample), true, `regex should match the sample ${JSON.stringify(sample)}`);
      assert.equal(mayHaveSdkMarkers(Buffer.from(sample)), true, `scan should flag ${JSON.stringify(sample)}`);
    }
  });

  it('flags a marker at the start, the end, in the middle, next to non-ASCII bytes and in files of any size', () => {
    const noise = 'x = 1  # héllo — 世界 ✓\n'.repeat(7);
    for (const sample of SAMPLES) {
      for (const text of [
        `${sample}${noise}`, `${noise}${sample}`, `${noise}${sample}${noise}`, `é${sample}é`, `\u2028${sample}\u00a0`,
        `${'a'.repeat(70_000)}${sample}`,
      ]) {
        const bytes = Buffer.from(text);
        assert.equal(mayHaveSdkMarkers(bytes), true, `${JSON.stringify(sample)} in ${bytes.length} bytes`);
      }
    }
  });

  it('says no where the regex says no for near misses, and never throws on tiny buffers', () => {
    for (const text of ['', 'g', 'gr', 'gro', 'opena', 'Openai', 'OPENAI', 'coherent', 'coherence', 'together we go',
      'brought together.', 'get together-with', 'invoke()', 'messages.append', 'converse', "'ai", 'ai"']) {
      const bytes = Buffer.from(text);
      assert.equal(hasSdkMarkers(text), false, text);
      assert.equal(mayHaveSdkMarkers(bytes), false, `scan should not flag ${JSON.stringify(text)}`);
    }
  });

  it('covers every fixture file (corpus, holdout, advice, tokens …) and its halves', () => {
    const files = filesUnder(FIXTURES);
    assert.ok(files.length > 150, `${files.length} fixture files`);
    let flagged = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      assertCovers(bytes, file);
      // Cut anywhere: a marker split by the cut is in neither half, one that is not stays in its half.
      const cut = Math.floor(bytes.length / 2);
      assertCovers(bytes.subarray(0, cut), `${file} [0, ${cut})`);
      assertCovers(bytes.subarray(cut), `${file} [${cut}, end)`);
      if (mayHaveSdkMarkers(bytes)) flagged += 1;
    }
    assert.ok(flagged > 100, `${flagged} flagged`);
  });

  it('covers generated text made of marker fragments, whitespace, quotes and non-ASCII bytes', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      ...SAMPLES, ...SAMPLES.map((s) => s.slice(0, Math.max(1, s.length - 1))), ...SAMPLES.map((s) => s.slice(1)),
      ' ', '\n', '\t', '"', "'", '(', '.', '_', '-', 'a', 'i', 'n', 'from', 'import', 'require(', 'é', '\u00a0', '—',
      'together', 'cohere', 'invoke', 'messages', 'Converse', 'ai', 'xyz',
    ];
    let flagged = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const n = 1 + random(12);
      for (let k = 0; k < n; k++) text += pieces[random(pieces.length)];
      const bytes = Buffer.from(text);
      assertCovers(bytes, JSON.stringify(text));
      if (mayHaveSdkMarkers(bytes)) flagged += 1;
    }
    assert.ok(flagged > 1000 && flagged < 4000, `${flagged} of 4000 flagged`);
  });

  it('agrees with a plain substring search for any literal set', () => {
    const literals = [{ text: 'abcd' }, { text: 'bcdx' }, { text: 'zzzzzz' }, { text: 'dab' }];
    const scan = new MultiLiteralScan(literals);
    let seed = 3;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 0; k < 2 + (i % 20); k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += 'abcdxz'[seed % 6];
      }
      const expected = literals.some((l) => text.includes(l.text));
      assert.equal(scan.scan(Buffer.from(text)), expected, text);
    }
  });

  it('rejects literals it cannot scan for', () => {
    assert.throws(() => new MultiLiteralScan([{ text: 'é-marker' }]), /printable ASCII/);
    assert.throws(() => new MultiLiteralScan([{ text: 'a' }]), /at least 2 bytes/);
    assert.ok(MARKER_LITERALS.length > 20);
  });
});

describe('audit prescreen with the marker scan', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmfp-scan-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, bytes: Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('UTF-16 files are decoded and kept as candidates (their bytes hold no ASCII marker)', () => {
    const text = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n';
    const le = write('le.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const screened = prescreenFile({ absPath: le, language: 'python' }, undefined);
    assert.equal(screened.text, text);
  });

  it('a file without markers settles as "no calls", one with markers comes back decoded (BOM dropped)', () => {
    const plain = write('plain.py', Buffer.from('def f(x):\n    return x\n'));
    assert.deepEqual(prescreenFile({ absPath: plain, language: 'python' }, undefined).outcome,
      { kind: 'analysis', analysis: { file: plain, language: 'python', calls: [], notes: [] } });
    const bom = write('bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import anthropic\n')]));
    assert.equal(prescreenFile({ absPath: bom, language: 'python' }, undefined).text, 'import anthropic\n');
    const prose = write('prose.py', Buffer.from('# these go together: coherent, well put together.\n'));
    assert.equal(prescreenFile({ absPath: prose, language: 'python' }, undefined).outcome?.kind, 'analysis');
  });
});
