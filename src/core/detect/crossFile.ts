// Objects built in another workspace module (`llm = ChatOpenAI(model="gpt-4o")` in app/llm.py, then
// `from app.llm import llm`): found with a few anchored regexes on the other file's text instead of a second parse,
// because resolution is synchronous and runs for every imported receiver.

import { moduleFiles } from './moduleFiles';

export interface ForeignObject {
  /** Qualified name of the constructor in the other file (`langchain_openai.ChatOpenAI`, `openai`). */
  qn: string;
  /** Keyword / property → literal string value, from the constructor's arguments. */
  literals: Map<string, string>;
  /** First positional string literal, if any. */
  firstLiteral?: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text between `(` at `open` and its matching `)`, skipping strings; undefined when unbalanced within 4 kB. */
function argumentText(text: string, open: number): string | undefined {
  let depth = 0;
  let quote = '';
  const limit = Math.min(text.length, open + 4096);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

function importsOf(text: string, python: boolean): Map<string, string> {
  const m = new Map<string, string>();
  if (python) {
    for (const x of text.matchAll(/^from\s+([\w.]+)\s+import\s+\(?([^)\n]+)\)?/gm)) {
      for (const part of (x[2] ?? '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name) m.set((alias ?? name).trim(), `${x[1]}.${name.trim()}`);
      }
    }
    for (const x of text.matchAll(/^import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm)) {
      const mod = x[1] ?? '';
      m.set(x[2] ?? mod.split('.')[0] ?? mod, x[2] ? mod : mod.split('.')[0] ?? mod);
    }
  } else {
    for (const x of text.matchAll(/import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]/g)) {
      const spec = x[3] ?? '';
      if (x[1]) m.set(x[1], spec);
      for (const part of (x[2] ?? '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name) m.set((alias ?? name).trim(), `${spec}.${name.trim()}`);
      }
    }
    for (const x of text.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g)) m.set(x[1] ?? '', x[2] ?? '');
  }
  return m;
}

export function findForeignObject(text: string, name: string, python: boolean): ForeignObject | undefined {
  const n = escapeRe(name);
  const re = python
    ? new RegExp(`^${n}\\s*(?::[^=\\n]+)?=\\s*([A-Za-z_][\\w.]*)\\s*\\(`, 'm')
    : new RegExp(`^\\s*(?:export\\s+)?(?:const|let|var)\\s+${n}\\s*(?::[^=\\n]+)?=\\s*(?:new\\s+)?([A-Za-z_$][\\w$.]*)\\s*\\(`, 'm');
  const m = re.exec(text);
  if (!m || !m[1]) return undefined;
  const ctor = m[1];
  const args = argumentText(text, m.index + m[0].length - 1);
  const imports = importsOf(text, python);
  const head = ctor.split('.')[0] ?? ctor;
  const base = imports.get(head);
  if (base === undefined) return undefined;
  const qn = ctor === head ? base : `${base}${ctor.slice(head.length)}`;
  const literals = new Map<string, string>();
  let firstLiteral: string | undefined;
  if (args !== undefined) {
    for (const x of args.matchAll(/([A-Za-z_$][\w$]*)\s*[=:]\s*(?:"([^"\n]*)"|'([^'\n]*)')/g)) {
      if (x[1] && !literals.has(x[1])) literals.set(x[1], x[2] ?? x[3] ?? '');
    }
    const first = /^\s*(?:"([^"\n]*)"|'([^'\n]*)')/.exec(args);
    if (first) firstLiteral = first[1] ?? first[2];
  }
  return { qn, literals, ...(firstLiteral !== undefined ? { firstLiteral } : {}) };
}

/** Module specifiers a file imports: Python `from M import …` / `import M`, JS/TS `from '…'` / `require('…')` / `import('…')`. */
function importedModules(text: string, python: boolean): Set<string> {
  const out = new Set<string>();
  if (python) {
    for (const x of text.matchAll(/^[ \t]*from\s+([\w.]+)\s+import\s+\(?([^)\n]*)/gm)) {
      const mod = x[1] ?? '';
      out.add(mod);
      // `from app import llm_setup` then `llm_setup.llm.invoke(…)`: the submodule is a file of its own.
      for (const part of (x[2] ?? '').split(',')) {
        const name = part.trim().split(/\s+/)[0];
        if (name && /^\w+$/.test(name)) out.add(mod.endsWith('.') ? `${mod}${name}` : `${mod}.${name}`);
      }
    }
    for (const x of text.matchAll(/^[ \t]*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm)) {
      for (const mod of (x[1] ?? '').split(',')) out.add(mod.trim());
    }
  } else {
    for (const x of text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|\bimport\s+)['"]([.@~][^'"\n]*)['"]/g)) out.add(x[1] ?? '');
  }
  return out;
}

/**
 * Whether a file whose only SDK markers are indirect (`llm.invoke(…)`) imports a workspace module that could build
 * an SDK object for it: the engine finds such a call only through findForeignObject, which needs the other module to
 * construct an SDK object, i.e. to carry an SDK marker itself. False lets detection skip the parse (tkinter
 * `button.invoke()`, click's `ctx.invoke(…)`, lodash `_.invoke(…)` in a large tree).
 */
export function importsSdkModule(
  text: string, python: boolean, file: string, readFile: (absolutePath: string) => string | undefined,
  hasMarkers: (text: string) => boolean,
): boolean {
  for (const mod of importedModules(text, python)) {
    for (const candidate of moduleFiles(file, mod, python)) {
      let other: string | undefined;
      try { other = readFile(candidate); } catch { other = undefined; }
      if (other !== undefined && markersOf(other, hasMarkers)) return true;
    }
  }
  return false;
}

/**
 * hasMarkers of another file's text, remembered by text: one config or client module is imported by many files of a
 * tree, and the audit's read cache hands back the same string each time (a Map keyed by a string hashes it once).
 * Bounded, as it keeps those texts alive.
 */
const markerMemos = new WeakMap<(text: string) => boolean, Map<string, boolean>>();
const MARKER_MEMO_LIMIT = 512;

function markersOf(text: string, hasMarkers: (text: string) => boolean): boolean {
  let memo = markerMemos.get(hasMarkers);
  if (!memo) markerMemos.set(hasMarkers, (memo = new Map()));
  let v = memo.get(text);
  if (v === undefined) {
    if (memo.size >= MARKER_MEMO_LIMIT) memo.clear();
    v = hasMarkers(text);
    memo.set(text, v);
  }
  return v;
}

/**
 * The string literal stored under `keys` in a module-level object / dict literal of another file:
 * `export const LLM_CONFIG = { summarizer: { model: 'deepseek-chat' } } as const` (also `satisfies T`,
 * `Object.freeze({...})`), Python `MODELS = {"chat": "gpt-4o"}` / `dict(chat="gpt-4o")`. A scan of the literal's
 * text, not a parse, like the rest of this file. Null when a key is missing, computed or not statically a string.
 */
export function findObjectMember(text: string, name: string, keys: readonly string[], python: boolean): string | null {
  if (!keys.length) return null;
  const n = escapeRe(name);
  const re = python
    ? new RegExp(`^${n}\\s*(?::[^=\\n]+)?=\\s*(?:\\{|dict\\()`, 'm')
    : new RegExp(`^[ \\t]*(?:export\\s+)?(?:const|let|var)\\s+${n}\\s*(?::[^=\\n]+)?=\\s*(?:Object\\.freeze\\(\\s*)?\\{`, 'm');
  const m = re.exec(text);
  if (!m) return null;
  return new ObjectScan(text, python).member(m.index + m[0].length, keys);
}

const MAX_OBJECT_SCAN = 65_536;

/** A cursor over the text of an object literal's entries (after its `{` or `dict(`). */
class ObjectScan {
  private readonly limit: number;
  constructor(private readonly text: string, private readonly python: boolean) {
    this.limit = text.length;
  }

  /** The string under `keys` in the entries starting at `start`; the last entry of a repeated key wins, as at run time. */
  member(start: number, keys: readonly string[]): string | null {
    const stop = Math.min(this.limit, start + MAX_OBJECT_SCAN);
    let found: string | null = null;
    let i = start;
    while (i < stop) {
      i = this.skipSpace(i);
      const c = this.text[i];
      // Any closing bracket ends the entries: `]` too, or broken code being typed (`{ a: 'x' ]`) would loop here.
      if (c === undefined || c === '}' || c === ')' || c === ']') return found;
      if (c === ',') { i++; continue; }
      const key = this.key(i);
      if (!key) {
        const next = this.skipValue(i);
        if (next <= i) return found;
        i = next;
        continue;
      }
      i = this.skipSpace(key.end);
      const sep = this.text[i];
      // JS `key:` / `"key":`; Python `{"key": …}` or `dict(key=…)` (a bare name before `:` is a variable there).
      const ok = this.python ? (key.quoted ? sep === ':' : sep === '=') : sep === ':';
      if (!ok) { i = this.skipValue(i); continue; }
      i = this.skipSpace(i + 1);
      if (key.name === keys[0]) {
        if (keys.length === 1) {
          const s = this.stringAt(i);
          found = s ? s.value : null;
        } else {
          const open = this.openAt(i);
          found = open === undefined ? null : this.member(open, keys.slice(1));
        }
      }
      i = this.skipValue(i);
    }
    return found;
  }

  private key(i: number): { name: string; end: number; quoted: boolean } | undefined {
    const s = this.stringAt(i);
    if (s) return { name: s.value, end: s.end, quoted: true };
    const id = /[A-Za-z_$][\w$]*/y;
    id.lastIndex = i;
    const m = id.exec(this.text);
    return m ? { name: m[0], end: i + m[0].length, quoted: false } : undefined;
  }

  /** A plain string literal at `i` (no interpolation, no escapes worth decoding in a model id). */
  private stringAt(i: number): { value: string; end: number } | undefined {
    const q = this.text[i];
    if (q !== '"' && q !== "'" && !(q === '`' && !this.python)) return undefined;
    const close = this.text.indexOf(q, i + 1);
    if (close < 0) return undefined;
    const value = this.text.slice(i + 1, close);
    if (/[\\\n]/.test(value) || (q === '`' && value.includes('${'))) return undefined;
    return { value, end: close + 1 };
  }

  /** Index just inside a nested object literal starting at `i` (`{`, Python `dict(`), undefined otherwise. */
  private openAt(i: number): number | undefined {
    if (this.text[i] === '{') return i + 1;
    if (this.python && this.text.startsWith('dict(', i)) return i + 5;
    return undefined;
  }

  private skipSpace(i: number): number {
    const t = this.text;
    for (;;) {
      while (i < t.length && /\s/.test(t[i]!)) i++;
      if (this.python ? t[i] === '#' : t.startsWith('//', i)) { const nl = t.indexOf('\n', i); i = nl < 0 ? t.length : nl + 1; continue; }
      if (!this.python && t.startsWith('/*', i)) { const e = t.indexOf('*/', i + 2); i = e < 0 ? t.length : e + 2; continue; }
      return i;
    }
  }

  /** Index of the `,` or closing bracket that ends the value starting at `i` (brackets, strings and comments skipped). */
  private skipValue(i: number): number {
    const t = this.text;
    const stop = Math.min(t.length, i + MAX_OBJECT_SCAN);
    let depth = 0;
    while (i < stop) {
      const c = t[i]!;
      if (c === '"' || c === "'" || c === '`') {
        let j = i + 1;
        while (j < t.length && t[j] !== c) j += t[j] === '\\' ? 2 : 1;
        i = j + 1;
        continue;
      }
      if (this.python ? c === '#' : t.startsWith('//', i) || t.startsWith('/*', i)) { i = this.skipSpace(i); continue; }
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') { if (depth === 0) return i; depth--; }
      else if (c === ',' && depth === 0) return i;
      i++;
    }
    return stop;
  }
}
