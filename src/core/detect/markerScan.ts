// A byte-level multi-literal scan in front of the marker regex (markers.ts), for the audit's prescreen over a whole
// tree: it runs on the raw bytes of a file (no Latin-1 string, no regex) and answers "no marker can be here" for most
// files, so hasSdkMarkers only confirms the files it flags.
//
// Measured on the bench tree (13k files, 112 MB): Latin-1 conversion + the one-pass regex cost ~0.9–1 s of main-thread
// CPU; this scan ~0.2 s. It is Wu-Manber (https://www.cs.arizona.edu/sites/default/files/TR94-17.pdf) with 2-byte
// blocks: the window is as long as the shortest literal; the block at its end says how far the window may jump
// without skipping an occurrence of any literal, and only at shift 0 are the literals ending in that block compared.
//
// Contract: it never says "no" where hasSdkMarkers says "yes" (test/unit/markerScan.test.ts compares both on every
// fixture and on generated inputs). Each literal is a substring of every match of one marker alternative, so the
// scan is a superset; flagging more is allowed (the regex decides), flagging less is a bug.
// ASCII literals match the UTF-8 bytes exactly where they match the decoded text: UTF-8 never encodes anything but
// ASCII characters with bytes < 0x80, and decoding maps every ASCII byte to itself, valid or not around it. UTF-16
// files are not scanned here (the caller decodes them and runs the regex).

/** A literal, and optionally a cheaper-than-regex look around it that a match of its marker needs. */
export interface MarkerLiteral {
  text: string;
  /** Where in `text` the scan's key (as long as the shortest literal) starts; default 0. */
  key?: number;
  /** False when this occurrence (bytes[start, end)) cannot be part of a marker match; absent = always a hit. */
  around?: (bytes: Uint8Array, start: number, end: number) => boolean;
}

/**
 * One literal per alternative of the marker regexes in markers.ts (keep the two in step). A few are shortened to a
 * substring common to several alternatives: `generative` (generativeai, generative-ai, generativelanguage), `llama`
 * (ollama, llama_index, llamaindex). Two common English words get a look around them, because on the bench tree
 * they flagged ~180 prose files that the regex then had to clear: `cohere` (not `coheren…`), `together` (followed by
 * `ai`, `[._-]ai` or `.xyz`, or preceded by whitespace and `from`/`import`).
 */
export const MARKER_LITERALS: readonly MarkerLiteral[] = [
  ...[
    'openai', 'anthropic', 'genai', 'generative', 'vertexai', 'mistral', 'bedrock', 'litellm', 'llama',
    'langchain', 'langgraph', '@ai-sdk', 'groq', 'deepseek', ':11434', 'ai-provider', 'genkit',
    'chat.completions', 'messages.create', 'messages.stream', 'generate_content', 'generateContent', 'invoke_model',
    'onverse(', 'onverse_stream(', 'ConverseCommand', 'ConverseStreamCommand', '.invoke(', '.ainvoke(', 'Runner.run',
    // The Vercel AI SDK's bare module name, quoted (AI_IMPORT).
    "'ai'", '"ai"',
  ].map((text) => ({ text })),
  { text: 'cohere', around: (bytes, _start, end) => bytes[end] !== 0x6e /* n */ },
  { text: 'together', around: togetherMarker },
];

/** TOGETHER in markers.ts: `together(?:[._-]?ai|\.xyz)|(?:from|import)\s+together\b`, loosened to a superset. */
function togetherMarker(bytes: Uint8Array, start: number, end: number): boolean {
  const next = bytes[end];
  const ai = (at: number): boolean => bytes[at] === 0x61 && bytes[at + 1] === 0x69;
  if (ai(end)) return true;
  if ((next === 0x2e || next === 0x5f || next === 0x2d) && ai(end + 1)) return true; // . _ -
  if (next === 0x2e && bytes[end + 1] === 0x78 && bytes[end + 2] === 0x79 && bytes[end + 3] === 0x7a) return true; // .xyz
  let k = start - 1;
  // `\s+`: ASCII whitespace, or any non-ASCII byte (U+00A0 as Latin-1, or part of a UTF-8 encoded Unicode space).
  while (k >= 0 && (bytes[k]! >= 0x80 || bytes[k] === 0x20 || (bytes[k]! >= 0x09 && bytes[k]! <= 0x0d))) k--;
  if (k === start - 1) return false;
  return endsWith(bytes, k + 1, 'from') || endsWith(bytes, k + 1, 'import');
}

function endsWith(bytes: Uint8Array, end: number, word: string): boolean {
  if (end < word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[end - word.length + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** A compiled set of literals: scan(bytes) is true when any of them occurs in bytes. */
export class MultiLiteralScan {
  /** Length of the shortest literal: the window. */
  private readonly window: number;
  /** For every 2-byte block (b0 << 8 | b1) at a window's end: how far the window may move right. */
  private readonly shift: Uint8Array;
  /** For blocks with shift 0: the literals whose key ends in that block (index = block). */
  private readonly buckets: Array<Compiled[] | undefined> = [];
  /** 1 for every 2-byte block a key starts with: most shift-0 windows fail this one lookup. */
  private readonly keyStart = new Uint8Array(65536);

  constructor(literals: readonly MarkerLiteral[]) {
    const lengths = literals.map((l) => l.text.length);
    const m = Math.min(...lengths);
    if (m < 2) throw new Error('marker literals must be at least 2 bytes long');
    this.window = m;
    this.shift = new Uint8Array(65536).fill(m - 1);
    for (const l of literals) {
      if (!/^[\x20-\x7e]+$/.test(l.text)) throw new Error(`marker literal must be printable ASCII: ${JSON.stringify(l.text)}`);
      const bytes = Uint8Array.from(l.text, (c) => c.charCodeAt(0));
      const offset = l.key ?? 0;
      if (offset < 0 || offset + m > bytes.length) throw new Error(`marker literal key out of range: ${l.text}`);
      const literal: Compiled = { bytes, offset, around: l.around };
      // Only the key (m bytes of the literal) takes part in shifting: a window is as long as the shortest literal.
      for (let j = 1; j < m; j++) {
        const block = (bytes[offset + j - 1]! << 8) | bytes[offset + j]!;
        const s = m - 1 - j;
        if (s < this.shift[block]!) this.shift[block] = s;
      }
      this.keyStart[(bytes[offset]! << 8) | bytes[offset + 1]!] = 1;
      const last = (bytes[offset + m - 2]! << 8) | bytes[offset + m - 1]!;
      (this.buckets[last] ??= []).push(literal);
    }
  }

  /** True when one of the literals occurs in `bytes` (case-sensitive, byte for byte). */
  scan(bytes: Uint8Array): boolean {
    const m = this.window;
    const n = bytes.length;
    const shift = this.shift;
    const keyStart = this.keyStart;
    let end = m - 1;
    while (end < n) {
      const block = (bytes[end - 1]! << 8) | bytes[end]!;
      const s = shift[block]!;
      if (s !== 0) {
        end += s;
        continue;
      }
      const keyAt = end - m + 1;
      if (keyStart[(bytes[keyAt]! << 8) | bytes[keyAt + 1]!] === 1) {
        for (const { bytes: literal, offset, around } of this.buckets[block]!) {
          const start = keyAt - offset;
          const stop = start + literal.length;
          if (start >= 0 && stop <= n && matchesAt(bytes, start, literal) && (!around || around(bytes, start, stop))) return true;
        }
      }
      end += 1;
    }
    return false;
  }
}

interface Compiled {
  bytes: Uint8Array;
  offset: number;
  around: MarkerLiteral['around'];
}

function matchesAt(bytes: Uint8Array, start: number, literal: Uint8Array): boolean {
  for (let k = 0; k < literal.length; k++) if (bytes[start + k] !== literal[k]) return false;
  return true;
}

let compiled: MultiLiteralScan | undefined;

/**
 * False means the bytes (UTF-8 or any ASCII-compatible encoding) certainly contain no SDK marker: hasSdkMarkers would
 * say false on their decoded text. True means "maybe": confirm with hasSdkMarkers.
 */
export function mayHaveSdkMarkers(bytes: Uint8Array): boolean {
  return (compiled ??= new MultiLiteralScan(MARKER_LITERALS)).scan(bytes);
}
