import { piecePattern } from './piecePattern';
import { Vocabulary } from './vocabulary';

// Counts tokens the way tiktoken's encode_ordinary does, in two steps:
// 1. Split the text into pieces with the encoding's own regex (piecePattern.ts) and look each piece up in the
//    vocabulary. Most pieces ("␣the", "(", "␣prompt") are one token, which tiktoken also takes straight from its
//    table without merging.
// 2. Every other piece is byte-pair-merged by tiktoken itself (encoders.ts), with an encoder built for just those
//    pieces: the ranks of every byte run inside them that is a token. BPE only ever looks up runs inside the piece
//    it merges, so that encoder merges them exactly as the full one would, and it builds in well under a
//    millisecond. Each such piece's count is remembered.
// Why not the full encoder: building tiktoken's o200k encoder costs 0.4–0.6 s of CPU in a fresh process (its first
// call runs in V8's baseline WASM tier), more than the rest of an audit's counting together; this way the cost is
// reading the vocabulary file (~2 ms), compiling the split RegExp (~20 ms) and tiktoken's WASM with its first small
// build (~0.1 s) (measured, docs/tokens.md).

/** Counts of pieces that needed merging, per encoding; bounded so a long session cannot grow it without limit. */
const MAX_MERGED_PIECES = 65_536;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encoder = new TextEncoder();

/**
 * Pieces longer than this (a run of one kind of character: 4,096 letters with no space or digit, a long rule of
 * `=`) are merged in chunks of this size. tiktoken's merge takes quadratic time in a piece's length (a 200,000-letter
 * run: 27 s, in tiktoken's own encoder as in ours); in chunks it is linear, and the count can differ from tiktoken's
 * only around each chunk boundary (for the runs measured it did not). Prompts rarely hold such pieces; the limit is
 * documented in docs/tokens.md.
 */
const LONG_PIECE = 4096;

/** `piece`, or its LONG_PIECE-sized chunks (never splitting a surrogate pair). */
function chunks(piece: string): string[] {
  if (piece.length <= LONG_PIECE) return [piece];
  const out: string[] = [];
  let at = 0;
  while (at < piece.length) {
    let end = Math.min(piece.length, at + LONG_PIECE);
    const last = piece.charCodeAt(end - 1);
    if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(piece.slice(at, end));
    at = end;
  }
  return out;
}

/** What step 1 left for step 2: the pieces to merge, and which texts hold each (once per occurrence). */
export interface CountPlan {
  counts: number[];
  toMerge: Map<string, number[]>;
}

export class EncodingCounter {
  private readonly pattern: RegExp;
  private readonly merged = new Map<string, number>();
  private scratch = new Uint8Array(1024);

  constructor(private readonly vocabulary: Vocabulary, patStr: string) {
    this.pattern = piecePattern(patStr);
  }

  /** Step 1: counts from single-token pieces and remembered merges; the rest is left in `toMerge`. */
  plan(texts: readonly string[]): CountPlan {
    const counts = new Array<number>(texts.length).fill(0);
    const toMerge = new Map<string, number[]>();
    texts.forEach((raw, i) => {
      if (raw.length === 0) return;
      // tiktoken receives text through TextEncoder, which turns a lone surrogate into U+FFFD.
      const text = /[\uD800-\uDFFF]/.test(raw) ? raw.replace(LONE_SURROGATE, '\uFFFD') : raw;
      let count = 0;
      for (const match of text.matchAll(this.pattern)) {
        for (const piece of chunks(match[0])) count += this.countPiece(piece, i, toMerge);
      }
      counts[i] = count;
    });
    return { counts, toMerge };
  }

  /** 1 for a piece that is one token, a remembered merge's count, or 0 with the piece left in `toMerge` for text i. */
  private countPiece(piece: string, i: number, toMerge: Map<string, number[]>): number {
    const length = this.encode(piece);
    if (this.vocabulary.rankOf(this.scratch, 0, length) >= 0) return 1;
    const known = this.merged.get(piece);
    if (known !== undefined) return known;
    const holders = toMerge.get(piece);
    if (holders) holders.push(i);
    else toMerge.set(piece, [i]);
    return 0;
  }

  /**
   * The lite rank lines (`! <rank> <base64>`) of every token that occurs as a byte run inside `pieces`: all that
   * tiktoken's merge can look up for them.
   */
  ranksFor(pieces: Iterable<string>): string {
    const seen = new Set<number>();
    const lines: string[] = [];
    const visit = (index: number): void => {
      if (seen.has(index)) return;
      seen.add(index);
      lines.push(this.vocabulary.tokenLine(index));
    };
    for (const piece of pieces) {
      const length = this.encode(piece);
      for (let start = 0; start < length; start++) this.vocabulary.forEachTokenAt(this.scratch, start, length, visit);
    }
    return lines.join('\n');
  }

  /** Remembers merged pieces' counts, so later texts holding them need no merge. */
  remember(pieces: readonly string[], pieceCounts: readonly number[]): void {
    if (this.merged.size + pieces.length > MAX_MERGED_PIECES) this.merged.clear();
    pieces.forEach((piece, k) => this.merged.set(piece, pieceCounts[k] ?? 0));
  }

  /** Step 2's result: each merged piece's count added to the texts that hold it. */
  finish(plan: CountPlan, merged: ReadonlyMap<string, number>): number[] {
    for (const [piece, holders] of plan.toMerge) {
      const n = merged.get(piece);
      if (n === undefined) throw new Error(`tokenizer: piece left unmerged (${JSON.stringify(piece.slice(0, 20))})`);
      for (const i of holders) plan.counts[i] = (plan.counts[i] ?? 0) + n;
    }
    return plan.counts;
  }

  /** UTF-8 bytes of `piece` into the scratch buffer; returns their length. */
  private encode(piece: string): number {
    if (this.scratch.length < piece.length * 3) this.scratch = new Uint8Array(piece.length * 3);
    const scratch = this.scratch;
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      if (code >= 0x80) return encoder.encodeInto(piece, scratch).written;
      scratch[i] = code;
    }
    return piece.length;
  }
}
