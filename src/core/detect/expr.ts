import type { TsNode } from './parsers';

// A small, language-neutral view of the expressions detection cares about. Python and JS/TS nodes are converted
// on demand (only for candidate calls and the bindings they reach), so the hot path never allocates per node.

export interface StrPiece {
  /** Static text (escapes decoded) or the source of an interpolated expression. */
  text: string;
  dynamic: boolean;
  start: number; // UTF-16 offsets into the file text
  end: number;
  /** The interpolated expression, for dynamic pieces. */
  node?: TsNode;
}

export interface Kwarg {
  /** null for `**spread` / `...spread`. */
  name: string | null;
  value: Expr;
  node: TsNode;
  keyNode: TsNode | null;
}

export type Expr =
  | { k: 'str'; node: TsNode; pieces: StrPiece[]; /** true for f-strings / template literals with substitutions */ dynamic: boolean }
  | { k: 'num'; node: TsNode; value: number }
  | { k: 'bool'; node: TsNode; value: boolean }
  | { k: 'none'; node: TsNode }
  | { k: 'name'; node: TsNode; name: string }
  | { k: 'attr'; node: TsNode; object: Expr; name: string }
  | { k: 'call'; node: TsNode; callee: Expr; args: Expr[]; kwargs: Kwarg[]; isNew: boolean; argsNode: TsNode | null }
  | { k: 'list'; node: TsNode; items: Expr[] }
  | { k: 'dict'; node: TsNode; entries: Kwarg[] }
  | { k: 'binop'; node: TsNode; op: string; left: Expr; right: Expr }
  | { k: 'cond'; node: TsNode; a: Expr; b: Expr }
  | { k: 'subscript'; node: TsNode; object: Expr; index: Expr }
  | { k: 'func'; node: TsNode }
  | { k: 'spread'; node: TsNode; value: Expr }
  | { k: 'other'; node: TsNode };

/** Static text of a string expression, or null when any part is dynamic. */
export function staticString(e: Expr | undefined): string | null {
  if (!e || e.k !== 'str' || e.dynamic) return null;
  let s = '';
  for (const p of e.pieces) s += p.text;
  return s;
}

/** Dotted path of a pure name/attribute chain (`client.chat.completions.create`), or null. */
export function dottedName(e: Expr): string | null {
  if (e.k === 'name') return e.name;
  if (e.k === 'attr') {
    const o = dottedName(e.object);
    return o === null ? null : `${o}.${e.name}`;
  }
  return null;
}

export function kwarg(list: readonly Kwarg[], names: readonly string[]): Kwarg | undefined {
  for (const n of names) for (const kw of list) if (kw.name === n) return kw;
  return undefined;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

export function decodeEscapes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_m, c: string) => {
    if (c[0] === 'u' && c.length > 1) {
      const hex = c[1] === '{' ? c.slice(2, -1) : c.slice(1);
      const cp = parseInt(hex, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    if (c[0] === 'x' && c.length === 3) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (c === '\n' || c === '\r\n') return '';
    return ESCAPES[c] ?? c;
  });
}

/** Wrappers that do not change a value: `(x)`, `await x`, `x as T`, `x!`, `<T>x`. */
const WRAPPERS = new Set([
  'parenthesized_expression', 'await', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression',
  'type_assertion',
]);

/** Grammars with Python's string_start token (JS strings never have it: no need to ask for their first child). */
const PY_STRINGS = new WeakMap<object, boolean>();

function hasPyStrings(n: TsNode): boolean {
  const language = n.tree.language;
  let v = PY_STRINGS.get(language);
  if (v === undefined) PY_STRINGS.set(language, (v = language.types.includes('string_start')));
  return v;
}

const MAX_DEPTH = 24;

/** Converts a Python or JS/TS expression node. `depth` bounds the work on pathological nesting. */
export function toExpr(node: TsNode, depth = 0): Expr {
  // Every `.type` is a round trip into WASM: each node's type is read once here and handed on.
  let n = node;
  let t = n.type;
  while (WRAPPERS.has(t)) {
    const inner = n.firstNamedChild;
    if (!inner) break;
    const innerType = inner.type;
    if (innerType === 'comment') break;
    n = inner;
    t = innerType;
  }
  if (depth > MAX_DEPTH) return { k: 'other', node: n };
  switch (t) {
    // ── shared / JS ──
    case 'identifier': case 'property_identifier': case 'shorthand_property_identifier':
      return { k: 'name', node: n, name: n.text };
    case 'this': return { k: 'name', node: n, name: 'this' };
    case 'number': case 'integer': case 'float': {
      const v = Number(n.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { k: 'num', node: n, value: v } : { k: 'other', node: n };
    }
    case 'true': case 'false': return { k: 'bool', node: n, value: t === 'true' };
    case 'none': case 'null': case 'undefined': return { k: 'none', node: n };
    case 'string': return hasPyStrings(n) && n.firstChild?.type === 'string_start' ? pyString(n) : jsString(n);
    case 'template_string': return jsTemplate(n);
    case 'concatenated_string': {
      const pieces: StrPiece[] = [];
      let dynamic = false;
      for (const c of n.namedChildren) {
        if (!c || c.type !== 'string') continue;
        const s = pyString(c);
        if (s.k === 'str') { pieces.push(...s.pieces); dynamic ||= s.dynamic; }
      }
      return { k: 'str', node: n, pieces, dynamic };
    }
    case 'member_expression': case 'attribute': {
      const obj = n.childForFieldName('object');
      const prop = n.childForFieldName(t === 'attribute' ? 'attribute' : 'property');
      if (!obj || !prop) return { k: 'other', node: n };
      return { k: 'attr', node: n, object: toExpr(obj, depth + 1), name: prop.text };
    }
    case 'subscript_expression': case 'subscript': {
      const obj = n.childForFieldName(t === 'subscript' ? 'value' : 'object');
      const idx = n.childForFieldName(t === 'subscript' ? 'subscript' : 'index');
      if (!obj || !idx) return { k: 'other', node: n };
      return { k: 'subscript', node: n, object: toExpr(obj, depth + 1), index: toExpr(idx, depth + 1) };
    }
    case 'call_expression': case 'new_expression': case 'call': return callExpr(n, t, depth);
    case 'array': case 'list': case 'tuple': case 'set': case 'expression_list': {
      const items: Expr[] = [];
      for (const c of n.namedChildren) if (c && c.type !== 'comment') items.push(toExpr(c, depth + 1));
      return { k: 'list', node: n, items };
    }
    case 'object': case 'dictionary': return dictExpr(n, depth);
    case 'binary_expression': case 'binary_operator': case 'boolean_operator': {
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      const op = n.childForFieldName('operator')?.text ?? (l && r ? n.text.slice(l.endIndex - n.startIndex, r.startIndex - n.startIndex).trim() : '');
      if (!l || !r) return { k: 'other', node: n };
      return { k: 'binop', node: n, op, left: toExpr(l, depth + 1), right: toExpr(r, depth + 1) };
    }
    case 'ternary_expression': {
      const a = n.childForFieldName('consequence');
      const b = n.childForFieldName('alternative');
      return a && b ? { k: 'cond', node: n, a: toExpr(a, depth + 1), b: toExpr(b, depth + 1) } : { k: 'other', node: n };
    }
    case 'conditional_expression': {
      const a = n.namedChild(0);
      const b = n.namedChild(2);
      return a && b ? { k: 'cond', node: n, a: toExpr(a, depth + 1), b: toExpr(b, depth + 1) } : { k: 'other', node: n };
    }
    case 'arrow_function': case 'function_expression': case 'function': case 'lambda':
    case 'function_definition': case 'function_declaration': case 'method_definition':
      return { k: 'func', node: n };
    case 'spread_element': case 'list_splat': case 'dictionary_splat': {
      const v = n.firstNamedChild;
      return v ? { k: 'spread', node: n, value: toExpr(v, depth + 1) } : { k: 'other', node: n };
    }
    default: return { k: 'other', node: n };
  }
}

function callExpr(n: TsNode, type: string, depth: number): Expr {
  const isNew = type === 'new_expression';
  const fn = n.childForFieldName(isNew ? 'constructor' : 'function');
  const argsNode = n.childForFieldName('arguments');
  if (!fn) return { k: 'other', node: n };
  const args: Expr[] = [];
  const kwargs: Kwarg[] = [];
  if (argsNode) {
    if (argsNode.type === 'template_string') args.push(jsTemplate(argsNode)); // tagged template
    else {
      for (const c of argsNode.namedChildren) {
        if (!c) continue;
        const ct = c.type;
        if (ct === 'comment') continue;
        if (ct === 'keyword_argument') {
          const name = c.childForFieldName('name');
          const value = c.childForFieldName('value');
          if (name && value) kwargs.push({ name: name.text, value: toExpr(value, depth + 1), node: c, keyNode: name });
        } else if (ct === 'dictionary_splat') {
          const v = c.firstNamedChild;
          if (v) kwargs.push({ name: null, value: toExpr(v, depth + 1), node: c, keyNode: null });
        } else if (ct === 'generator_expression') {
          args.push({ k: 'other', node: c });
        } else args.push(toExpr(c, depth + 1));
      }
    }
  }
  return { k: 'call', node: n, callee: toExpr(fn, depth + 1), args, kwargs, isNew, argsNode };
}

function dictExpr(n: TsNode, depth: number): Expr {
  const entries: Kwarg[] = [];
  for (const c of n.namedChildren) {
    if (!c) continue;
    const ct = c.type;
    if (ct === 'pair') {
      const key = c.childForFieldName('key');
      const value = c.childForFieldName('value');
      if (!key || !value) continue;
      let name: string | null = null;
      const kt = key.type;
      if (kt === 'string') name = staticString(toExpr(key, depth + 1));
      else if (kt === 'property_identifier' || kt === 'identifier' || kt === 'number') name = key.text;
      entries.push({ name: name ?? `[${key.text}]`, value: toExpr(value, depth + 1), node: c, keyNode: key });
    } else if (ct === 'shorthand_property_identifier') {
      entries.push({ name: c.text, value: { k: 'name', node: c, name: c.text }, node: c, keyNode: c });
    } else if (ct === 'spread_element' || ct === 'dictionary_splat') {
      const v = c.firstNamedChild;
      if (v) entries.push({ name: null, value: toExpr(v, depth + 1), node: c, keyNode: null });
    }
  }
  return { k: 'dict', node: n, entries };
}

function jsString(n: TsNode): Expr {
  const t = n.text;
  const body = t.length >= 2 ? t.slice(1, -1) : '';
  return { k: 'str', node: n, dynamic: false,
    pieces: [{ text: decodeEscapes(body), dynamic: false, start: n.startIndex + 1, end: n.endIndex - 1 }] };
}

function jsTemplate(n: TsNode): Expr {
  const pieces: StrPiece[] = [];
  const text = n.text;
  const base = n.startIndex;
  let cursor = base + 1; // after the backtick
  const end = n.endIndex - 1;
  let dynamic = false;
  for (const c of n.namedChildren) {
    if (!c || c.type !== 'template_substitution') continue;
    if (c.startIndex > cursor) pieces.push(staticPiece(text.slice(cursor - base, c.startIndex - base), cursor, c.startIndex));
    const inner = c.firstNamedChild;
    pieces.push({ text: inner ? inner.text : '', dynamic: true, start: c.startIndex, end: c.endIndex, ...(inner ? { node: inner } : {}) });
    dynamic = true;
    cursor = c.endIndex;
  }
  if (end > cursor) pieces.push(staticPiece(text.slice(cursor - base, end - base), cursor, end));
  return { k: 'str', node: n, pieces, dynamic };
}

function staticPiece(raw: string, start: number, end: number): StrPiece {
  return { text: decodeEscapes(raw), dynamic: false, start, end };
}

/** A Python string's prefix letters and opening delimiter (the grammar's string_start token). */
const PY_STRING_START = /^([A-Za-z]*)("{3}|'{3}|"|')/;

function pyString(n: TsNode): Expr {
  // A plain (not f-) string without errors is its source text between the delimiters: read from the text instead of
  // asking WASM for its start/content/end tokens and children (gen5000.py: pyString was 17 % of detectInFile).
  const fast = pyPlainString(n);
  if (fast) return fast;
  const startTok = n.firstChild;
  const prefix = (startTok?.text ?? '').toLowerCase();
  const raw = prefix.includes('r');
  const isF = prefix.includes('f');
  const pieces: StrPiece[] = [];
  let dynamic = false;
  const contentStart = startTok ? startTok.endIndex : n.startIndex;
  const endTok = n.lastChild;
  const contentEnd = endTok && endTok.type === 'string_end' ? endTok.startIndex : n.endIndex;
  const text = n.text;
  const base = n.startIndex;
  let cursor = contentStart;
  for (const c of n.namedChildren) {
    if (!c || c.type !== 'interpolation') continue;
    if (c.startIndex > cursor) pieces.push(pyStatic(text.slice(cursor - base, c.startIndex - base), cursor, c.startIndex, raw, isF));
    const inner = c.childForFieldName('expression') ?? c.firstNamedChild;
    pieces.push({ text: inner ? inner.text : '', dynamic: true, start: c.startIndex, end: c.endIndex, ...(inner ? { node: inner } : {}) });
    dynamic = true;
    cursor = c.endIndex;
  }
  if (contentEnd > cursor) pieces.push(pyStatic(text.slice(cursor - base, contentEnd - base), cursor, contentEnd, raw, isF));
  return { k: 'str', node: n, pieces, dynamic };
}

function pyStatic(rawText: string, start: number, end: number, raw: boolean, isF: boolean): StrPiece {
  let t = raw ? rawText : decodeEscapes(rawText);
  if (isF) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return { text: t, dynamic: false, start, end };
}

/** pyString for a string with no interpolation and no syntax error; null = take the general path. */
function pyPlainString(n: TsNode): Expr | null {
  const text = n.text;
  const open = PY_STRING_START.exec(text);
  if (!open) return null;
  const prefix = (open[1] ?? '').toLowerCase();
  // f/t-strings have interpolations; a raw string's backslashes are tokenised apart (`r'\\'` has no content token).
  if (prefix.includes('f') || prefix.includes('t') || (prefix.includes('r') && text.includes('\\'))) return null;
  const quote = open[2] ?? '';
  const head = open[0].length;
  if (text.length < head + quote.length || !text.endsWith(quote) || n.hasError) return null;
  const start = n.startIndex + head;
  const end = n.startIndex + text.length - quote.length;
  if (end <= start) return { k: 'str', node: n, pieces: [], dynamic: false };
  return { k: 'str', node: n, pieces: [pyStatic(text.slice(head, text.length - quote.length), start, end, prefix.includes('r'), false)], dynamic: false };
}
