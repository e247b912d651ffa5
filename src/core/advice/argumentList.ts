import { bracketContents, opaqueAt, type BracketContents, type Entry, type Structure } from './structure';
import type { SourceText } from '../sourceText';
import type { TextEdit } from '../types';

// One bracketed list of arguments or properties, read from the source so an edit can add to it in the file's own
// style: Python keyword arguments `f(a=1)`, Python dict literals `{"a": 1}`, and JS/TS object literals `{ a: 1 }`.

export type ListKind = 'python-call' | 'python-dict' | 'js-object';

export interface ListEntry extends Entry {
  /** The key name without quotes; null for positional arguments. */
  key: string | null;
  /** `**kwargs` / `...spread`: unknown keys arrive through it. */
  spread: boolean;
  /** The value expression's offsets (for `model` shorthand the key itself). */
  valueStart: number;
  valueEnd: number;
  /** The quote around a quoted key, '' for a bare one. */
  keyQuote: string;
}

export interface ArgumentListView extends BracketContents {
  kind: ListKind;
  items: ListEntry[];
}

export function readList(source: SourceText, structure: Structure, open: number, kind: ListKind): ArgumentListView | null {
  const expected = kind === 'python-call' ? '(' : '{';
  if (source.text[open] !== expected) return null;
  const contents = bracketContents(source.text, structure, open);
  if (!contents) return null;
  const items = contents.entries.map((entry) => readEntry(source.text, structure, entry, kind));
  return { open: contents.open, close: contents.close, entries: contents.entries, trailingComma: contents.trailingComma, kind, items };
}

// Entries are built with one literal of a fixed shape instead of `{ ...entry, ... }` then `{ ...base, ... }`: the
// spreads were ~40 ms of the bench audit's findings (cold, one readList per call), and up to 130 ms in some profiles.
function listEntry(entry: Entry, key: string | null, spread: boolean, valueStart: number, keyQuote = ''): ListEntry {
  return { start: entry.start, end: entry.end, key, spread, valueStart, valueEnd: entry.end, keyQuote };
}

function readEntry(text: string, structure: Structure, entry: Entry, kind: ListKind): ListEntry {
  const raw = text.slice(entry.start, entry.end);
  if (kind === 'python-call') {
    if (raw.startsWith('**')) return listEntry(entry, null, true, entry.start);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*/.exec(raw);
    return m ? listEntry(entry, m[1]!, false, entry.start + m[0].length) : listEntry(entry, null, false, entry.start);
  }
  if (kind === 'python-dict') {
    if (raw.startsWith('**')) return listEntry(entry, null, true, entry.start);
  } else if (raw.startsWith('...')) return listEntry(entry, null, true, entry.start);
  // A quoted key is one whole string token followed by a colon.
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const interval = opaqueAt(structure, entry.start);
    if (interval && interval[0] === entry.start) {
      const after = /^\s*:\s*/.exec(text.slice(interval[1], entry.end));
      if (after) {
        return listEntry(entry, text.slice(entry.start + 1, interval[1] - 1), false, interval[1] + after[0].length, quote);
      }
    }
    return listEntry(entry, null, false, entry.start);
  }
  if (kind === 'js-object') {
    const m = /^([A-Za-z_$][A-Za-z0-9_$]*)\s*(:\s*)?/.exec(raw);
    if (m && m[2]) return listEntry(entry, m[1]!, false, entry.start + m[0].length);
    if (m && m[0].trimEnd().length === raw.length) return listEntry(entry, m[1]!, false, entry.start); // shorthand `{ model }`
  }
  return listEntry(entry, null, false, entry.start);
}

export function findItem(list: ArgumentListView, key: string): ListEntry | undefined {
  return list.items.find((item) => item.key === key);
}

export interface StyleHints {
  /** Preferred string quote for new keys/strings ('"' or "'"). */
  quote: string;
}

/** `key=value`, `"key": value` or `key: value`, as the list's own entries spell keys. */
export function formatEntry(list: ArgumentListView, key: string, valueText: string, hints: StyleHints): string {
  if (list.kind === 'python-call') return `${key}=${valueText}`;
  if (list.kind === 'python-dict') {
    const q = list.items.find((item) => item.keyQuote)?.keyQuote ?? hints.quote;
    return `${q}${key}${q}: ${valueText}`;
  }
  const quoted = list.items.find((item) => item.key !== null && !item.spread)?.keyQuote ?? '';
  return `${quoted}${key}${quoted}: ${valueText}`;
}

/**
 * Edits that append one entry to the list, keeping its layout: on one line `, entry`; on its own lines with the last
 * entry's indentation, after any comment on that line, with a trailing comma exactly when the list already uses one.
 */
export function appendEntry(source: SourceText, list: ArgumentListView, entryText: string): TextEdit[] {
  const last = list.items[list.items.length - 1];
  if (!last) {
    const inner = list.kind === 'js-object' ? ` ${entryText} ` : entryText;
    const at = source.rangeOf(list.open + 1, list.close);
    // An empty list may still hold whitespace or a comment: only insert into a truly empty pair.
    if (source.text.slice(list.open + 1, list.close).trim() !== '') return [];
    return [{ range: at, newText: inner }];
  }
  const closeLine = source.positionAt(list.close).line;
  const anchor = list.trailingComma ?? last.end;
  const anchorLine = source.positionAt(anchor).line;
  if (closeLine === anchorLine) {
    // Single-line list (or the close bracket hugs the last entry): add inline, before any trailing comma.
    const point = source.rangeOf(last.end, last.end);
    return [{ range: point, newText: `, ${entryText}` }];
  }
  const indent = source.indentOf(last.start);
  const lineEnd = source.lineEndOf(anchor);
  const newLine = `${source.eol}${indent}${entryText}`;
  if (list.trailingComma !== null) {
    return [{ range: source.rangeOf(lineEnd, lineEnd), newText: `${newLine},` }];
  }
  if (lineEnd === last.end) return [{ range: source.rangeOf(last.end, last.end), newText: `,${newLine}` }];
  return [
    { range: source.rangeOf(last.end, last.end), newText: ',' },
    { range: source.rangeOf(lineEnd, lineEnd), newText: newLine },
  ];
}

/** The open bracket of a value that is itself an editable list: `{…}` literal, or a Python `Name(…)` / `a.B(…)` call. */
export function nestedList(source: SourceText, structure: Structure, list: ArgumentListView, item: ListEntry): ArgumentListView | null {
  const text = source.text;
  const value = text.slice(item.valueStart, item.valueEnd);
  if (value.startsWith('{')) {
    const kind: ListKind = list.kind === 'js-object' ? 'js-object' : 'python-dict';
    const nested = readList(source, structure, item.valueStart, kind);
    return nested && nested.close === item.valueEnd - 1 ? nested : null;
  }
  if (list.kind !== 'js-object') {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*\s*\(/.exec(value);
    if (m) {
      const open = item.valueStart + m[0].length - 1;
      const nested = readList(source, structure, open, 'python-call');
      return nested && nested.close === item.valueEnd - 1 ? nested : null;
    }
  }
  return null;
}

/**
 * Edits that set `path` (e.g. ['config', 'max_output_tokens']) to `valueText`, creating missing containers as literals
 * of the list's own kind. Null when the path runs through something that is not a literal (a variable, a spread, a
 * constructor we do not know), or when the final key is already there.
 */
export function setPath(
  source: SourceText, structure: Structure, list: ArgumentListView, path: readonly string[], valueText: string, hints: StyleHints,
): TextEdit[] | null {
  const [head, ...rest] = path;
  if (head === undefined) return null;
  const existing = findItem(list, head);
  if (existing) {
    if (rest.length === 0) return null;
    const nested = nestedList(source, structure, list, existing);
    return nested ? setPath(source, structure, nested, rest, valueText, hints) : null;
  }
  let value = valueText;
  for (let i = rest.length - 1; i >= 0; i--) {
    const key = rest[i]!;
    value = list.kind === 'js-object' ? `{ ${key}: ${value} }` : `{${hints.quote}${key}${hints.quote}: ${value}}`;
  }
  const edits = appendEntry(source, list, formatEntry(list, head, value, hints));
  return edits.length ? edits : null;
}
