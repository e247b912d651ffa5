// An encoding's vocabulary (token bytes → rank) as flat typed arrays: every token's bytes in one Uint8Array and an
// open-addressing hash table over them, so a piece of text is looked up straight from a byte buffer, with no string
// per token. Built from tiktoken's own rank file (the `bpe_ranks` string of `<encoding>.ranks`) in ~20 ms for
// o200k's 200k tokens, about 6 MB; a JavaScript Map keyed by 200k token strings took 230–350 ms to build (measured).
// What it is for: see mergeEncoder.ts and encoders.ts.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) values[BASE64.charCodeAt(i)] = i;
  return values;
})();

const SPACE = 0x20;
const NEWLINE = 0x0a;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash >>> 0;
}

export class Vocabulary {
  /** Tokens in the order of the rank file; token i is bytes[starts[i] .. starts[i + 1]) with rank ranks[i]. */
  private readonly bytes: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ranks: Int32Array;
  /** Open addressing with linear probing: token index + 1, 0 for an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** The longest token, in bytes: no longer byte run can be one token. */
  readonly maxTokenBytes: number;

  private constructor(bytes: Uint8Array, starts: Int32Array, ranks: Int32Array) {
    this.bytes = bytes;
    this.starts = starts;
    this.ranks = ranks;
    const count = ranks.length;
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    let longest = 0;
    for (let i = 0; i < count; i++) longest = Math.max(longest, this.insert(i));
    this.maxTokenBytes = longest;
  }

  /** Adds token `index` to the table; returns its length. Its own small function so V8 optimizes it early. */
  private insert(index: number): number {
    const start = this.starts[index]!;
    const end = this.starts[index + 1]!;
    let slot = hashBytes(this.bytes, start, end) & this.mask;
    while (this.table[slot] !== 0) {
      if (this.sameBytes(this.table[slot]! - 1, this.bytes, start, end)) throw new Error(`duplicate token at rank ${this.ranks[index]}`);
      slot = (slot + 1) & this.mask;
    }
    this.table[slot] = index + 1;
    return end - start;
  }

  /**
   * Parses tiktoken's lite rank format from its ASCII bytes: lines of `! <first rank> <token> <token> …`, each token
   * base64 and ranked one above the one before it. Throws on anything else, so a changed format fails loudly at
   * load, not as wrong counts. Bytes rather than a string: reading a 2.3 MB latin1 string char by char was ~4× slower.
   */
  static fromRanks(source: Uint8Array): Vocabulary {
    const length = source.length;
    const bytes = new Uint8Array(Math.ceil((length * 3) / 4));
    // Every token takes at least 5 bytes of the file (4 of base64 and a separator): room enough, no growing arrays.
    const starts = new Int32Array(Math.ceil(length / 5) + 2);
    const ranks = new Int32Array(Math.ceil(length / 5) + 1);
    let count = 0;
    let written = 0;
    let at = 0;
    while (at < length) {
      const lineEnd = indexOrEnd(source, NEWLINE, at, length);
      if (lineEnd === at) { at += 1; continue; }
      const markEnd = indexOrEnd(source, SPACE, at, lineEnd);
      const rankEnd = indexOrEnd(source, SPACE, markEnd + 1, lineEnd);
      const first = parseDecimal(source, markEnd + 1, rankEnd);
      if (markEnd !== at + 1 || source[at] !== 0x21 || first < 0) throw new Error(`unexpected rank line at byte ${at}`);
      let rank = first;
      let token = rankEnd + 1;
      while (token < lineEnd) {
        starts[count] = written;
        ranks[count] = rank;
        count += 1;
        rank += 1;
        token = decodeBase64(source, token, lineEnd, bytes, written) + 1;
        written = decodedLength;
      }
      at = lineEnd + 1;
    }
    starts[count] = written;
    if (count === 0) throw new Error('the rank file has no tokens');
    return new Vocabulary(bytes.subarray(0, written), starts.subarray(0, count + 1), ranks.subarray(0, count));
  }

  get size(): number {
    return this.ranks.length;
  }

  /** The rank of the token whose bytes are exactly `source[start .. end)`, or -1 when no token has those bytes. */
  rankOf(source: Uint8Array, start: number, end: number): number {
    const index = this.indexOf(source, start, end);
    return index < 0 ? -1 : this.ranks[index]!;
  }

  /** The token index (not rank) of `source[start .. end)`, or -1. */
  private indexOf(source: Uint8Array, start: number, end: number): number {
    if (end - start > this.maxTokenBytes || end <= start) return -1;
    let slot = hashBytes(source, start, end) & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.sameBytes(entry - 1, source, start, end)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Calls `visit` with the index of every token that is `source[start .. end)` for some `end` up to `limit`: one
   * hash extended byte by byte, so all tokens inside a long piece cost one probe per (start, end), not a re-hash.
   */
  forEachTokenAt(source: Uint8Array, start: number, limit: number, visit: (index: number) => void): void {
    const last = Math.min(limit, start + this.maxTokenBytes);
    let hash = FNV_OFFSET;
    for (let end = start + 1; end <= last; end++) {
      hash = Math.imul(hash ^ source[end - 1]!, FNV_PRIME);
      let slot = (hash >>> 0) & this.mask;
      for (;;) {
        const entry = this.table[slot]!;
        if (entry === 0) break;
        if (this.sameBytes(entry - 1, source, start, end)) { visit(entry - 1); break; }
        slot = (slot + 1) & this.mask;
      }
    }
  }

  /** Token `index` as one line of the lite rank format (`! <rank> <base64>`), for a tiktoken encoder of a subset. */
  tokenLine(index: number): string {
    const start = this.starts[index]!;
    const end = this.starts[index + 1]!;
    return `! ${this.ranks[index]!} ${Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, end - start).toString('base64')}`;
  }

  private sameBytes(index: number, source: Uint8Array, start: number, end: number): boolean {
    const tokenStart = this.starts[index]!;
    if (this.starts[index + 1]! - tokenStart !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.bytes[tokenStart + i] !== source[start + i]) return false;
    return true;
  }
}

function indexOrEnd(source: Uint8Array, byte: number, from: number, end: number): number {
  const found = source.indexOf(byte, from);
  return found < 0 || found > end ? end : found;
}

/** A non-negative decimal in `source[start .. end)`, or -1. */
function parseDecimal(source: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = source[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Set by decodeBase64: where the output ended (a second return value without allocating). */
let decodedLength = 0;

/**
 * Decodes one base64 token starting at `source[start]` (up to a space or `end`) into `out` at `at`; returns where
 * the token ended in `source`, and leaves the new end of `out` in decodedLength. Padding ends the data.
 */
function decodeBase64(source: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  let bits = 0;
  let buffer = 0;
  let written = at;
  let i = start;
  for (; i < end; i++) {
    const code = source[i]!;
    if (code === SPACE) break;
    if (code === 0x3d) continue;
    const value = code < 128 ? BASE64_VALUE[code]! : -1;
    if (value < 0) throw new Error(`invalid base64 in the rank file at byte ${i}`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  decodedLength = written;
  return i;
}
