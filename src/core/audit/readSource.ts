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

export function decodeSource(bytes: Uint8Array, name: string): SourceResult {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary (contains NUL bytes)' };

  if (encoding === 'utf-8' && (isMinifiedName(name) || looksMinified(bytes))) {
    return { ok: false, reason: 'minified (very long lines)' };
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

export async function readSource(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<SourceResult> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(absPath, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { ok: false, reason: `too large (${formatBytes(size)} > ${formatBytes(maxBytes)} limit)` };
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return decodeSource(offset === size ? bytes : bytes.subarray(0, offset), absPath);
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
    return { ok: false, reason: `cannot read: ${code}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Synchronous variant for resolving imported constants (the detection engine's readFile port). */
export function readSourceSync(absPath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | undefined {
  try {
    const stat = fs.statSync(absPath);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
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
