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
