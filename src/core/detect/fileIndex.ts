import type { Position, Range } from '../types';
import type { Grammar } from './languages';
import type { TsNode, TsTree } from './parsers';
import { SourceText } from '../sourceText';

// What one file declares: imports (local name → qualified name) and assignments (name → value node), collected in a
// single query pass over the tree, then looked up by scope when a candidate call needs a receiver, model or prompt.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TreeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');
type Query = import('web-tree-sitter').Query;

export interface Binding {
  name: string;
  value: TsNode;
  /** The assignment / declarator node (its start orders bindings). */
  node: TsNode;
  start: number;
  /** End index of `node`, read once when needed. */
  end?: number;
  /** Start index of the enclosing function (-1 = module level); computed lazily. */
  scope?: number;
  /** Class-level field / attribute. */
  classField?: boolean;
}

export interface ParamBinding {
  name: string;
  defaultValue: TsNode | null;
  annotation: TsNode | null;
}

// Calls are captured with their callee (`@fn`), so the candidate filter needs no childForFieldName round trip into
// WASM per call (gen5000.py, 2,045 calls: 20.6 -> 13.2 ms for the call matches). Python methods and class attributes
// are told by the query too (`@method`, `@classattr`): asking `node.parent` instead costs a walk from the root per
// step in web-tree-sitter 0.25 (~5 µs a step in a 5,000-line file; ~10 ms per analysis for its 665 assignments).
/** One query pattern, and the node type its whole-node capture has (so the pass never asks WASM for it). */
type Pattern = [source: string, wholeType?: string];

const PY_PATTERNS: Pattern[] = [
  ['[(function_definition) (lambda)] @scope'],
  ['(function_definition name: (identifier) @lhs) @fndef', 'function_definition'],
  ['(import_statement) @import', 'import_statement'],
  ['(import_from_statement) @import', 'import_from_statement'],
  ['(assignment left: (_) @lhs right: (_) @rhs) @assign', 'assignment'],
  ['(as_pattern alias: (as_pattern_target) @lhs) @aspat', 'as_pattern'],
  ['(call function: _ @fn) @call'],
  ['(class_definition (block (function_definition) @method))'],
  ['(class_definition (block (decorated_definition (function_definition) @method)))'],
  ['(class_definition (_ (_ (assignment) @classattr)))'],
];
const JS_PATTERNS: Pattern[] = [
  ['[(function_declaration) (function_expression) (arrow_function) (method_definition) (generator_function_declaration) (generator_function)] @scope'],
  ['(function_declaration name: (identifier) @lhs) @fndef', 'function_declaration'],
  ['(method_definition name: (property_identifier) @lhs) @fndef', 'method_definition'],
  ['(import_statement) @import', 'import_statement'],
  ['(variable_declarator name: (_) @lhs value: (_) @rhs) @assign', 'variable_declarator'],
  ['(assignment_expression left: (_) @lhs right: (_) @rhs) @assign', 'assignment_expression'],
  ['(call_expression function: _ @fn) @call'],
  // Constructors that send a request themselves (`new OpenAIRealtimeWS({ model })` opens a Realtime session).
  ['(new_expression constructor: _ @fn) @new'],
];
const PATTERNS: Record<Grammar, Pattern[]> = {
  python: PY_PATTERNS,
  javascript: [...JS_PATTERNS, ['(field_definition property: (_) @lhs value: (_) @rhs) @assign', 'field_definition']],
  typescript: [...JS_PATTERNS, ['(public_field_definition name: (_) @lhs value: (_) @rhs) @assign', 'public_field_definition']],
  tsx: [...JS_PATTERNS, ['(public_field_definition name: (_) @lhs value: (_) @rhs) @assign', 'public_field_definition']],
};

const compiled = new Map<Grammar, Query>();

function queryFor(grammar: Grammar, tree: TsTree): Query {
  let q = compiled.get(grammar);
  if (!q) {
    q = new TreeSitter.Query(tree.language, PATTERNS[grammar].map((p) => p[0]).join('\n'));
    // Match.patternIndex indexes PATTERNS: one pattern per row (a top-level alternation is one pattern).
    if (q.patternCount() !== PATTERNS[grammar].length) throw new Error(`${grammar} query: ${q.patternCount()} patterns, ${PATTERNS[grammar].length} rows`);
    compiled.set(grammar, q);
  }
  return q;
}

export function disposeQueries(): void {
  for (const q of compiled.values()) q.delete();
  compiled.clear();
}

const FUNCTION_TYPES = new Set([
  'function_definition', 'lambda', 'function_declaration', 'function_expression', 'arrow_function', 'method_definition',
  'generator_function_declaration', 'generator_function', 'function',
]);

const PY_IDENT = /[A-Za-z0-9_]+/y;
const JS_IDENT = /[A-Za-z0-9_$]+/y;

/** Values that can be an SDK object: constructor / factory calls and LangChain `|` chains. */
const OBJECT_VALUES = new Set(['call', 'call_expression', 'new_expression', 'await', 'await_expression', 'binary_operator']);

export function isFunctionNode(n: TsNode): boolean {
  return FUNCTION_TYPES.has(n.type);
}

export function isFunctionType(type: string): boolean {
  return FUNCTION_TYPES.has(type);
}

export class FileIndex {
  readonly python: boolean;
  readonly imports = new Map<string, string>();
  /** Every module specifier imported (for loose matching: "the file uses the openai SDK"). */
  readonly importedModules = new Set<string>();
  /** `from app.config import *`: modules whose constants may be used by bare name. */
  readonly starImports: string[] = [];
  readonly bindings = new Map<string, Binding[]>();
  readonly calls: TsNode[] = [];
  /** Every function-like node in document order, as plain offsets: scope questions never walk parents. */
  private readonly functions: { start: number; end: number; node: TsNode }[] = [];
  private source: SourceText | undefined;
  /** Python `def`s directly in a class body (or decorated there), and assignments two levels below a class: node ids. */
  private readonly pyMethods = new Set<number>();
  private readonly pyClassAttrs = new Set<number>();
  /** Parent of each node asked about so far (node id → parent), filled a whole ancestor chain at a time. */
  private readonly parents = new Map<number, TsNode | null>();

  constructor(readonly text: string, readonly grammar: Grammar, readonly tree: TsTree, callFilter: (calleeText: string) => boolean) {
    this.python = grammar === 'python';
    const q = queryFor(grammar, tree);
    // Plain-name calls whose name is not an SDK function may still be one under an alias (`import { embed as e }`);
    // imports can appear anywhere, so those are decided after the pass.
    const deferred: [call: TsNode, fn: TsNode][] = [];
    // `new X(…)` is a request only for an SDK constructor that sends one: an alias counts when the imported name
    // passes the filter (most `new` expressions build plain objects and are never resolved).
    const deferredNew: [call: TsNode, fn: TsNode][] = [];
    // Declarations are applied after the pass, in match order, once every Python method / class attribute is known
    // (their @method / @classattr matches may come before or after the declaration's own match).
    const declarations: import('web-tree-sitter').QueryMatch[] = [];
    const patterns = PATTERNS[grammar];
    for (const match of q.matches(tree.rootNode)) {
      const caps = match.captures;
      const first = caps[0];
      if (!first) continue;
      switch (first.name) {
        case 'call': case 'fn': case 'new': {
          const whole = caps.find((c) => c.name === 'call' || c.name === 'new');
          const node = whole?.node;
          const fn = caps.find((c) => c.name === 'fn')?.node;
          if (!node || !fn) break;
          const type = fn.type;
          if (callFilter(type === 'identifier' ? this.identifierText(fn) : lastSegment(fn, type))) this.calls.push(node);
          else if (type === 'identifier') (whole?.name === 'new' ? deferredNew : deferred).push([node, fn]);
          break;
        }
        case 'scope': this.functions.push({ start: first.node.startIndex, end: first.node.endIndex, node: first.node }); break;
        case 'method': this.pyMethods.add(first.node.id); break;
        case 'classattr': this.pyClassAttrs.add(first.node.id); break;
        default: declarations.push(match);
      }
    }
    for (const match of declarations) {
      const caps = match.captures;
      const first = caps[0]!;
      if (first.name === 'import') { this.addImport(first.node); continue; }
      let whole: TsNode | undefined;
      let lhs: TsNode | undefined;
      let rhs: TsNode | undefined;
      for (const c of caps) {
        if (c.name === 'lhs') lhs = c.node;
        else if (c.name === 'rhs') rhs = c.node;
        else whole = c.node;
      }
      const wholeType = whole ? patterns[match.patternIndex]?.[1] ?? whole.type : undefined;
      if (wholeType === 'as_pattern') rhs = whole?.firstNamedChild ?? undefined;
      // Local functions and methods are bindings too: a call to them yields what they return
      // (`def get_llm(): return ChatOpenAI(...)`), and they shadow SDK names (`def completion(...)`).
      if (first.name === 'fndef' || wholeType === 'function_definition' || wholeType === 'function_declaration' || wholeType === 'method_definition') {
        if (whole && lhs) this.addFunction(lhs.text, whole);
        continue;
      }
      if (whole && wholeType && lhs && rhs) this.addBinding(lhs, rhs, whole, wholeType);
    }
    if (deferred.length || deferredNew.length) {
      let added = false;
      for (const [node, fn] of deferred) {
        const name = this.identifierText(fn);
        if (!name) continue;
        // An alias of an SDK function, or an object called directly (LangChain's legacy `llm("prompt")`).
        if (this.imports.has(name) || this.bindings.get(name)?.some((b) => OBJECT_VALUES.has(b.value.type))) {
          this.calls.push(node);
          added = true;
        }
      }
      for (const [node, fn] of deferredNew) {
        const qn = this.imports.get(this.identifierText(fn));
        if (qn !== undefined && callFilter(qn.slice(qn.lastIndexOf('.') + 1))) {
          this.calls.push(node);
          added = true;
        }
      }
      if (added) this.calls.sort((a, b) => a.startIndex - b.startIndex);
    }
  }

  /**
   * An identifier node's text read from the source: an ASCII identifier ends where the scan stops, so no WASM round
   * trip is needed for its end (most callees of a file are plain names: `len`, `print`, `str`). Anything else
   * (non-ASCII letters, escapes) asks the node.
   */
  private identifierText(n: TsNode): string {
    const re = this.python ? PY_IDENT : JS_IDENT;
    re.lastIndex = n.startIndex;
    const m = re.exec(this.text);
    if (m) {
      const next = this.text.charCodeAt(n.startIndex + m[0].length);
      if (!(next >= 0x80) && next !== 0x5c) return m[0];
    }
    return n.text;
  }

  private addImport(node: TsNode): void {
    if (this.python) {
      if (node.type === 'import_statement') {
        for (const c of node.namedChildren) {
          if (!c) continue;
          if (c.type === 'dotted_name') {
            const full = c.text;
            this.importedModules.add(full);
            // `import google.generativeai` binds `google`; attribute access then spells the full path.
            const head = full.split('.')[0] ?? full;
            this.imports.set(head, head);
          } else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) { this.imports.set(alias, name); this.importedModules.add(name); }
          }
        }
      } else {
        const mod = node.childForFieldName('module_name')?.text;
        if (!mod) return;
        this.importedModules.add(mod);
        if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) this.starImports.push(mod);
        for (const c of node.namedChildren) {
          if (!c || c === null) continue;
          if (c.startIndex <= (node.childForFieldName('module_name')?.startIndex ?? -1)) continue;
          const join = (n: string): string => (mod.endsWith('.') ? `${mod}${n}` : `${mod}.${n}`);
          if (c.type === 'dotted_name') this.imports.set(c.text, join(c.text));
          else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) this.imports.set(alias, join(name));
          }
        }
      }
      return;
    }
    const source = node.childForFieldName('source');
    if (!source) return;
    const spec = source.text.slice(1, -1);
    this.importedModules.add(spec);
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (!clause) return;
    for (const c of clause.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') this.imports.set(c.text, spec);
      else if (c.type === 'namespace_import') {
        const id = c.namedChildren.find((x) => x?.type === 'identifier');
        if (id) this.imports.set(id.text, spec);
      } else if (c.type === 'named_imports') {
        for (const s of c.namedChildren) {
          if (!s || s.type !== 'import_specifier') continue;
          const name = s.childForFieldName('name')?.text;
          const alias = s.childForFieldName('alias')?.text;
          if (name) this.imports.set(alias ?? name, name === 'default' ? spec : `${spec}.${name}`);
        }
      }
    }
  }

  private addFunction(name: string, fn: TsNode): void {
    const b: Binding = { name, value: fn, node: fn, start: fn.startIndex };
    if (fn.type === 'method_definition') {
      push(this.bindings, `this.${name}`, b);
      return;
    }
    // A def directly in a class body is a method, read as self.name.
    if (this.python && this.pyMethods.has(fn.id)) {
      push(this.bindings, `self.${name}`, b);
      return;
    }
    push(this.bindings, name, b);
  }

  private addBinding(lhs: TsNode, value: TsNode, node: TsNode, nodeType: string): void {
    // `const x = require('m')` / `const { A, B: C } = require('m')` are imports (Python has no such node types).
    const req = this.python ? null : requireSpecifier(value);
    if (req !== null) {
      this.importedModules.add(req);
      if (lhs.type === 'identifier') this.imports.set(lhs.text, req);
      else if (lhs.type === 'object_pattern') {
        for (const p of lhs.namedChildren) {
          if (!p) continue;
          if (p.type === 'shorthand_property_identifier_pattern') this.imports.set(p.text, `${req}.${p.text}`);
          else if (p.type === 'pair_pattern') {
            const k = p.childForFieldName('key')?.text;
            const v = p.childForFieldName('value');
            if (k && v?.type === 'identifier') this.imports.set(v.text, `${req}.${k}`);
          }
        }
      }
      return;
    }
    let name: string | null = null;
    let classField = false;
    switch (lhs.type) {
      case 'identifier': case 'property_identifier': case 'private_property_identifier': {
        name = lhs.text;
        if (nodeType === 'public_field_definition' || nodeType === 'field_definition') { name = `this.${name}`; classField = true; }
        else if (this.python && this.pyClassAttrs.has(node.id)) classField = true;
        break;
      }
      case 'attribute': case 'member_expression': {
        const t = lhs.text;
        if (/^(self|this|cls)\.[\w$#]+$/.test(t)) name = t.startsWith('cls.') ? `self.${t.slice(4)}` : t;
        else if (/^[\w$]+(\.[\w$]+)+$/.test(t)) name = t; // Settings.llm = …, module.X = …
        break;
      }
      case 'as_pattern_target': {
        const id = lhs.firstNamedChild;
        if (id?.type === 'identifier') name = id.text;
        break;
      }
      default: return;
    }
    if (!name) return;
    const b: Binding = { name, value, node, start: node.startIndex, classField };
    if (classField) {
      // Class attributes are read as self.X / cls.X / this.X, or through the class name (`Config.MODEL`), never bare.
      const bare = name.startsWith('this.') ? name.slice(5) : name;
      push(this.bindings, this.python ? `self.${bare}` : `this.${bare}`, b);
      push(this.bindings, `class:${bare}`, b);
      return;
    }
    push(this.bindings, name, b);
  }

  /** The file imports `mod` or one of its submodules. */
  hasModule(mod: string): boolean {
    for (const m of this.importedModules) if (m === mod || m.startsWith(`${mod}.`) || m.startsWith(`${mod}/`)) return true;
    return false;
  }

  /** 0-based line / UTF-16 column of an offset (web-tree-sitter indexes JS strings in UTF-16 code units). */
  position(offset: number): Position {
    return (this.source ??= new SourceText(this.text)).positionAt(offset);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  nodeRange(n: TsNode): Range {
    return this.range(n.startIndex, n.endIndex);
  }

  /**
   * A node's parent. web-tree-sitter 0.25 answers `node.parent` by descending from the root, so walking up k levels
   * costs k descents (84 ms for the 2,045 calls of a 5,000-line file); one descent with childWithDescendant records
   * the parent of every node on the way, and later steps up that chain are map lookups.
   */
  parentOf(n: TsNode): TsNode | null {
    const known = this.parents.get(n.id);
    if (known !== undefined) return known;
    let p: TsNode | null = null;
    for (let c: TsNode | null = this.tree.rootNode; c && c.id !== n.id; c = c.childWithDescendant(n)) {
      this.parents.set(c.id, p);
      p = c;
    }
    this.parents.set(n.id, p);
    return p;
  }

  /**
   * Parent (enclosing function) index of each entry of `functions`, built once: the query yields functions in
   * document order, so the functions around an offset are the chain above the last one starting before it. A linear
   * scan per question cost O(functions) per lookup (~700 functions × every lookup in gen5000.py). null = the
   * functions are not in document order (never seen; the linear scan then answers as before).
   */
  private nesting: Int32Array | null | undefined;

  private functionParents(): Int32Array | null {
    if (this.nesting !== undefined) return this.nesting;
    const fs = this.functions;
    const parent = new Int32Array(fs.length);
    const stack: number[] = [];
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i]!;
      const prev = fs[i - 1];
      if (prev && (prev.start > f.start || (prev.start === f.start && prev.end < f.end))) return (this.nesting = null);
      while (stack.length && fs[stack[stack.length - 1]!]!.end < f.end) stack.pop();
      parent[i] = stack.length ? stack[stack.length - 1]! : -1;
      stack.push(i);
    }
    return (this.nesting = parent);
  }

  /** Functions strictly around [x, y), innermost first (the same answer, in the same order, as scanning them all). */
  private enclosing(x: number, y: number): { start: number; end: number; node: TsNode }[] {
    const fs = this.functions;
    const out: { start: number; end: number; node: TsNode }[] = [];
    const parent = this.functionParents();
    if (!parent) {
      for (let i = fs.length - 1; i >= 0; i--) {
        const f = fs[i]!;
        if (f.start <= x && y <= f.end && !(f.start === x && f.end === y)) out.push(f);
      }
      return out;
    }
    let lo = 0;
    let hi = fs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fs[mid]!.start <= x) lo = mid + 1; else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i = parent[i]!) {
      const f = fs[i]!;
      if (f.start <= x && y <= f.end && !(f.start === x && f.end === y)) out.push(f);
    }
    return out;
  }

  /** Node types by node id: the context questions (loop? mock? handler? statement?) ask them of the same ancestors. */
  private readonly types = new Map<number, string>();

  typeOf(n: TsNode): string {
    let t = this.types.get(n.id);
    if (t === undefined) this.types.set(n.id, (t = n.type));
    return t;
  }

  /** Start index of the innermost enclosing function, -1 for module level. */
  scopeOf(n: TsNode): number {
    return this.enclosing(n.startIndex, n.endIndex)[0]?.start ?? -1;
  }

  /** Enclosing functions, innermost first. */
  enclosingFunctions(n: TsNode): TsNode[] {
    return this.enclosing(n.startIndex, n.endIndex).map((f) => f.node);
  }

  /** Parameters of each function asked about, by name (first parameter binding a name wins, as findParam's scan). */
  private readonly params = new Map<number, Map<string, ParamBinding>>();

  private paramOf(fn: TsNode, name: string): ParamBinding | undefined {
    let m = this.params.get(fn.id);
    if (!m) this.params.set(fn.id, (m = paramsOf(fn)));
    return m.get(name);
  }

  /** The binding of `name` visible at `at`: the innermost scope's last assignment before it, else module level. */
  lookup(name: string, at: TsNode): Binding | ParamBinding | undefined {
    const list = this.bindings.get(name);
    const atStart = at.startIndex;
    const atEnd = at.endIndex;
    const fns = this.enclosing(atStart, atEnd);
    const isMember = name.includes('.');
    for (const fn of fns) {
      if (list && !isMember) {
        let best: Binding | undefined;
        for (const b of list) {
          if (b.start >= atStart || b.start < fn.start || b.start > fn.end) continue;
          if ((b.scope ??= this.scopeOf(b.node)) !== fn.start) continue;
          if (!best || b.start > best.start) best = b;
        }
        if (best) return best;
      }
      if (!isMember) {
        const p = this.paramOf(fn.node, name);
        if (p) return p;
      }
    }
    if (!list) return undefined;
    let before: Binding | undefined;
    let after: Binding | undefined;
    for (const b of list) {
      if (!isMember && (b.scope ??= this.scopeOf(b.node)) !== -1 && !b.classField) continue;
      if (b.node === at || (b.start <= atStart && (b.end ??= b.node.endIndex) >= atEnd)) continue; // x = f(x)
      if (b.start < atStart) { if (!before || b.start > before.start) before = b; }
      else if (!after) after = b;
    }
    return before ?? after;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v); else m.set(k, [v]);
}

function lastSegment(fn: TsNode, t: string): string {
  if (t === 'attribute') return fn.childForFieldName('attribute')?.text ?? '';
  if (t === 'member_expression') return fn.childForFieldName('property')?.text ?? '';
  if (t === 'identifier') return fn.text;
  return '*';
}

function requireSpecifier(value: TsNode): string | null {
  let v = value;
  let type = v.type;
  if (type === 'await_expression') { v = v.firstNamedChild ?? v; type = v.type; }
  if (type !== 'call_expression') return null;
  const fn = v.childForFieldName('function');
  if (!fn || (fn.text !== 'require' && fn.type !== 'import')) return null;
  const arg = v.childForFieldName('arguments')?.firstNamedChild;
  if (!arg || arg.type !== 'string') return null;
  return arg.text.slice(1, -1);
}

/**
 * Every name a function's parameters bind, in parameter order (the first binding of a name wins): read once per
 * function instead of walking its parameters again for every name looked up inside it.
 */
function paramsOf(fn: TsNode): Map<string, ParamBinding> {
  const out = new Map<string, ParamBinding>();
  const add = (name: string, defaultValue: TsNode | null, annotation: TsNode | null): void => {
    if (!out.has(name)) out.set(name, { name, defaultValue, annotation });
  };
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!params) return out;
  if (params.type === 'identifier') { add(params.text, null, null); return out; }
  for (const p of params.namedChildren) {
    if (!p) continue;
    switch (p.type) {
      case 'identifier': add(p.text, null, null); break;
      case 'default_parameter': case 'typed_default_parameter': case 'typed_parameter': {
        const n = p.childForFieldName('name') ?? p.firstNamedChild;
        if (n) add(n.text, p.childForFieldName('value'), p.childForFieldName('type'));
        break;
      }
      case 'assignment_pattern': {
        const left = p.childForFieldName('left');
        if (!left) break;
        add(left.text, p.childForFieldName('right'), null);
        if (left.type === 'object_pattern') destructuredAll(left, add);
        break;
      }
      case 'object_pattern': destructuredAll(p, add); break;
      case 'required_parameter': case 'optional_parameter': {
        const pattern = p.childForFieldName('pattern');
        if (!pattern) break;
        const ann = p.childForFieldName('type');
        add(pattern.text, p.childForFieldName('value'), ann?.firstNamedChild ?? ann);
        // React props: function Panel({ model = 'gpt-4o-mini' }: Props)
        if (pattern.type === 'object_pattern') destructuredAll(pattern, add);
        break;
      }
    }
  }
  return out;
}

function destructuredAll(pattern: TsNode, add: (name: string, defaultValue: TsNode | null, annotation: TsNode | null) => void): void {
  for (const c of pattern.namedChildren) {
    if (!c) continue;
    switch (c.type) {
      case 'shorthand_property_identifier_pattern': add(c.text, null, null); break;
      case 'object_assignment_pattern': {
        const left = c.childForFieldName('left');
        if (left) add(left.text, c.childForFieldName('right'), null);
        break;
      }
      case 'pair_pattern': {
        const v = c.childForFieldName('value');
        if (v?.type === 'identifier') add(v.text, null, null);
        else if (v?.type === 'assignment_pattern') {
          const left = v.childForFieldName('left');
          if (left) add(left.text, v.childForFieldName('right'), null);
        }
        break;
      }
    }
  }
}


