import TIKTOKEN_CLASSES from './tiktokenClasses.json';

// tiktoken first splits text into pieces with its encoding's regex (`pat_str`, Rust fancy-regex syntax), then
// byte-pair-merges each piece on its own. This turns that regex into a JavaScript RegExp that splits identically,
// so pieces can be looked up and counted here (see encodingCounter.ts). Both engines are backtracking,
// leftmost-first matchers, so the same pattern gives the same pieces once the syntax differences are bridged:
// - `\p{L}`, `\p{N}`, `\s` …: V8's tables follow the runtime's Unicode version, newer than the one compiled into
//   tiktoken (Node 20 classifies ~4,600 code points differently: letters assigned since, U+0295 moved from Ll to
//   Lo). So every class is spelled out as tiktoken's own ranges (tiktokenClasses.json, read from tiktoken by
//   scripts/tiktokenClasses.cjs). That also settles `\s`, which in JavaScript adds U+FEFF and lacks U+0085.
//   The cost: splitting runs ~4× slower than with V8's built-in classes (~3.7 MB/s), and compiling takes ~20 ms.
// - `(?i:'s|'t|…)`: JavaScript has no inline flag groups (Node 20). Each letter becomes the class of characters
//   Unicode simple case folding makes equal to it, as Rust's `(?i)` does: for `s` that includes U+017F (ſ).
// - The `u` flag makes the RegExp step over whole code points, as Rust does.
// Anything else in a pattern is refused, so a new tiktoken pattern fails at load rather than counting wrong.
// test/unit/tokens.pieces.test.ts checks the ranges against tiktoken and the counts across all of Unicode.

type Ranges = ReadonlyArray<readonly [number, number]>;

const CLASSES: Readonly<Record<string, Ranges>> = TIKTOKEN_CLASSES.classes as unknown as Record<string, Ranges>;

/** Letters of the contraction groups and the characters Unicode simple case folding makes equal to each. */
const CASE_CLASSES: Readonly<Record<string, string>> = Object.freeze({
  s: 'sS\u017f', t: 'tT', r: 'rR', e: 'eE', v: 'vV', m: 'mM', l: 'lL', d: 'dD',
});

/** The pattern syntax understood; anything else is refused. */
const SYNTAX = /^(?:\\[sS]|\\[rn]|\\p\{([A-Za-z_]+)\}|\(\?i:[^()]*\)|\(\?!|\(\?:|\[\^?|\]|[^\\()[\]]|\))/u;

export function piecePattern(patStr: string): RegExp {
  let out = '';
  let inClass = false;
  let at = 0;
  while (at < patStr.length) {
    const match = SYNTAX.exec(patStr.slice(at));
    if (!match) throw new Error(`unsupported tokenizer pattern syntax at ${at}: ${patStr.slice(at, at + 12)}`);
    const token = match[0];
    if (token.startsWith('[')) {
      if (inClass) throw new Error(`nested character class in tokenizer pattern at ${at}`);
      inClass = true;
      out += token;
    } else if (token === ']') {
      inClass = false;
      out += token;
    } else if (token === '\\s' || match[1] !== undefined) {
      const ranges = rangesOf(token === '\\s' ? 'White_Space' : match[1]!);
      out += inClass ? ranges : `[${ranges}]`;
    } else if (token === '\\S') {
      if (inClass) throw new Error(`\\S inside a character class in tokenizer pattern at ${at}`);
      out += `[^${rangesOf('White_Space')}]`;
    } else if (token.startsWith('(?i:')) {
      out += `(?:${token.slice(4, -1).split('|').map(caseless).join('|')})`;
    } else {
      out += token;
    }
    at += token.length;
  }
  return new RegExp(out, 'gu');
}

function rangesOf(name: string): string {
  const ranges = CLASSES[name];
  if (!ranges) throw new Error(`tokenizer pattern uses \\p{${name}}, which tiktokenClasses.json lacks`);
  return ranges.map(([from, to]) => (from === to ? codePoint(from) : `${codePoint(from)}-${codePoint(to)}`)).join('');
}

function codePoint(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

function caseless(literal: string): string {
  let out = '';
  for (const char of literal) {
    if (char === "'") { out += "'"; continue; }
    const variants = CASE_CLASSES[char];
    if (!variants) throw new Error(`unsupported case-insensitive letter in tokenizer pattern: ${char}`);
    out += `[${variants}]`;
  }
  return out;
}
