import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { get_encoding, type Tiktoken as ReferenceTiktoken } from 'tiktoken';
import { EncodingCounter } from '../../src/core/tokens/encodingCounter';
import { IN_THREAD_COUNTER } from '../../src/core/tokens/encoders';
import { ENCODINGS, type EncodingName } from '../../src/core/tokens/encodingName';
import { piecePattern } from '../../src/core/tokens/piecePattern';
import SHIPPED_CLASSES from '../../src/core/tokens/tiktokenClasses.json';
import { Vocabulary } from '../../src/core/tokens/vocabulary';
import { REPO_ROOT } from './setup';

// Counting splits text in JavaScript and lets tiktoken merge only the pieces that are not one token
// (core/tokens/encodingCounter.ts). These tests hold that to tiktoken's full encoder where it could drift: the
// Unicode classes of the split, every code point V8 classifies differently, the vocabulary itself, and pieces
// tiktoken treats specially. (tokens.test.ts and tokenCounter.test.ts compare counts on real prompts.)

interface TiktokenJson { pat_str: string; bpe_ranks: string }
const tiktokenJson = (encoding: EncodingName): TiktokenJson =>
  JSON.parse(readFileSync(require.resolve(`tiktoken/encoders/${encoding}.json`), 'utf8')) as TiktokenJson;

const references = new Map<EncodingName, ReferenceTiktoken>();
function reference(encoding: EncodingName): ReferenceTiktoken {
  let enc = references.get(encoding);
  if (!enc) { enc = get_encoding(encoding); references.set(encoding, enc); }
  return enc;
}

async function assertSameCounts(encoding: EncodingName, texts: readonly string[]): Promise<void> {
  const got = await IN_THREAD_COUNTER.countTexts(encoding, texts);
  const wrong = texts
    .map((t, i) => ({ t, got: got[i], want: reference(encoding).encode_ordinary(t).length }))
    .filter((r) => r.got !== r.want);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${texts.length} texts counted differently`);
}

/** Every text puts one character where each branch of the split patterns would see it. */
function around(char: string): string {
  return `x'${char} a${char}b ${char}${char}'s A${char}'T ${char}1 x${char}\n ${char} `;
}

const CLASS_NAMES = Object.keys(SHIPPED_CLASSES.classes) as Array<keyof typeof SHIPPED_CLASSES.classes>;

function inRanges(ranges: ReadonlyArray<readonly number[]>, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid] as [number, number];
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

describe('tokens: splitting in JavaScript, merging in tiktoken', function () {
  this.timeout(60_000);

  it('tiktokenClasses.json is what the installed tiktoken matches (re-derived from tiktoken itself)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { deriveClasses } = require(path.join(REPO_ROOT, 'scripts', 'tiktokenClasses.cjs')) as {
      deriveClasses: () => unknown;
    };
    assert.deepEqual(deriveClasses(), SHIPPED_CLASSES, 'out of date: run node scripts/tiktokenClasses.cjs');
  });

  for (const encoding of ENCODINGS) {
    it(`${encoding}: every code point whose class differs between V8 and tiktoken counts as tiktoken counts it`, async () => {
      // Computed here, on this runtime: the code points V8's own \p{…} tables put in a different class.
      const v8 = Object.fromEntries(CLASS_NAMES.map((name) => [
        name, new RegExp(`^${name === 'White_Space' ? '\\s' : `\\p{${name}}`}$`, 'u'),
      ]));
      const texts: string[] = [];
      for (let cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const char = String.fromCodePoint(cp);
        const differs = CLASS_NAMES.some((name) => v8[name]!.test(char) !== inRanges(SHIPPED_CLASSES.classes[name], cp));
        if (differs) texts.push(around(char));
      }
      assert.ok(texts.length > 0, 'this runtime and tiktoken disagree somewhere (else the test proves nothing)');
      await assertSameCounts(encoding, texts);
    });

    it(`${encoding}: a sample of all of Unicode (every 101st code point) counts as tiktoken counts it`, async () => {
      const texts: string[] = [];
      for (let cp = 0; cp < 0x110000; cp += 101) if (cp < 0xd800 || cp > 0xdfff) texts.push(around(String.fromCodePoint(cp)));
      await assertSameCounts(encoding, texts);
    });

    it(`${encoding}: contractions in any case (including ſ), runs longer than a merge chunk, special-token text, lone surrogates, CRLF`, async () => {
      const contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'ſ", "'S", "'RE", "'Ll", "'x"];
      await assertSameCounts(encoding, [
        ...contractions.map((c) => `it${c} and THEY${c} 9${c} ${c}`),
        ' '.repeat(5000) + 'x', 'a'.repeat(3000), '9'.repeat(100), '!'.repeat(700) + '\n/\n',
        // Longer than one merge chunk (encodingCounter.ts, LONG_PIECE), one with a surrogate pair across the boundary.
        'a'.repeat(12_000), '='.repeat(9_000), `x${'😀'.repeat(3_000)}`, ' '.repeat(10_000) + 'y',
        '<|endoftext|> and <|endofprompt|><|fim_prefix|>', 'lone \ud800 high, lone \udc00 low, pair \ud83d\ude00',
        'line\r\n\r\n  \n\t\tindent\u0085next\u00a0nbsp\ufeffbom\u3000ideographic', '',
        'Ünïcödé naïve café — 日本語のテキスト、中文文本，한국어 텍스트 👨‍👩‍👧‍👦 🎉',
      ]);
    });

    it(`${encoding}: the vocabulary holds every token of tiktoken's rank file at its rank, and nothing else`, () => {
      const { bpe_ranks } = tiktokenJson(encoding);
      const vocabulary = Vocabulary.fromRanks(Buffer.from(bpe_ranks, 'latin1'));
      const [, first, ...tokens] = bpe_ranks.split(' ');
      assert.equal(vocabulary.size, tokens.length);
      let mismatches = 0;
      tokens.forEach((b64, i) => {
        const bytes = Buffer.from(b64, 'base64');
        if (vocabulary.rankOf(bytes, 0, bytes.length) !== Number(first) + i) mismatches += 1;
      });
      assert.equal(mismatches, 0);
      const absent = Buffer.from('zqxjkvbwfpyg');
      assert.equal(vocabulary.rankOf(absent, 0, absent.length), -1);
    });

    it(`${encoding}: a merged piece's count is remembered, and texts sharing pieces get their own totals`, () => {
      const { bpe_ranks, pat_str } = tiktokenJson(encoding);
      const counter = new EncodingCounter(Vocabulary.fromRanks(Buffer.from(bpe_ranks, 'latin1')), pat_str);
      const texts = ['zqxjkvbwfpyg zqxjkvbwfpyg', 'the zqxjkvbwfpyg', 'the end'];
      const plan = counter.plan(texts);
      assert.deepEqual(new Map(plan.toMerge), new Map([['zqxjkvbwfpyg', [0]], [' zqxjkvbwfpyg', [0, 1]]]));
      const pieces = [...plan.toMerge.keys()];
      const pieceCounts = pieces.map((p) => reference(encoding).encode_ordinary(p).length);
      counter.remember(pieces, pieceCounts);
      const counts = counter.finish(plan, new Map(pieces.map((p, k) => [p, pieceCounts[k]!])));
      assert.deepEqual(counts, texts.map((t) => reference(encoding).encode_ordinary(t).length));
      assert.equal(counter.plan(texts).toMerge.size, 0, 'a second plan merges nothing');
    });
  }

  it('a tokenizer pattern with syntax the translation does not know is refused, not approximated', () => {
    assert.throws(() => piecePattern('\\d+|\\w+'), /unsupported tokenizer pattern syntax/);
    assert.throws(() => piecePattern('(?i:x)'), /unsupported case-insensitive letter/);
    assert.throws(() => piecePattern('\\p{Greek}'), /lacks/);
    assert.ok(piecePattern(tiktokenJson('o200k_base').pat_str).flags.includes('u'));
  });
});
