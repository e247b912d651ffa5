import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENCODINGS } from '../../src/core/tokens/encodingName';
import { REPO_ROOT } from './setup';

// The build (esbuild.mjs) ships tiktoken's rank files as dist/<encoding>.ranks — a JSON header line with pat_str and
// special_tokens, then bpe_ranks — which the tokenizer decodes as latin1. That is only exact when every byte is
// ASCII, and only the same tokenizer when the three parts equal tiktoken's own JSON: checked here, file by file
// (the counts themselves are compared with the full tiktoken build in tokens.test.ts).

interface RanksJson { pat_str: string; special_tokens: Record<string, number>; bpe_ranks: string }

describe('tokens: the shipped .ranks files', () => {
  for (const encoding of ENCODINGS) {
    it(`${encoding}.ranks holds tiktoken's ${encoding}.json, in ASCII`, () => {
      const bytes = readFileSync(path.join(REPO_ROOT, 'dist', `${encoding}.ranks`));
      assert.ok(bytes.every((b) => b < 0x80), 'a byte ≥ 0x80 would decode differently as latin1 and as UTF-8');
      const eol = bytes.indexOf(0x0a);
      assert.ok(eol > 0, 'a header line');
      const header = JSON.parse(bytes.toString('latin1', 0, eol)) as Omit<RanksJson, 'bpe_ranks'>;
      const source = JSON.parse(readFileSync(require.resolve(`tiktoken/encoders/${encoding}.json`), 'utf8')) as RanksJson;
      assert.equal(header.pat_str, source.pat_str);
      assert.deepEqual(header.special_tokens, source.special_tokens);
      assert.ok(bytes.toString('latin1', eol + 1) === source.bpe_ranks, 'bpe_ranks equal to tiktoken\'s');
    });
  }
});
