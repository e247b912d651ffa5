// A lexical map of one source file, enough for safe edits: where strings and comments are, which bracket closes which,
// and which lines start a new statement. Python and JS/TS share it; the differences are the string and comment forms.
// Detection gives the call's ranges from the syntax tree; this map lets fixes find the argument list's entries,
// trailing commas and layout around those ranges without a second parser (and synchronously).

export type Dialect = 'python' | 'js';

/** The read side of a Map from offsets to offsets (all the fixers need). */
export interface OffsetLookup {
  get(offset: number): number | undefined;
}

/**
 * Sorted keys with a value each, looked up by binary search. Replaces Maps that cost most of the scan: ~15k Map.set
 * per 5,000-line file took 4 of 5 ms in profiles; pushing onto arrays in key order is nearly free. `missing` marks a
 * key without a value (an unclosed bracket).
 */
class SortedLookup implements OffsetLookup {
  constructor(private readonly keys: number[], private readonly values: number[], private readonly missing?: number) {}

  get(offset: number): number | undefined {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const key = keys[mid]!;
      if (key < offset) lo = mid + 1;
      else if (key > offset) hi = mid - 1;
      else {
        const value = this.values[mid]!;
        return value === this.missing ? undefined : value;
      }
    }
    return undefined;
  }
}

export interface Structure {
  dialect: Dialect;
  /** open bracket offset → matching close offset (brackets inside strings/comments are ignored). */
  closeOf: OffsetLookup;
  /** close → open, the reverse of closeOf. */
  openOf: OffsetLookup;
  /** Open offsets in ascending order, and for each its enclosing open bracket (-1 at top level). */
  opens: number[];
  parentOf: OffsetLookup;
  /** Sorted [start, end) intervals of strings and comments. */
  opaque: Array<[number, number, 'string' | 'comment']>;
  /** Per line: bracket depth and whether the line starts inside a string (multi-line strings must never be re-indented). */
  lineStartsInCode: boolean[];
}

let cachedText: string | undefined;
let cachedDialect: Dialect | undefined;
let cached: Structure | undefined;

/** computeFindings runs once per call with the same file text, so a one-entry cache makes the scan once per file. */
export function getStructure(text: string, dialect: Dialect): Structure {
  if (cached && cachedText === text && cachedDialect === dialect) return cached;
  cached = scan(text, dialect);
  cachedText = text;
  cachedDialect = dialect;
  return cached;
}

// Bracket pairs by char code: ( ) [ ] { }.
const OPEN_CODES = [40, 91, 123];
const CLOSE_CODES = [41, 93, 125];

// The last significant token before a `/` decides regex vs division in JS. Tracked as a kind plus offsets instead
// of a sliced string, so the scan allocates nothing per word (it runs over every file with calls, on every edit).
const LAST_NONE = 0;
const LAST_WORD = 1;
const LAST_CHAR = 2;
/** After a string literal: like a non-keyword word (a `/` after it is division). */
const LAST_STRING = 3;

function scan(text: string, dialect: Dialect): Structure {
  const opens: number[] = [];
  /** Per open (same index as opens): its close offset (-1 while unclosed) and its enclosing open (-1 at top level). */
  const closeAt: number[] = [];
  const parents: number[] = [];
  /** Matched closes in ascending order, with their opens. */
  const closes: number[] = [];
  const openAt: number[] = [];
  const opaque: Array<[number, number, 'string' | 'comment']> = [];
  /** Indices into opens of the brackets open at the current offset. */
  const stack: number[] = [];
  const lineStartsInCode: boolean[] = [true];
  const python = dialect === 'python';
  let lastKind = LAST_NONE;
  let lastStart = 0;
  let lastEnd = 0;
  let lastCode = 0;
  const regexAllowed = (): boolean => {
    if (lastKind === LAST_NONE) return true;
    if (lastKind === LAST_STRING) return false;
    if (lastKind === LAST_WORD) return REGEX_KEYWORDS.has(text.slice(lastStart, lastEnd));
    return !(lastCode === 41 || lastCode === 93 || lastCode === 125);
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      // Python: a line inside brackets or after a backslash continues the statement; JS statements do not care.
      const continued = python && (stack.length > 0 || text.charCodeAt(i - 1) === 92
        || (text.charCodeAt(i - 1) === 13 && text.charCodeAt(i - 2) === 92));
      lineStartsInCode.push(!continued);
      i++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) { i++; continue; }
    // Strings and comments can only start at # " ' / `.
    if (code === 35 || code === 34 || code === 39 || code === 47 || code === 96) {
      const end = opaqueEnd(text, i, code, python, regexAllowed);
      if (end !== null) {
        const next = text.charCodeAt(i + 1);
        const kind = code === 35 || (code === 47 && (next === 47 || next === 42)) ? 'comment' : 'string';
        opaque.push([i, end, kind]);
        for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) lineStartsInCode.push(false);
        if (kind === 'string') lastKind = LAST_STRING;
        i = end;
        continue;
      }
    }
    const openIndex = OPEN_CODES.indexOf(code);
    if (openIndex >= 0) {
      parents.push(stack.length ? opens[stack[stack.length - 1]!]! : -1);
      stack.push(opens.length);
      opens.push(i);
      closeAt.push(-1);
    } else {
      const closeIndex = CLOSE_CODES.indexOf(code);
      if (closeIndex >= 0) {
        const top = stack.pop();
        if (top !== undefined && OPEN_CODES.indexOf(text.charCodeAt(opens[top]!)) === closeIndex) {
          closeAt[top] = i;
          closes.push(i);
          openAt.push(opens[top]!);
        } else if (top !== undefined) stack.push(top); // mismatched: keep the open bracket, drop the stray close
      }
    }
    if (isWordChar(code)) {
      // Consume the whole word at once: it is the "last significant token" the JS regex-vs-division rule looks at.
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      lastKind = LAST_WORD;
      lastStart = i;
      lastEnd = j;
      i = j;
      continue;
    }
    lastKind = LAST_CHAR;
    lastCode = code;
    i++;
  }
  return {
    dialect, opens, opaque, lineStartsInCode,
    closeOf: new SortedLookup(opens, closeAt, -1),
    openOf: new SortedLookup(closes, openAt),
    parentOf: new SortedLookup(opens, parents),
  };
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** If a string or comment starts at i (whose char code is `code`), the offset just after it; else null. */
function opaqueEnd(text: string, i: number, code: number, python: boolean, regexAllowed: () => boolean): number | null {
  const next = text.charCodeAt(i + 1);
  if (python) {
    if (code === 35) return lineEnd(text, i);
    if (code === 34 || code === 39) {
      const triple = next === code && text.charCodeAt(i + 2) === code;
      return triple ? tripleEnd(text, i + 3, code) : quotedEnd(text, i + 1, code, true);
    }
    return null;
  }
  if (code === 47 && next === 47) return lineEnd(text, i);
  if (code === 47 && next === 42) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (code === 34 || code === 39) return quotedEnd(text, i + 1, code, true);
  if (code === 96) return templateEnd(text, i + 1);
  if (code === 47 && regexAllowed()) return regexEnd(text, i + 1);
  return null;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

// The helpers below compare char codes: 92 \\, 10 newline, 96 `, 36 $, 123 {, 125 }, 34 ", 39 ', 47 /, 42 *.

function quotedEnd(text: string, i: number, quote: number, stopAtNewline: boolean): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) { i += 2; continue; }
    if (c === quote) return i + 1;
    if (stopAtNewline && c === 10) return i; // unterminated: stop at the line end (broken code elsewhere)
    i++;
  }
  return n;
}

function tripleEnd(text: string, i: number, quote: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) { i += 2; continue; }
    if (c === quote && text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
    i++;
  }
  return n;
}

function templateEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) { i += 2; continue; }
    if (c === 96) return i + 1;
    if (c === 36 && text.charCodeAt(i + 1) === 123) { i = substitutionEnd(text, i + 2); continue; }
    i++;
  }
  return n;
}

/** Skips the code of a `${ … }` substitution (which may hold strings, templates and braces) up to its closing brace. */
function substitutionEnd(text: string, i: number): number {
  let depth = 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) { i = quotedEnd(text, i + 1, c, true); continue; }
    if (c === 96) { i = templateEnd(text, i + 1); continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { i = lineEnd(text, i); continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
    i++;
  }
  return n;
}

const REGEX_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function regexEnd(text: string, i: number): number {
  let inClass = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) { i += 2; continue; }
    if (c === 10) return i;
    if (c === 91) inClass = true; // [
    else if (c === 93) inClass = false; // ]
    else if (c === 47 && !inClass) {
      i++;
      while (i < n) { const f = text.charCodeAt(i); if (f < 97 || f > 122) break; i++; } // flags a–z
      return i;
    }
    i++;
  }
  return n;
}

/** The string/comment interval containing offset, if any. */
export function opaqueAt(structure: Structure, offset: number): [number, number, 'string' | 'comment'] | undefined {
  const list = structure.opaque;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (offset < item[0]) hi = mid - 1;
    else if (offset >= item[1]) lo = mid + 1;
    else return item;
  }
  return undefined;
}

export interface Entry {
  /** First code character of the entry. */
  start: number;
  /** Just after its last code character (trailing whitespace and comments excluded). */
  end: number;
}

export interface BracketContents {
  open: number;
  close: number;
  entries: Entry[];
  /** Offset of a comma after the last entry, if the list has one. */
  trailingComma: number | null;
}

/** The comma-separated entries directly inside the bracket pair opening at `open`. */
export function bracketContents(text: string, structure: Structure, open: number): BracketContents | null {
  const close = structure.closeOf.get(open);
  if (close === undefined) return null;
  const entries: Entry[] = [];
  let entryStart = -1;
  let entryEnd = -1;
  let trailingComma: number | null = null;
  // Walk the strings/comments inside the pair in order alongside the characters (no per-character search).
  const opaque = structure.opaque;
  let next = firstOpaqueFrom(structure, open + 1);
  let i = open + 1;
  while (i < close) {
    while (next < opaque.length && opaque[next]![0] < i) next++;
    const interval = opaque[next];
    if (interval && interval[0] === i) {
      if (interval[2] === 'string') {
        if (entryStart < 0) entryStart = i;
        entryEnd = interval[1];
        trailingComma = null;
      }
      i = interval[1];
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      if (entryStart >= 0) entries.push({ start: entryStart, end: entryEnd });
      trailingComma = entryStart >= 0 ? i : trailingComma;
      entryStart = -1;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) { i++; continue; }
    if (entryStart < 0) entryStart = i;
    trailingComma = null;
    const nested = c === 40 || c === 91 || c === 123 ? structure.closeOf.get(i) : undefined;
    if (nested !== undefined) { entryEnd = nested + 1; i = nested + 1; continue; }
    entryEnd = i + 1;
    i++;
  }
  if (entryStart >= 0) { entries.push({ start: entryStart, end: entryEnd }); trailingComma = null; }
  return { open, close, entries, trailingComma };
}

/** Index of the first string/comment interval starting at or after `offset`. */
export function firstOpaqueFrom(structure: Structure, offset: number): number {
  const list = structure.opaque;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The innermost bracket pair strictly enclosing `offset`, as [open, close]; null at top level. */
export function enclosingBracket(structure: Structure, offset: number): [number, number] | null {
  // The last open bracket before offset, then up its ancestors to the first one still open at offset.
  const opens = structure.opens;
  let lo = 0;
  let hi = opens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (opens[mid]! < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  let open = found >= 0 ? opens[found]! : -1;
  while (open >= 0) {
    const close = structure.closeOf.get(open);
    if (close !== undefined && close >= offset && open < offset && close !== offset) return [open, close];
    if (close === undefined && open < offset) {
      // Unclosed bracket (broken code): not a usable pair; keep climbing.
    }
    open = structure.parentOf.get(open) ?? -1;
  }
  return null;
}
