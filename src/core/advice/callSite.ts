import { readList, type ArgumentListView, type StyleHints } from './argumentList';
import { SourceText } from '../sourceText';
import { getStructure, opaqueAt, bracketContents, type Dialect, type Structure } from './structure';
import type { DetectedCall, Range } from '../types';

// Everything a fixer needs to know about where one call lives in its file: the text, its lexical map, the request's
// options list (Python keyword arguments or the JS options object) and the callee span the diagnostics point at.

export interface CallSite {
  call: DetectedCall;
  source: SourceText;
  structure: Structure;
  dialect: Dialect;
  start: number;
  end: number;
  /** The `(` of the call's own argument list. */
  parenOpen: number | null;
  /** Where request parameters live; null when the call passes them in a way we cannot edit (a variable, **kwargs only …). */
  options: ArgumentListView | null;
  /** `client.chat.completions.create` — the most specific range for call-level findings. */
  calleeRange: Range;
  hints: StyleHints;
}

let sourceCache: SourceText | undefined;

function sourceFor(text: string): SourceText {
  if (!sourceCache || sourceCache.text !== text) sourceCache = new SourceText(text);
  return sourceCache;
}

export function callSite(call: DetectedCall, text: string): CallSite | null {
  const source = sourceFor(text);
  const offsets = source.offsets(call.range);
  if (!offsets) return null;
  const [start, end] = offsets;
  const dialect: Dialect = call.language === 'python' ? 'python' : 'js';
  const structure = getStructure(text, dialect);
  const parenOpen = findParenOpen(source.text, structure, start, end);
  const calleeEnd = parenOpen ?? end;
  const calleeText = text.slice(start, calleeEnd);
  const calleeRange = source.rangeOf(start, start + calleeText.trimEnd().length);
  const hints: StyleHints = { quote: preferredQuote(call, source, start, end) };
  const options = findOptions(call, source, structure, parenOpen, dialect);
  return { call, source, structure, dialect, start, end, parenOpen, options, calleeRange, hints };
}

/** The `(` whose `)` ends the call expression (the call range ends right after it). */
function findParenOpen(text: string, structure: Structure, start: number, end: number): number | null {
  let close = end - 1;
  while (close > start && /\s/.test(text[close]!)) close--;
  if (text[close] !== ')') return null;
  const open = structure.openOf.get(close);
  return open !== undefined && open >= start ? open : null;
}

function findOptions(
  call: DetectedCall, source: SourceText, structure: Structure, parenOpen: number | null, dialect: Dialect,
): ArgumentListView | null {
  if (call.sdk === 'http') return httpBody(call, source, structure, parenOpen, dialect);
  // Prefer detection's syntax-tree range when it points at a bracket we can read.
  if (call.args) {
    const open = source.offsetAt(call.args.range.start);
    if (open !== null) {
      const kind = call.args.style === 'python-call' ? 'python-call' : source.text[open] === '{' && dialect === 'python' ? 'python-dict' : 'js-object';
      const list = readList(source, structure, open, kind);
      if (list) return list;
    }
  }
  if (parenOpen === null) return null;
  if (dialect === 'python') return readList(source, structure, parenOpen, 'python-call');
  // JS: the options object is the first object-literal argument, possibly wrapped in `new XCommand({…})` (AWS SDK v3).
  const args = bracketContents(source.text, structure, parenOpen);
  for (const entry of args?.entries ?? []) {
    const raw = source.text.slice(entry.start, entry.end);
    if (raw.startsWith('{')) return readList(source, structure, entry.start, 'js-object');
    const wrapped = /^new\s+[A-Za-z_$][\w$.]*\s*\(\s*\{/.exec(raw);
    if (wrapped) return readList(source, structure, entry.start + wrapped[0].length - 1, 'js-object');
  }
  return null;
}

const BODY_KEYS = /^(model|messages|contents|prompt|input)$/;

/**
 * Raw HTTP: the JSON body literal — `json={…}` / `data=json.dumps({…})` (Python), `body: JSON.stringify({…})` (fetch),
 * the second argument `{…}` (axios) — and only when it looks like an LLM request body (a model/messages/contents key).
 */
function httpBody(
  call: DetectedCall, source: SourceText, structure: Structure, parenOpen: number | null, dialect: Dialect,
): ArgumentListView | null {
  const bodyKind = dialect === 'python' ? 'python-dict' : 'js-object';
  const looksLikeBody = (list: ArgumentListView | null): ArgumentListView | null =>
    list && list.items.some((item) => item.key !== null && BODY_KEYS.test(item.key)) ? list : null;
  const literalAt = (start: number, end: number): ArgumentListView | null => {
    const raw = source.text.slice(start, end);
    if (raw.startsWith('{')) return looksLikeBody(readList(source, structure, start, bodyKind));
    const wrapped = /^(JSON\.stringify|json\.dumps)\s*\(\s*\{/.exec(raw);
    return wrapped ? looksLikeBody(readList(source, structure, start + wrapped[0].length - 1, bodyKind)) : null;
  };
  if (call.args) {
    const open = source.offsetAt(call.args.range.start);
    if (open !== null && source.text[open] === '{') {
      const found = looksLikeBody(readList(source, structure, open, bodyKind));
      if (found) return found;
    }
  }
  if (parenOpen === null) return null;
  if (dialect === 'python') {
    const args = readList(source, structure, parenOpen, 'python-call');
    for (const item of args?.items ?? []) {
      if (item.key === 'json' || item.key === 'data' || item.key === 'content') {
        const found = literalAt(item.valueStart, item.valueEnd);
        if (found) return found;
      }
    }
    return null;
  }
  const args = bracketContents(source.text, structure, parenOpen);
  for (const entry of args?.entries ?? []) {
    const direct = literalAt(entry.start, entry.end);
    if (direct) return direct;
    if (source.text[entry.start] === '{') {
      const options = readList(source, structure, entry.start, 'js-object');
      for (const item of options?.items ?? []) {
        if (item.key === 'body' || item.key === 'json' || item.key === 'data') {
          const found = literalAt(item.valueStart, item.valueEnd);
          if (found) return found;
        }
      }
    }
  }
  return null;
}

/** The quote the file uses around the model literal, else the most common one in the call, else double. */
function preferredQuote(call: DetectedCall, source: SourceText, start: number, end: number): string {
  if (call.modelRange) {
    const first = source.slice(call.modelRange)?.[0];
    if (first === '"' || first === "'") return first;
    const o = source.offsets(call.modelRange);
    const before = o ? source.text[o[0] - 1] : undefined;
    if (before === '"' || before === "'") return before;
  }
  const segment = source.text.slice(start, end);
  const singles = (segment.match(/'/g) ?? []).length;
  const doubles = (segment.match(/"/g) ?? []).length;
  return singles > doubles ? "'" : '"';
}

export interface StringLiteral {
  /** Offsets of the text between the quotes. */
  contentStart: number;
  contentEnd: number;
  content: string;
  quote: string;
}

/** The plain string literal at `range` (with or without its quotes in the range); null for templates/f-strings/escapes. */
export function stringLiteralAt(site: Pick<CallSite, 'source' | 'structure'>, range: Range): StringLiteral | null {
  const o = site.source.offsets(range);
  if (!o) return null;
  const text = site.source.text;
  let [s, e] = o;
  const q = text[s];
  if (!(q === '"' || q === "'" || q === '`')) {
    // Range holds only the content: widen to the quotes around it.
    s -= 1;
    e += 1;
  }
  const quote = text[s];
  if (!(quote === '"' || quote === "'" || quote === '`') || text[e - 1] !== quote || e - s < 2) return null;
  const interval = opaqueAt(site.structure, s);
  if (!interval || interval[0] !== s || interval[1] !== e) return null;
  if (text.startsWith(quote.repeat(3), s)) return null;
  // Python string prefixes (f, r, b, u) sit before the quote: an f-string is not a plain literal.
  if (/[A-Za-z]/.test(text[s - 1] ?? '')) return null;
  const content = text.slice(s + 1, e - 1);
  if (/[\\\n]/.test(content) || (quote === '`' && content.includes('${'))) return null;
  return { contentStart: s + 1, contentEnd: e - 1, content, quote };
}
