import type { ApiKind, ModelSource, Provider, Range } from '../types';
import { type Expr, type Kwarg, dottedName, kwarg, staticString, toExpr } from './expr';
import { findForeignObject, findObjectMember } from './crossFile';
import { moduleFiles } from './moduleFiles';
import { providerFromBaseUrl, providerFromModel, providerFromName } from './endpoints';
import type { Binding, FileIndex, ParamBinding } from './fileIndex';
import type { TsNode } from './parsers';
import type { ConstructorRow, MethodRow, ModelFactoryRow, SdkTable } from './sdkTypes';

// Follows the code the way a reviewer would: from a call's receiver back through assignments, imports, constructor
// calls and builder methods to the SDK object (and the model bound to it), and from a model argument back to its value.

export interface ModelRes {
  model: string | null;
  source: ModelSource;
  /** The literal holding the model in this file (quotes included), so a fix can rewrite it. */
  range?: Range;
}

export interface SdkObject {
  k: 'obj';
  type: string;
  provider: Provider;
  sdk: string;
  model?: ModelRes;
  /** Options given when the object was built (`ChatOpenAI(max_tokens=…)`, `GenerativeModel(system_instruction=…)`). */
  bound: Kwarg[];
  flags: { tools?: boolean; jsonMode?: boolean; textCompletion?: boolean };
  /** Member path walked so far (`client.chat.completions` → ['chat', 'completions']). */
  path: string[];
  /** LangChain chains: the prompt template piped into the model. */
  template?: Expr;
  /** HTTP clients: their base URL. */
  baseUrl?: string;
  /** The constructor call that built the object (where bound options live, for fixes). */
  origin?: Extract<Expr, { k: 'call' }>;
}

export type Sym =
  | SdkObject
  | { k: 'mod'; qn: string }
  | { k: 'model'; provider: Provider; sdk: string; model: ModelRes; api?: ApiKind }
  | { k: 'factory'; provider: Provider; sdk: string; prefix: string }
  /** A local function or method: calling it yields what it returns. */
  | { k: 'fn'; node: TsNode };

const UNRESOLVED: ModelRes = { model: null, source: 'unresolved' };
const MAX_DEPTH = 12;

export interface ResolverOptions {
  file?: string;
  readFile?: (absolutePath: string) => string | undefined;
}

interface TableIndex {
  constructorsByName: Map<string, ConstructorRow>;
  methodsByKey: Map<string, MethodRow>;
  factories: Map<string, ModelFactoryRow>;
  looseReturns: Map<string, MethodRow[]>;
}

const tableIndexes = new WeakMap<SdkTable, TableIndex>();

/** Lookup maps over an SDK table, built once per table. */
function tableIndex(table: SdkTable): TableIndex {
  let t = tableIndexes.get(table);
  if (t) return t;
  t = { constructorsByName: new Map(), methodsByKey: new Map(), factories: new Map(), looseReturns: new Map() };
  for (const c of table.constructors) for (const n of c.names) t.constructorsByName.set(n, c);
  for (const f of table.factories) for (const n of f.names) t.factories.set(n, f);
  for (const m of table.methods) {
    t.methodsByKey.set(`${m.type}|${m.path}`, m);
    if (m.returns && m.loose && !m.path.includes('.')) {
      const list = t.looseReturns.get(m.path);
      if (list) list.push(m); else t.looseReturns.set(m.path, [m]);
    }
  }
  tableIndexes.set(table, t);
  return t;
}

export class Resolver {
  private readonly constructorsByName: Map<string, ConstructorRow>;
  private readonly methodsByKey: Map<string, MethodRow>;
  private readonly factories: Map<string, ModelFactoryRow>;
  private readonly looseReturns: Map<string, MethodRow[]>;
  private readonly memo = new Map<number, Sym | null>();
  private readonly fileCache = new Map<string, string | undefined>();
  private readonly foreign = new Map<string, SdkObject | undefined>();

  constructor(readonly index: FileIndex, readonly table: SdkTable, private readonly options: ResolverOptions) {
    const t = tableIndex(table);
    this.constructorsByName = t.constructorsByName;
    this.methodsByKey = t.methodsByKey;
    this.factories = t.factories;
    this.looseReturns = t.looseReturns;
  }

  method(type: string, p: string): MethodRow | undefined {
    return this.methodsByKey.get(`${type}|${p}`);
  }

  // ───────────────────────── receivers ─────────────────────────

  resolve(e: Expr, depth = 0): Sym | null {
    if (depth > MAX_DEPTH) return null;
    switch (e.k) {
      case 'name': return this.resolveName(e.name, e.node, depth);
      case 'attr': {
        if (e.object.k === 'name' && (e.object.name === 'self' || e.object.name === 'this' || e.object.name === 'cls')) {
          // self.client may be assigned several times (`None` first, the client later, in a branch): take the
          // first assignment that is an SDK object.
          const key = `${e.object.name === 'cls' ? 'self' : e.object.name}.${e.name}`;
          for (const b of this.index.bindings.get(key) ?? []) {
            let s = this.resolveBinding(b, depth);
            // @property / @cached_property: reading the attribute runs the getter.
            const owner = s?.k === 'fn' ? this.index.parentOf(s.node) : null;
            if (s?.k === 'fn' && /@(functools\.)?(cached_)?property\b/.test(owner?.text.slice(0, s.node.startIndex - (owner?.startIndex ?? 0)) ?? '')) {
              s = this.returnsOf(s.node, depth);
            }
            if (s) return s;
          }
          return null;
        }
        const dn = dottedName(e);
        if (dn && dn.includes('.')) {
          const b = this.index.bindings.get(dn);
          if (b && b.length) { const last = b[b.length - 1]; if (last) return this.resolveBinding(last, depth); }
        }
        const base = this.resolve(e.object, depth + 1);
        if (!base) return null;
        if (base.k === 'mod') return { k: 'mod', qn: `${base.qn}.${e.name}` };
        if (base.k === 'obj') return { ...base, path: [...base.path, e.name] };
        if (base.k === 'factory') return base;
        return null;
      }
      case 'call': return this.resolveCall(e, depth);
      case 'binop': {
        if (e.op !== '|') return null;
        return this.chainOf([e.left, e.right], depth);
      }
      case 'cond': return this.resolve(e.a, depth + 1) ?? this.resolve(e.b, depth + 1);
      case 'func': return { k: 'fn', node: e.node };
      default: return null;
    }
  }

  /** What a local function returns: the first `return` (or arrow body) that resolves to something known. */
  private returnsOf(fn: TsNode, depth: number): Sym | null {
    if (depth > MAX_DEPTH) return null;
    const body = fn.childForFieldName('body');
    if (!body) return null;
    if (body.type !== 'block' && body.type !== 'statement_block') return this.resolve(toExpr(body), depth + 1);
    const returns: TsNode[] = [];
    const visit = (n: TsNode, d: number): void => {
      if (d > 8 || returns.length > 8) return;
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === 'return_statement') { const v = c.firstNamedChild; if (v) returns.push(v); }
        else if (!isFunctionLike(c.type) && /statement|block|clause|if|try|with|else|except|finally/.test(c.type)) visit(c, d + 1);
      }
    };
    visit(body, 0);
    for (const r of returns) {
      const s = this.resolve(toExpr(r), depth + 1);
      if (s && s.k !== 'fn') return s;
    }
    return null;
  }

  private resolveName(name: string, at: TsNode, depth: number): Sym | null {
    const b = this.index.lookup(name, at);
    if (b) {
      if ('value' in b) return this.resolveBinding(b, depth);
      return this.resolveParam(b, depth);
    }
    const qn = this.index.imports.get(name);
    if (qn !== undefined) return this.foreignObject(qn) ?? { k: 'mod', qn };
    if (!this.index.python && name === 'fetch') return { k: 'mod', qn: 'fetch' };
    return null;
  }

  /**
   * An SDK object constructed at module level in another workspace file (`from app.llm import llm`). Remembered per
   * name for the file: every reference to an imported name asks again.
   */
  private foreignObject(qn: string): SdkObject | undefined {
    if (this.foreign.has(qn)) return this.foreign.get(qn);
    const o = this.findForeign(qn);
    this.foreign.set(qn, o);
    return o;
  }

  private findForeign(qn: string): SdkObject | undefined {
    if (!this.options.readFile || !this.options.file) return undefined;
    const dot = qn.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const mod = qn.slice(0, dot);
    // Only project modules: relative imports, or Python modules that exist as files in the workspace.
    if (!this.index.python && !/^(\.|@\/|~\/)/.test(mod)) return undefined;
    if (this.constructorsByName.has(qn) || this.factories.has(qn)) return undefined;
    for (const candidate of this.moduleFiles(mod)) {
      const text = this.readFileOnce(candidate);
      if (text === undefined) continue;
      const f = findForeignObject(text, qn.slice(dot + 1), this.index.python);
      if (!f) return undefined;
      const row = this.constructorsByName.get(f.qn);
      if (!row || row.whenArg0) return undefined;
      let model: ModelRes | undefined;
      for (const k of row.model ?? []) {
        const v = f.literals.get(k);
        if (v !== undefined) { model = { model: v, source: 'imported' }; break; }
      }
      if (!model && row.modelPos === 0 && f.firstLiteral !== undefined) model = { model: f.firstLiteral, source: 'imported' };
      let provider = row.provider;
      for (const k of row.baseUrlKeys ?? []) {
        const u = f.literals.get(k);
        const p = u ? providerFromBaseUrl(u) : undefined;
        if (p) { provider = p; break; }
      }
      if (row.providerFromModel && model?.model) provider = providerFromModel(model.model) ?? provider;
      return { k: 'obj', type: row.type, provider, sdk: row.sdk, bound: [], flags: row.textCompletion ? { textCompletion: true } : {}, path: [], ...(model ? { model } : {}) };
    }
    return undefined;
  }

  private resolveBinding(b: Binding, depth: number): Sym | null {
    const id = b.value.id;
    if (this.memo.has(id)) return this.memo.get(id) ?? null;
    this.memo.set(id, null); // cycle guard
    const s = this.resolve(toExpr(b.value), depth + 1);
    this.memo.set(id, s);
    return s;
  }

  private resolveParam(p: ParamBinding, depth: number): Sym | null {
    if (p.annotation) {
      // `client: OpenAI`, `llm: Optional[ChatOpenAI]`, `client: AsyncAnthropic | None`
      for (const m of p.annotation.text.matchAll(/[A-Za-z_$][\w$.]*/g)) {
        const name = m[0];
        const head = name.split('.')[0] ?? name;
        const qn = this.index.imports.get(head);
        if (qn === undefined) continue;
        const full = name === head ? qn : `${qn}${name.slice(head.length)}`;
        const row = this.constructorsByName.get(full);
        if (row && !row.whenArg0) return { k: 'obj', type: row.type, provider: row.provider, sdk: row.sdk, bound: [], flags: {}, path: [] };
      }
    }
    if (p.defaultValue) return this.resolve(toExpr(p.defaultValue), depth + 1);
    return null;
  }

  private resolveCall(e: Extract<Expr, { k: 'call' }>, depth: number): Sym | null {
    // JS `prompt.pipe(llm)`: a chain running the model.
    if (e.callee.k === 'attr' && e.callee.name === 'pipe' && e.args[0]) return this.chainOf([e.callee.object, e.args[0]], depth);
    const callee = this.resolve(e.callee, depth + 1);
    if (!callee) {
      // `load_index().as_query_engine(llm=llm)`: the builder method is the SDK's own even if the receiver is not known.
      const rows = e.callee.k === 'attr' ? this.looseReturns.get(e.callee.name) : undefined;
      const row = rows?.find((x) => (x.loose ?? []).some((m) => this.index.hasModule(m)));
      if (row?.returns) return this.returned(row, { k: 'obj', type: '', provider: 'unknown', sdk: row.type.split('.')[0] ?? '', bound: [], flags: {}, path: [] }, e, depth);
      return null;
    }
    if (callee.k === 'mod') {
      if (this.table.wrappers.includes(callee.qn)) {
        // instructor.from_openai(OpenAI()), wrapOpenAI(new OpenAI()), Instructor({ client: oai, mode })
        const inner = e.args[0] ?? findOption(this.options_(e, 0), ['client'])?.value;
        const wrapped = inner?.k === 'dict' ? findOption(inner.entries, ['client'])?.value : inner;
        return wrapped ? this.resolve(wrapped, depth + 1) : null;
      }
      const row = this.constructorsByName.get(callee.qn);
      if (row) return this.construct(row, e);
      const f = this.factories.get(callee.qn);
      if (f) {
        if (!f.makesFactory) return this.modelValue(f.provider, f.sdk, e, f.api);
        // createOpenAI({ baseURL: 'https://api.groq.com/openai/v1' }) serves another provider's models.
        const base = findOption(this.options_(e, 0), ['baseURL', 'baseUrl']);
        const url = base ? this.evalString(base.value) : null;
        return { k: 'factory', provider: (url && providerFromBaseUrl(url)) || f.provider, sdk: f.sdk, prefix: '' };
      }
      // Any other AI SDK provider package (`xai('grok-3')`, `createFireworks({...})('…')`): a model of an unknown vendor.
      if (callee.qn.startsWith('@ai-sdk/') || /^[\w@/-]*ai-provider[\w-]*\./.test(callee.qn)) {
        const last = callee.qn.slice(callee.qn.lastIndexOf('.') + 1);
        if (/^create[A-Z]/.test(last)) return { k: 'factory', provider: 'unknown', sdk: 'vercel-ai', prefix: '' };
        return this.modelValue('unknown', 'vercel-ai', e, undefined);
      }
      // LangChain/LangGraph constructors of chains and agents (`LLMChain(llm=…)`, `create_react_agent(llm, tools)`,
      // `RunnableSequence.from([prompt, llm])`) run whatever model they are given.
      if (/^(@?langchain|langgraph|@langchain)/.test(callee.qn)) return this.chainOf([...e.args, ...e.kwargs.map((k) => k.value)], depth);
      return null;
    }
    if (callee.k === 'fn') return this.returnsOf(callee.node, depth + 1);
    if (callee.k === 'factory') {
      const m = e.callee.k === 'attr' ? e.callee.name : '';
      const api: ApiKind | undefined = m === 'responses' ? 'responses' : /embedding/i.test(m) ? 'embeddings' : /^image/.test(m) ? 'image' : undefined;
      return this.modelValue(callee.provider, callee.sdk, e, api);
    }
    if (callee.k === 'obj') {
      const last = callee.path[callee.path.length - 1];
      if (last !== undefined) {
        const pass = this.table.passthrough[last];
        if (pass) return { ...callee, path: callee.path.slice(0, -1), flags: { ...callee.flags, ...pass } };
        const row = this.method(callee.type, callee.path.join('.'));
        if (row?.returns) return this.returned(row, callee, e, depth);
      }
    }
    return null;
  }

  private returned(row: MethodRow, callee: SdkObject, e: Extract<Expr, { k: 'call' }>, depth: number): SdkObject {
    const opts = this.options_(e, 0);
    const ret = row.returns ?? callee.type;
    // query engines / chat engines run the LLM they are given (or the global default).
    if (row.llmArg) {
      const kw = findOption(opts, row.llmArg);
      let llm = kw ? this.resolve(kw.value, depth + 1) : null;
      if (!llm && row.defaultLlm) {
        const b = this.index.bindings.get(row.defaultLlm);
        const last = b?.[b.length - 1];
        if (last) llm = this.resolveBinding(last, depth);
      }
      if (llm?.k === 'obj') return { ...llm, type: ret, path: [], sdk: callee.sdk || llm.sdk };
      return { k: 'obj', type: ret, provider: callee.provider, sdk: callee.sdk, bound: [], flags: {}, path: [] };
    }
    const model = row.model || row.modelPos !== undefined ? this.modelFromArgs(e, opts, row.model ?? [], row.modelPos) : undefined;
    const provider = model?.model ? (providerFromModel(model.model, true) ?? callee.provider) : callee.provider;
    return { k: 'obj', type: ret, provider, sdk: callee.sdk, bound: [...callee.bound, ...opts],
      flags: callee.flags, path: [], model: model && model.source !== 'unresolved' ? model : callee.model ?? model };
  }

  private chainOf(parts: Expr[], depth: number): Sym | null {
    let model: SdkObject | undefined;
    let template: Expr | undefined;
    const flat: Expr[] = [];
    for (const p of parts) {
      if (p.k === 'dict') for (const en of p.entries) flat.push(en.value); else if (p.k === 'list') flat.push(...p.items); else flat.push(p);
    }
    for (const p of flat) {
      const s = this.resolve(p, depth + 1);
      if (s?.k === 'obj' && (s.type === 'langchain.chat' || s.type === 'llamaindex.llm') && s.path.length === 0) model = s;
      else if (!template && !model) template = p;
    }
    if (!model) return null;
    return { ...model, type: 'langchain.chat', template: model.template ?? template };
  }

  private construct(row: ConstructorRow, e: Extract<Expr, { k: 'call' }>): Sym | null {
    const opts = this.options_(e, row.optionsArg ?? 0);
    if (row.whenArg0) {
      const a0 = staticString(e.args[0] ?? kwarg(e.kwargs, ['service_name'])?.value);
      if (a0 === null || !row.whenArg0.includes(a0)) return null;
    }
    let provider = row.provider;
    const model = row.model || row.modelPos !== undefined ? this.modelFromArgs(e, opts, row.model ?? [], row.modelPos) : undefined;
    let baseUrl: string | undefined;
    if (row.baseUrlKeys) {
      const b = findOption(opts, row.baseUrlKeys);
      baseUrl = b ? this.evalString(b.value) ?? undefined : undefined;
      const p = baseUrl ? providerFromBaseUrl(baseUrl) : undefined;
      if (p) provider = p;
    } else if (row.type === 'http') {
      const b = findOption(opts, ['base_url', 'baseURL']);
      baseUrl = b ? this.evalString(b.value) ?? undefined : undefined;
    }
    if (row.providerKeys) {
      const pk = findOption(opts, row.providerKeys);
      const name = pk ? staticString(pk.value) : null;
      const p = name ? providerFromName(name) : undefined;
      if (p) provider = p;
    }
    if (row.providerFromModel && model?.model) provider = providerFromModel(model.model) ?? provider;
    const flags = row.textCompletion ? { textCompletion: true } : {};
    return { k: 'obj', type: row.type, provider, sdk: row.sdk, model, bound: opts, flags, path: [], origin: e, ...(baseUrl ? { baseUrl } : {}) };
  }

  private modelValue(provider: Provider, sdk: string, e: Extract<Expr, { k: 'call' }>, api: ApiKind | undefined): Sym {
    const a0 = e.args[0];
    const model = a0 ? this.evalModel(a0) : UNRESOLVED;
    return { k: 'model', provider, sdk, model, ...(api ? { api } : {}) };
  }

  // ───────────────────────── options ─────────────────────────

  /** The request's named options: Python keyword args (with `**spread` followed), or the JS options object. */
  options_(e: Extract<Expr, { k: 'call' }>, optionsArg: number): Kwarg[] {
    if (this.index.python) return this.flatten(e.kwargs, 0);
    if (optionsArg < 0) return [];
    const a = e.args[optionsArg];
    return a ? this.dictEntries(a, 0) : [];
  }

  /** Entries of a dict/object expression, following a name to its literal and inlining spreads. */
  dictEntries(a: Expr, depth: number): Kwarg[] {
    if (depth > 4) return [];
    if (a.k === 'dict') return this.flatten(a.entries, depth);
    if (a.k === 'name') {
      const b = this.index.lookup(a.name, a.node);
      if (b && 'value' in b) return this.dictEntries(toExpr(b.value), depth + 1);
    }
    if (a.k === 'call' && this.index.python) {
      // dict(model=…, messages=…)
      const fn = dottedName(a.callee);
      if (fn === 'dict') return this.flatten(a.kwargs, depth);
    }
    return [];
  }

  private flatten(list: Kwarg[], depth: number): Kwarg[] {
    if (!list.some((k) => k.name === null)) return list;
    const out: Kwarg[] = [];
    for (const k of list) {
      if (k.name !== null) out.push(k);
      else {
        const inner = this.dictEntries(k.value, depth + 1);
        if (inner.length) out.push(...inner); else out.push(k);
      }
    }
    return out;
  }

  modelFromArgs(e: Extract<Expr, { k: 'call' }>, opts: Kwarg[], names: readonly string[], pos: number | undefined): ModelRes | undefined {
    const kw = findOption(opts, names);
    if (kw) {
      // A provider factory's model value (`model: googleAI.model('gemini-2.5-flash')`).
      if (kw.value.k === 'call') { const s = this.resolve(kw.value); if (s?.k === 'model') return s.model; }
      return this.evalModel(kw.value);
    }
    if (pos !== undefined) {
      const a = e.args[pos];
      if (a && a.k !== 'dict') return this.evalModel(a);
    }
    return undefined;
  }

  // ───────────────────────── values ─────────────────────────

  /** Resolves a model expression: literal, constant, default parameter, env fallback, import. */
  evalModel(e: Expr, depth = 0): ModelRes {
    if (depth > MAX_DEPTH) return UNRESOLVED;
    switch (e.k) {
      case 'str': {
        const s = staticString(e);
        return s === null ? UNRESOLVED : { model: s, source: 'literal', range: this.index.nodeRange(e.node) };
      }
      case 'name': {
        const b = this.index.lookup(e.name, e.node);
        if (b) {
          if ('value' in b) return relabel(this.evalModel(toExpr(b.value), depth + 1), 'constant');
          if (b.defaultValue) return relabel(this.evalModel(toExpr(b.defaultValue), depth + 1), 'default');
          return UNRESOLVED;
        }
        const qn = this.index.imports.get(e.name);
        if (qn !== undefined) return this.importedConstant(qn);
        for (const mod of this.index.starImports) {
          const v = this.importedConstant(`${mod}.${e.name}`);
          if (v.model !== null) return v;
        }
        return UNRESOLVED;
      }
      case 'attr': {
        if (e.object.k === 'name') {
          const o = e.object.name;
          const key = o === 'self' || o === 'cls' ? `self.${e.name}` : o === 'this' ? `this.${e.name}` : `${o}.${e.name}`;
          const b = this.index.lookup(key, e.node);
          if (b && 'value' in b) return relabel(this.evalModel(toExpr(b.value), depth + 1), 'constant');
          if (o !== 'self' && o !== 'this' && o !== 'cls') {
            const qn = this.index.imports.get(o);
            if (qn !== undefined) {
              const c = this.importedConstant(`${qn}.${e.name}`);
              return c.model !== null ? c : this.importedMember(e);
            }
            // A key of a same-file constant object (`const MODELS = { fast: '…' }` … `MODELS.fast`), checked before
            // the class-attribute guess below, which matches any class declaring a field of that name.
            const v = this.memberValue(e, depth + 1);
            if (v) return relabel(this.evalModel(v, depth + 1), 'constant');
            // A class attribute read through the class name (`Config.MODEL`).
            const cls = this.index.bindings.get(`class:${e.name}`)?.[0];
            if (cls) return relabel(this.evalModel(toExpr(cls.value), depth + 1), 'constant');
          } else if (o === 'this') {
            const f = this.index.bindings.get(`this.${e.name}`)?.[0];
            if (f) return relabel(this.evalModel(toExpr(f.value), depth + 1), 'constant');
          }
          return UNRESOLVED;
        }
        // Nested constant objects (`MODELS.chat.fast`, `CONFIG["models"].fast`), here or in an imported module.
        const v = this.memberValue(e, depth + 1);
        return v ? relabel(this.evalModel(v, depth + 1), 'constant') : this.importedMember(e);
      }
      case 'subscript': {
        // `MODELS["fast"]` / `MODELS['fast']`; a dynamic key (`MODELS[quality]`) picks one of several models at run
        // time, so it stays unresolved rather than guessing.
        const v = this.memberValue(e, depth + 1);
        return v ? relabel(this.evalModel(v, depth + 1), 'constant') : this.importedMember(e);
      }
      case 'call': {
        const fn = dottedName(e.callee);
        // os.getenv("X", "m"), os.environ.get("X", "m"), environ.get(...), config.get("model", "m")
        if (fn && /(^|\.)(getenv|environ\.get)$/.test(fn) && e.args.length >= 2 && e.args[1]) {
          const v = this.evalModel(e.args[1], depth + 1);
          return v.model !== null ? { ...v, source: 'env-default' } : UNRESOLVED;
        }
        if (fn && /(^|\.)getenv$|environ\.get$/.test(fn)) {
          const d = kwarg(e.kwargs, ['default']);
          if (d) { const v = this.evalModel(d.value, depth + 1); return v.model !== null ? { ...v, source: 'env-default' } : UNRESOLVED; }
        }
        return UNRESOLVED;
      }
      case 'binop': {
        if (e.op !== '??' && e.op !== '||' && e.op !== 'or') return UNRESOLVED;
        const left = this.evalModel(e.left, depth + 1);
        if (left.model !== null) return left;
        const right = this.evalModel(e.right, depth + 1);
        if (right.model === null) return UNRESOLVED;
        if (right.source === 'env-default' || /env|getenv|environ/i.test(e.left.node.text)) return { ...right, source: 'env-default' };
        return { ...right, source: 'default' };
      }
      default: return UNRESOLVED;
    }
  }

  /**
   * The value stored under a static key of a same-file constant object: `obj.key` or `obj["key"]`, where `obj` is a
   * name bound to an object/dict literal (or `dict(...)`), a `self.X` / `this.X` attribute holding one, or again such a
   * member (nested objects). Null for a dynamic key or anything not statically an object.
   */
  private memberValue(e: Extract<Expr, { k: 'attr' } | { k: 'subscript' }>, depth: number): Expr | null {
    if (depth > MAX_DEPTH) return null;
    const key = e.k === 'attr' ? e.name : staticString(e.index);
    if (key === null) return null;
    const entries = this.objectEntries(e.object, depth + 1);
    // The last entry wins, as it does at run time for a repeated key.
    for (let i = entries.length - 1; i >= 0; i--) {
      const en = entries[i];
      if (en?.name === key) return en.value;
    }
    return null;
  }

  /** Entries of the constant object an expression denotes (see memberValue); empty when it is not one. */
  private objectEntries(e: Expr, depth: number): Kwarg[] {
    if (depth > MAX_DEPTH) return [];
    if (e.k === 'attr' && e.object.k === 'name') {
      const o = e.object.name;
      if (o === 'self' || o === 'cls' || o === 'this') {
        const b = this.index.lookup(`${o === 'this' ? 'this' : 'self'}.${e.name}`, e.node);
        return b && 'value' in b ? this.dictEntries(toExpr(b.value), 0) : [];
      }
    }
    if (e.k === 'attr' || e.k === 'subscript') {
      const v = this.memberValue(e, depth + 1);
      return v ? this.dictEntries(v, 0) : [];
    }
    return this.dictEntries(e, 0);
  }

  /** Static text of a string expression, following names to same-file constants. */
  evalString(e: Expr, depth = 0): string | null {
    if (depth > 6) return null;
    const s = staticString(e);
    if (s !== null) return s;
    if (e.k === 'name' || e.k === 'attr' || e.k === 'subscript') {
      const m = this.evalModel(e, depth + 1);
      return m.model;
    }
    if (e.k === 'binop' && e.op === '+') {
      const l = this.evalString(e.left, depth + 1);
      const r = this.evalString(e.right, depth + 1);
      return l !== null && r !== null ? l + r : null;
    }
    return null;
  }

  /** Text of a string expression with holes for the dynamic parts (`{}`), for URL classification. */
  templateText(e: Expr, depth = 0): string | null {
    if (depth > 6) return null;
    if (e.k === 'str') {
      let out = '';
      for (const p of e.pieces) {
        if (!p.dynamic) { out += p.text; continue; }
        const inner = p.node ? this.templateText(toExpr(p.node), depth + 1) : null;
        out += inner ?? '{}';
      }
      return out;
    }
    if (e.k === 'name' || e.k === 'attr') {
      if (e.k === 'name') {
        const b = this.index.lookup(e.name, e.node);
        if (b && 'value' in b) return this.templateText(toExpr(b.value), depth + 1);
        if (b && !('value' in b) && b.defaultValue) return this.templateText(toExpr(b.defaultValue), depth + 1);
      }
      return this.evalModel(e, depth + 1).model;
    }
    if (e.k === 'binop' && (e.op === '??' || e.op === '||' || e.op === 'or')) {
      return this.templateText(e.left, depth + 1) ?? this.templateText(e.right, depth + 1);
    }
    if (e.k === 'call') {
      const fn = dottedName(e.callee) ?? '';
      if (/(^|\.)(getenv|environ\.get)$/.test(fn) && e.args[1]) return this.templateText(e.args[1], depth + 1);
    }
    if (e.k === 'binop' && (e.op === '+' || e.op === '/')) {
      const l = this.templateText(e.left, depth + 1) ?? '{}';
      const r = this.templateText(e.right, depth + 1) ?? '{}';
      return e.op === '/' ? `${l}/${r}` : l + r;
    }
    if (e.k === 'call') {
      // urljoin(BASE, "/chat/completions"), new URL("/v1/messages", BASE), path.join / `${…}`
      const fn = dottedName(e.callee) ?? '';
      if (/urljoin$|^URL$|\.join$/.test(fn) && e.args.length >= 2) {
        const parts = e.args.map((a) => this.templateText(a, depth + 1) ?? '{}');
        return fn === 'URL' ? `${parts[1] ?? ''}${parts[0] ?? ''}` : parts.join('/');
      }
    }
    return null;
  }

  private importedConstant(qn: string): ModelRes {
    const dot = qn.lastIndexOf('.');
    if (dot <= 0 || !this.options.readFile || !this.options.file) return UNRESOLVED;
    const mod = qn.slice(0, dot);
    const name = qn.slice(dot + 1);
    for (const candidate of this.moduleFiles(mod)) {
      const text = this.readFileOnce(candidate);
      if (text === undefined) continue;
      const v = findConstant(text, name, this.index.python);
      if (v !== null) return { model: v, source: 'imported' };
    }
    // `from app.config import settings` then `settings.MODEL`: a settings object whose class declares the field
    // (`MODEL: str = "gpt-4o"` in a pydantic BaseSettings / dataclass / class with static fields).
    const outer = mod.lastIndexOf('.');
    if (outer > 0) {
      for (const candidate of this.moduleFiles(mod.slice(0, outer))) {
        const text = this.readFileOnce(candidate);
        if (text === undefined) continue;
        const v = findConstant(text, name, this.index.python, true);
        if (v !== null) return { model: v, source: 'imported' };
      }
    }
    return UNRESOLVED;
  }

  /**
   * A member of a constant object declared in another workspace module: `LLM_CONFIG.summarizer.model` after
   * `import { LLM_CONFIG } from './config'`, `config.MODELS.chat` after `import * as config from './config'`,
   * `MODELS["chat"]` after `from .settings import MODELS`. Static keys only, as for same-file objects.
   */
  private importedMember(e: Expr): ModelRes {
    const keys: string[] = [];
    let root: Expr = e;
    while (root.k === 'attr' || root.k === 'subscript') {
      const key = root.k === 'attr' ? root.name : staticString(root.index);
      if (key === null) return UNRESOLVED;
      keys.unshift(key);
      root = root.object;
    }
    if (root.k !== 'name' || !keys.length || this.index.lookup(root.name, root.node)) return UNRESOLVED;
    const qn = this.index.imports.get(root.name);
    if (qn === undefined) return UNRESOLVED;
    // `qn` names the object itself (`./config.LLM_CONFIG`) or, for a namespace / module import, its module.
    const tries: [mod: string, name: string, keys: string[]][] = [];
    const dot = qn.lastIndexOf('.');
    if (dot > 0 && /^[A-Za-z_$][\w$]*$/.test(qn.slice(dot + 1))) tries.push([qn.slice(0, dot), qn.slice(dot + 1), keys]);
    if (keys.length > 1) tries.push([qn, keys[0]!, keys.slice(1)]);
    for (const [mod, name, path] of tries) {
      for (const candidate of this.moduleFiles(mod)) {
        const text = this.readFileOnce(candidate);
        if (text === undefined) continue;
        const v = findObjectMember(text, name, path, this.index.python);
        if (v !== null) return { model: v, source: 'imported' };
      }
    }
    return UNRESOLVED;
  }

  readFileOnce(file: string): string | undefined {
    if (this.fileCache.has(file)) return this.fileCache.get(file);
    let t: string | undefined;
    try { t = this.options.readFile?.(file); } catch { t = undefined; }
    this.fileCache.set(file, t);
    return t;
  }

  private moduleFiles(mod: string): readonly string[] {
    return this.options.file ? moduleFiles(this.options.file, mod, this.index.python) : [];
  }
}

function isFunctionLike(type: string): boolean {
  return /function|lambda|class|arrow|method/.test(type);
}

function relabel(m: ModelRes, source: ModelSource): ModelRes {
  if (m.model === null) return m;
  // A literal reached through a name is a constant (or default); a deeper env/default/import keeps its own label.
  return m.source === 'literal' ? { ...m, source } : m;
}

export function findOption(opts: readonly Kwarg[], names: readonly string[]): Kwarg | undefined {
  for (const n of names) {
    const dot = n.indexOf('.');
    if (dot > 0) {
      const outer = opts.find((o) => o.name === n.slice(0, dot));
      // config={...} or config=types.GenerateContentConfig(...) / new GenerationConfig({...})
      const v = outer?.value;
      const entries = v?.k === 'dict' ? v.entries : v?.k === 'call' ? (v.kwargs.length ? v.kwargs : v.args[0]?.k === 'dict' ? v.args[0].entries : []) : [];
      const inner = findOption(entries, [n.slice(dot + 1)]);
      if (inner) return inner;
      continue;
    }
    for (const o of opts) if (o.name === n) return o;
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A module-level string constant in another file (regex, not a parse: it runs for every imported model name). */
export function findConstant(text: string, name: string, python: boolean, classField = false): string | null {
  const n = escapeRe(name);
  const str = `(?:"([^"\\n]*)"|'([^'\\n]*)'${python ? '' : '|`([^`$\\n]*)`'})`;
  const env = python
    ? `(?:os\\.)?(?:getenv|environ\\.get)\\(\\s*["'][^"']*["']\\s*,\\s*${str}\\s*\\)`
    : `process\\.env(?:\\.\\w+|\\[["']\\w+["']\\])\\s*(?:\\?\\?|\\|\\|)\\s*${str}`;
  const head = classField
    ? (python ? `^[ \\t]+${n}\\s*(?::[^=\\n]+)?=\\s*(?:Field\\(\\s*(?:default\\s*=\\s*)?)?` : `^\\s*(?:(?:public|private|protected|readonly|static)\\s+)*${n}\\s*(?::[^=\\n]+)?=\\s*`)
    : python ? `^${n}\\s*(?::[^=\\n]+)?=\\s*` : `^\\s*(?:export\\s+)?(?:const|let|var)\\s+${n}\\s*(?::[^=\\n]+)?=\\s*`;
  for (const body of [str, env]) {
    const m = new RegExp(head + body, 'm').exec(text);
    if (m) return m[1] ?? m[2] ?? m[3] ?? null;
  }
  return null;
}
