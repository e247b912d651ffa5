import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { isMinifiedName } from './skipDirs';

// One file from disk to text, or the reason it is not worth analysing. The checks are ordered cheapest first and
// each touches the bytes once: size from fstat, a BOM sniff, a NUL search (memchr), then one line-length pass only
// for files big enough to be a bundle.

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Minified code: few, very long lines. Both limits must hold, so a source file with one long prompt line stays in. */
const MINIFIED_MIN_BYTES = 20_000;
const MINIFIED_MAX_LINE = 2_000;
const MINIFIED_AVG_LINE = 300;
/** More than this share of U+FFFD after decoding means the file is not UTF-8 text (Latin-1 accents stay well under). */
const UNDECODABLE_SHARE = 0.1;

export type SourceResult = { ok: true; text: string } | { ok: false; reason: string };

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Why the bytes are not worth decoding (binary, minified), or undefined. Cheap: memchr plus one newline pass. */
export function screenBytes(bytes: Uint8Array, name: string): string | undefined {
  if (bomEncoding(bytes)) return undefined;
  if (bytes.indexOf(0) >= 0) return 'binary (contains NUL bytes)';
  if (isMinifiedName(name) || looksMinified(bytes)) return 'minified (very long lines)';
  return undefined;
}

/** UTF-16 text (by its BOM): ASCII markers do not appear byte for byte in it, so it is decoded before any prefilter. */
export function isUtf16(bytes: Uint8Array): boolean {
  return bomEncoding(bytes) !== undefined;
}

export function decodeSource(bytes: Uint8Array, name: string): SourceResult {
  const screened = screenBytes(bytes, name);
  return screened ? { ok: false, reason: screened } : decodeScreened(bytes);
}

/** decodeSource for bytes that have passed screenBytes already (the audit's prescreen). */
export function decodeScreened(bytes: Uint8Array): SourceResult {
  const encoding = bomEncoding(bytes) ?? 'utf-8';
  if (encoding === 'utf-8') {
    // Fast path for the common case: simdutf-validated UTF-8 decodes with Buffer#toString (several times faster than
    // TextDecoder on large trees) and cannot contain replacement characters, so they need no count.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    if (isUtf8(buffer)) return { ok: true, text: buffer.toString('utf8', start) };
  }
  let text: string;
  try {
    // Not fatal: invalid sequences become U+FFFD and the rest of the file still counts. The decoder drops a BOM.
    text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  } catch {
    return { ok: false, reason: `undecodable (${encoding} not supported)` };
  }
  if (text.length > 0 && countReplacement(text) / text.length > UNDECODABLE_SHARE) {
    return { ok: false, reason: 'undecodable (not UTF-8 text)' };
  }
  return { ok: true, text };
}

export function readSource(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceResult {
  const read = readBytes(absPath, maxBytes);
  return read.ok ? decodeSource(read.bytes, absPath) : read;
}

/**
 * One reusable read buffer for a thread that reads every file of a tree only to prefilter it: a fresh Buffer per
 * file is an external allocation the GC has to account for and free (13k of them, ~110 MB, on the bench tree).
 * Bytes read into it are valid until the next read; keep them with Buffer.from(bytes) (copy).
 */
export class ScratchBuffer {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** The whole buffer, at least `size` bytes long (contents kept up to `keep`). */
  atLeast(size: number, keep = 0): Buffer {
    if (size > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, keep);
      this.buffer = bigger;
    }
    return this.buffer;
  }
}

/**
 * The file's bytes, or why it cannot be read / is too large. Synchronous on purpose: measured on a 13k-file tree,
 * fs.promises' FileHandle path cost ~7× the CPU of open/fstat/read/close sync calls (a promise and a GC-finalized
 * handle per operation). Each read is a page-cache copy of at most maxBytes, so blocking is brief; the runner
 * yields between files. With a scratch buffer (the audit's prescreen) there is no fstat: the file is read until
 * end of file, and only one that turns out larger than maxBytes is measured for the message.
 */
export function readBytes(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES, scratch?: ScratchBuffer): BytesResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absPath, 'r');
    if (scratch) return readToEnd(fd, maxBytes, scratch);
    const { size } = fs.fstatSync(fd);
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const read = fs.readSync(fd, bytes, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { ok: true, bytes: offset === size ? bytes : bytes.subarray(0, offset) };
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
    return { ok: false, reason: `cannot read: ${code}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readToEnd(fd: number, maxBytes: number, scratch: ScratchBuffer): BytesResult {
  let buffer = scratch.atLeast(0);
  let offset = 0;
  for (;;) {
    // One byte beyond the limit tells "too large" apart from "exactly at the limit".
    const want = Math.min(buffer.length, maxBytes + 1) - offset;
    const read = fs.readSync(fd, buffer, offset, want, null);
    if (read === 0) break;
    offset += read;
    if (offset > maxBytes) return tooLarge(fs.fstatSync(fd).size, maxBytes);
    if (offset === buffer.length) buffer = scratch.atLeast(buffer.length * 2, offset);
  }
  return { ok: true, bytes: buffer.subarray(0, offset) };
}

function tooLarge(size: number, maxBytes: number): BytesResult {
  return { ok: false, reason: `too large (${formatBytes(size)} > ${formatBytes(maxBytes)} limit)` };
}

/** Synchronous variant for resolving imported constants (the detection engine's readFile port). */
export function readSourceSync(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | undefined {
  try {
    // Most probes are for modules that do not exist (Python imports are tried in up to 8 parent folders):
    // no exception for a missing file, which costs more than the stat itself.
    const stat = fs.statSync(absPath, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxBytes) return undefined;
    const result = decodeSource(fs.readFileSync(absPath), absPath);
    return result.ok ? result.text : undefined;
  } catch {
    return undefined;
  }
}

function looksMinified(bytes: Uint8Array): boolean {
  if (bytes.length < MINIFIED_MIN_BYTES) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  let longest = 0;
  let start = 0;
  for (;;) {
    const nl = buffer.indexOf(10, start);
    const end = nl < 0 ? buffer.length : nl;
    if (end - start > longest) longest = end - start;
    lines += 1;
    if (nl < 0) break;
    start = nl + 1;
  }
  return longest >= MINIFIED_MAX_LINE && buffer.length / lines >= MINIFIED_AVG_LINE;
}

function countReplacement(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count += 1;
  return count;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toPrecision(3))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toPrecision(3))} KB`;
  return `${bytes} B`;
}
