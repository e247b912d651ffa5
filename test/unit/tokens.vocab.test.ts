import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENCODINGS } from '../../src/core/tokens/encodingName';
import { Vocabulary } from '../../src/core/tokens/vocabulary';
import { REPO_ROOT } from './setup';

// The build (esbuild.mjs) ships each encoding's vocabulary as dist/<encoding>.vocab, made from tiktoken's own rank
// JSON by Vocabulary.fromRanks and serialize(). Checked here, file by file: it holds tiktoken's pattern and exactly
// tiktoken's tokens at their ranks, and a damaged or foreign file is refused rather than read.

interface RanksJson { pat_str: string; bpe_ranks: string }

const shipped = (encoding: string): Buffer => readFileSync(path.join(REPO_ROOT, 'dist', `${encoding}.vocab`));

describe('tokens: the shipped .vocab files', () => {
  for (const encoding of ENCODINGS) {
    it(`${encoding}.vocab holds tiktoken's ${encoding} pattern and every token at its rank`, () => {
      const source = JSON.parse(readFileSync(require.resolve(`tiktoken/encoders/${encoding}.json`), 'utf8')) as RanksJson;
      const { vocabulary, patStr } = Vocabulary.deserialize(shipped(encoding));
      assert.equal(patStr, source.pat_str);
      const [, first, ...tokens] = source.bpe_ranks.split(' ');
      assert.equal(vocabulary.size, tokens.length);
      const wrong = tokens.filter((b64, i) => {
        const bytes = Buffer.from(b64, 'base64');
        return vocabulary.rankOf(bytes, 0, bytes.length) !== Number(first) + i;
      });
      assert.equal(wrong.length, 0);
    });
  }

  it('reads from any byte offset (a Buffer from a shared pool need not be 4-byte aligned)', () => {
    const file = shipped('cl100k_base');
    const padded = Buffer.alloc(file.length + 1);
    file.copy(padded, 1);
    const { vocabulary } = Vocabulary.deserialize(padded.subarray(1));
    const hello = Buffer.from('hello');
    assert.equal(vocabulary.rankOf(hello, 0, hello.length), Vocabulary.deserialize(file).vocabulary.rankOf(hello, 0, hello.length));
    assert.ok(vocabulary.rankOf(hello, 0, hello.length) >= 0);
  });

  it('a truncated, foreign or tampered file is refused with a reason', () => {
    const file = shipped('cl100k_base');
    assert.throws(() => Vocabulary.deserialize(file.subarray(0, file.length - 1)), /wrong size/);
    assert.throws(() => Vocabulary.deserialize(Buffer.from('{"pat_str":"x"}\n! 0 IQ==')), /not a vocabulary file/);
    const tampered = Buffer.from(file);
    // Zero the hash table: the spot check finds no token.
    const headerLength = tampered.readUInt32LE(4);
    const header = JSON.parse(tampered.subarray(8, 8 + headerLength).toString('utf8')) as { count: number; tableSize: number };
    const tableStart = ((8 + headerLength + 3) & ~3) + (header.count * 2 + 1) * 4;
    tampered.fill(0, tableStart, tableStart + header.tableSize * 4);
    assert.throws(() => Vocabulary.deserialize(tampered), /does not match/);
  });
});
