// A lexical map of one source file, enough for safe edits: where strings and comments are, which bracket closes which,
// and which lines start a new statement. Python and JS/TS share it; the differences are the string and comment forms.
// Detection gives the call's ranges from the syntax tree; this map lets fixes find the argument list's entries,
// trailing commas and layout around those ranges without a second parser (and synchronously).

export type Dialect = 'python' | 'js';

export interface Structure {
  dialect: Dialect;
  /** open bracket offset → matching close offset (brackets inside strings/comments are ignored). */
  closeOf: Map<number, number>;
  /** close → open, the reverse of closeOf. */
  openOf: Map<number, number>;
  /** Open offsets in ascending order, and for each its enclosing open bracket (-1 at top level). */
  opens: number[];
  parentOf: Map<number, number>;
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

const OPEN = '([{';
const CLOSE = ')]}';

function scan(text: string, dialect: Dialect): Structure {
  const closeOf = new Map<number, number>();
  const openOf = new Map<number, number>();
  const opens: number[] = [];
  const parentOf = new Map<number, number>();
  const opaque: Array<[number, number, 'string' | 'comment']> = [];
  const stack: number[] = [];
  const lineStartsInCode: boolean[] = [true];
  let lastSignificant = '';
  let i = 0;
  const n = text.length;
  const markLines = (from: number, to: number, inCode: boolean): void => {
    for (let k = from; k < to && k < n; k++) if (text.charCodeAt(k) === 10) lineStartsInCode.push(inCode);
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      // Python: a line inside brackets or after a backslash continues the statement; JS statements do not care.
      const continued = dialect === 'python' && (stack.length > 0 || text[i - 1] === '\\' || (text[i - 1] === '\r' && text[i - 2] === '\\'));
      lineStartsInCode.push(!continued);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    const end = opaqueEnd(text, i, dialect, lastSignificant);
    if (end !== null) {
      const kind = text[i] === '#' || (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) ? 'comment' : 'string';
      opaque.push([i, end, kind]);
      markLines(i, end, false);
      if (kind === 'string') lastSignificant = 'a';
      i = end;
      continue;
    }
    if (OPEN.includes(c)) {
      parentOf.set(i, stack.length ? stack[stack.length - 1]! : -1);
      opens.push(i);
      stack.push(i);
    } else if (CLOSE.includes(c)) {
      const open = stack.pop();
      if (open !== undefined && OPEN.indexOf(text[open]!) === CLOSE.indexOf(c)) {
        closeOf.set(open, i);
        openOf.set(i, open);
      } else if (open !== undefined) stack.push(open); // mismatched: keep the open bracket, drop the stray close
    }
    if (isWordChar(text.charCodeAt(i))) {
      // Consume the whole word at once: it is the "last significant token" the JS regex-vs-division rule looks at.
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      lastSignificant = text.slice(i, j);
      i = j;
      continue;
    }
    lastSignificant = c;
    i++;
  }
  return { dialect, closeOf, openOf, opens, parentOf, opaque, lineStartsInCode };
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** If a string or comment starts at i, the offset just after it; else null. */
function opaqueEnd(text: string, i: number, dialect: Dialect, lastSignificant: string): number | null {
  const c = text[i]!;
  if (dialect === 'python') {
    if (c === '#') return lineEnd(text, i);
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      return triple ? tripleEnd(text, i + 3, c) : quotedEnd(text, i + 1, c, true);
    }
    return null;
  }
  if (c === '/' && text[i + 1] === '/') return lineEnd(text, i);
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (c === '"' || c === "'") return quotedEnd(text, i + 1, c, true);
  if (c === '`') return templateEnd(text, i + 1);
  if (c === '/' && regexAllowedAfter(lastSignificant)) return regexEnd(text, i + 1);
  return null;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
}

function quotedEnd(text: string, i: number, quote: string, stopAtNewline: boolean): number {
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === quote) return i + 1;
    if (stopAtNewline && c === '\n') return i; // unterminated: stop at the line end (broken code elsewhere)
    i++;
  }
  return text.length;
}

function tripleEnd(text: string, i: number, quote: string): number {
  const close = quote.repeat(3);
  while (i < text.length) {
    if (text[i] === '\\') { i += 2; continue; }
    if (text.startsWith(close, i)) return i + 3;
    i++;
  }
  return text.length;
}

function templateEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '`') return i + 1;
    if (c === '$' && text[i + 1] === '{') { i = substitutionEnd(text, i + 2); continue; }
    i++;
  }
  return text.length;
}

/** Skips the code of a `${ … }` substitution (which may hold strings, templates and braces) up to its closing brace. */
function substitutionEnd(text: string, i: number): number {
  let depth = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") { i = quotedEnd(text, i + 1, c, true); continue; }
    if (c === '`') { i = templateEnd(text, i + 1); continue; }
    if (c === '/' && text[i + 1] === '/') { i = lineEnd(text, i); continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 2; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

const REGEX_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function regexAllowedAfter(last: string): boolean {
  if (last === '') return true;
  if (/^[A-Za-z0-9_$]+$/.test(last)) return REGEX_KEYWORDS.has(last);
  return !(last === ')' || last === ']' || last === '}');
}

function regexEnd(text: string, i: number): number {
  let inClass = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '\n') return i;
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i++;
      while (i < text.length && /[a-z]/.test(text[i]!)) i++;
      return i;
    }
    i++;
  }
  return text.length;
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
    const nested = structure.closeOf.get(i);
    if (nested !== undefined) { entryEnd = nested + 1; i = nested + 1; continue; }
    entryEnd = i + 1;
    i++;
  }
  if (entryStart >= 0) { entries.push({ start: entryStart, end: entryEnd }); trailingComma = null; }
  return { open, close, entries, trailingComma };
}

/** Index of the first string/comment interval starting at or after `offset`. */
function firstOpaqueFrom(structure: Structure, offset: number): number {
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
