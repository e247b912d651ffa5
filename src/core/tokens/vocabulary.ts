// An encoding's vocabulary (token bytes → rank) as flat typed arrays: every token's bytes in one Uint8Array and an
// open-addressing hash table over them, so a piece of text is looked up straight from a byte buffer, with no string
// per token. Built from tiktoken's own rank file (`bpe_ranks`) at build time and shipped ready to use (serialize /
// deserialize, ~5 MB for o200k's 200k tokens); a JavaScript Map keyed by 200k token strings took 230–350 ms to
// build (measured). What it is for: see encodingCounter.ts.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) values[BASE64.charCodeAt(i)] = i;
  return values;
})();

const MAGIC = [0x4c, 0x46, 0x56, 0x31]; // "LFV1"
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

  private constructor(bytes: Uint8Array, starts: Int32Array, ranks: Int32Array, built?: { table: Int32Array; maxTokenBytes: number }) {
    this.bytes = bytes;
    this.starts = starts;
    this.ranks = ranks;
    if (built) {
      this.table = built.table;
      this.mask = built.table.length - 1;
      this.maxTokenBytes = built.maxTokenBytes;
      return;
    }
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

  /**
   * The vocabulary as the build ships it (dist/<encoding>.vocab, see esbuild.mjs): loading is then a read and a few
   * typed-array views, ~2 ms, where parsing the rank file and building the table took ~70 ms for o200k (measured).
   * Layout: the 4 bytes `LFV1`, a u32 header length, a JSON header, zero padding to a multiple of 4, then ranks,
   * starts and table as little-endian int32 and the token bytes.
   */
  serialize(patStr: string): Uint8Array {
    const header = new TextEncoder().encode(JSON.stringify({
      patStr, count: this.ranks.length, tableSize: this.table.length, bytes: this.bytes.length,
      maxTokenBytes: this.maxTokenBytes,
    }));
    const headerEnd = align4(8 + header.length);
    const parts = [this.ranks, this.starts, this.table];
    const intBytes = parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(headerEnd + intBytes + this.bytes.length);
    const view = new DataView(out.buffer);
    out.set(MAGIC, 0);
    view.setUint32(4, header.length, true);
    out.set(header, 8);
    let at = headerEnd;
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) view.setInt32(at + i * 4, part[i]!, true);
      at += part.byteLength;
    }
    out.set(this.bytes, at);
    return out;
  }

  /** Reads what serialize() wrote; throws on anything else (a stale or damaged asset), never counts wrong. */
  static deserialize(file: Uint8Array): { vocabulary: Vocabulary; patStr: string } {
    if (file.length < 8 || MAGIC.some((b, i) => file[i] !== b)) throw new Error('not a vocabulary file');
    if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('vocabulary files need a little-endian CPU');
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const headerLength = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + headerLength))) as {
      patStr: string; count: number; tableSize: number; bytes: number; maxTokenBytes: number;
    };
    const { count, tableSize } = header;
    const headerEnd = align4(8 + headerLength);
    if (file.length !== headerEnd + (count * 2 + 1 + tableSize) * 4 + header.bytes) throw new Error('vocabulary file has the wrong size');
    // Int32Array views need 4-byte alignment within the buffer; a Buffer from readFile may start anywhere in a pool.
    const body = (file.byteOffset + headerEnd) % 4 === 0 ? file : new Uint8Array(file);
    const ints = (from: number, length: number): Int32Array => new Int32Array(body.buffer, body.byteOffset + from, length);
    const ranks = ints(headerEnd, count);
    const starts = ints(headerEnd + count * 4, count + 1);
    const table = ints(headerEnd + (count * 2 + 1) * 4, tableSize);
    const bytes = body.subarray(headerEnd + (count * 2 + 1 + tableSize) * 4);
    const vocabulary = new Vocabulary(bytes, starts, ranks, { table, maxTokenBytes: header.maxTokenBytes });
    // A spot check that the table finds its own tokens (a table built with another hash would find none).
    for (let i = 0; i < count; i += 4099) {
      if (vocabulary.rankOf(bytes, starts[i]!, starts[i + 1]!) !== ranks[i]) throw new Error('vocabulary file table does not match its tokens');
    }
    return { vocabulary, patStr: header.patStr };
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

function align4(n: number): number {
  return (n + 3) & ~3;
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
