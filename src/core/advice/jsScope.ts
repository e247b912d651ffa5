import { enclosingBracket, opaqueAt, type Structure } from './structure';
import type { SourceText } from '../sourceText';

// Module-level places in a JS/TS file: where a helper declaration goes (after the imports, never before a
// shebang, a 'use client'/'use strict' directive or an import), and whether a call runs inside a function body.

export function helperInsertionOffset(source: SourceText, structure: Structure): number {
  const text = source.text;
  let offset = 0;
  let lastImportEnd = -1;
  // Walk top-level statements at the start of the file: comments, shebang, directives, imports.
  for (;;) {
    const ws = /^\s*/.exec(text.slice(offset))![0];
    const at = offset + ws.length;
    if (at >= text.length) break;
    if (text.startsWith('#!', at) && at === 0) { offset = nextLine(source, at); continue; }
    const interval = opaqueAt(structure, at);
    if (interval && interval[0] === at && interval[2] === 'comment') { offset = interval[1]; continue; }
    if (interval && interval[0] === at && interval[2] === 'string') {
      // A directive: a lone string statement ('use client';).
      const rest = /^\s*;?[ \t]*(?=\r?\n|$)/.exec(text.slice(interval[1]));
      if (rest && lastImportEnd < 0) { offset = nextLine(source, interval[1] + rest[0].length); lastImportEnd = offset; continue; }
      break;
    }
    const m = /^import\b(?!\s*\()/.exec(text.slice(at));
    if (!m) break;
    // The statement ends after its module specifier string (and an optional semicolon).
    const spec = /\b(from\s*|import\s*)(["'])/g;
    spec.lastIndex = at;
    let end = -1;
    for (let s = spec.exec(text); s; s = spec.exec(text)) {
      const quoteAt = s.index + s[0].length - 1;
      const str = opaqueAt(structure, quoteAt);
      if (str && str[0] === quoteAt) { end = str[1]; break; }
    }
    if (end < 0) break;
    const tail = /^[ \t]*(;|\bwith\s*\{[^}]*\}\s*;?|\bassert\s*\{[^}]*\}\s*;?)?/.exec(text.slice(end))!;
    offset = nextLine(source, end + tail[0].length);
    lastImportEnd = offset;
  }
  return lastImportEnd >= 0 ? lastImportEnd : 0;
}

function nextLine(source: SourceText, offset: number): number {
  const line = source.positionAt(source.lineEndOf(offset)).line;
  return source.lineStarts[line + 1] ?? source.text.length;
}

/** True when some enclosing `{ … }` is a function body (after `=>` or a parameter list's `)`). */
export function insideFunction(source: SourceText, structure: Structure, offset: number): boolean {
  let at = offset;
  for (let bracket = enclosingBracket(structure, at); bracket; bracket = enclosingBracket(structure, at)) {
    if (source.text[bracket[0]] === '{') {
      const before = source.text.slice(Math.max(0, bracket[0] - 200), bracket[0]).trimEnd();
      if (before.endsWith('=>') || (before.endsWith(')') && !/\b(if|for|while|switch|catch|with)\s*\([^()]*\)$/.test(before))) return true;
      if (/\b(get|set|async|static)?\s*[A-Za-z_$][\w$]*\s*\([^()]*\)\s*(:\s*[^{}]+)?$/.test(before)) return true;
    }
    at = bracket[0];
  }
  return false;
}
