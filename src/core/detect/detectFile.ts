import type {
  ApiKind, ArgumentList, ArgumentSlot, CallParams, CancellationLike, DetectedCall, LanguageId, Position, Provider, Range,
} from '../types';
import { loopContext, insideMock, scanAnnotations, volumeFor } from './context';
import { classifyUrl } from './endpoints';
import { type Expr, type Kwarg, dottedName, kwarg, toExpr } from './expr';
import { isCompletionOnlyModel, providerFromModel } from './endpoints';
import type { FileIndex } from './fileIndex';
import { extractParams } from './params';
import type { TsNode } from './parsers';
import { PromptExtractor } from './prompt';
import { type ModelRes, Resolver, type ResolverOptions, type SdkObject, findOption } from './resolve';
import type { FunctionRow, MethodRow, RequestShape, SdkTable } from './sdkTypes';

// One file's call sites: every candidate call is resolved to an SDK request shape (or dropped), then its model,
// prompt, parameters, argument slots, loop context and volume annotation are filled in.

type CallExpr = Extract<Expr, { k: 'call' }>;

interface Match {
  shape: RequestShape;
  provider: Provider;
  sdk: string;
  obj?: SdkObject;
  providerFromModel?: boolean;
}

const MOCKISH = /(^|[._])(mock|fake|stub|dummy)|Mock\b|jest\.fn|vi\.fn|sinon\./i;

/** Per-table lookups built once. */
export class CompiledTable {
  readonly functions = new Map<string, FunctionRow>();
  readonly loose: { row: MethodRow; segs: string[]; provider: Provider; sdk: string }[] = [];
  /** Last callee segments worth resolving: everything else is skipped without allocating. */
  readonly lastSegments = new Set<string>();

  constructor(readonly table: SdkTable) {
    for (const f of table.functions) for (const n of f.names) {
      this.functions.set(n, f);
      this.lastSegments.add(n.slice(n.lastIndexOf('.') + 1));
    }
    for (const m of table.methods) {
      this.lastSegments.add(m.path.slice(m.path.lastIndexOf('.') + 1));
      if (m.loose && m.shape) {
        const ctor = table.constructors.find((c) => c.type === m.type);
        this.loose.push({ row: m, segs: m.path.split('.'), provider: ctor?.provider ?? 'unknown', sdk: ctor?.sdk ?? m.type });
      }
    }
    this.loose.sort((a, b) => b.segs.length - a.segs.length);
    this.lastSegments.add('*');
  }
}

export function detectInFile(
  index: FileIndex, language: LanguageId, compiled: CompiledTable,
  options: ResolverOptions & { token?: CancellationLike; notes?: string[] },
): DetectedCall[] {
  const r = new Resolver(index, compiled.table, options);
  const annotations = scanAnnotations(index.text, index);
  const jsMocked = !index.python && /\b(jest|vi)\.(mock|doMock)\(\s*['"`]/.test(index.text);
  const out: DetectedCall[] = [];
  for (const node of index.calls) {
    if (options.token?.isCancellationRequested) break;
    // One odd call site must not cost the file its other calls.
    try {
      const e = toExpr(node);
      if (e.k !== 'call') continue;
      const match = matchCall(r, compiled, e);
      if (!match) continue;
      if (insideMock(index, node) || jsMocked && mockedModule(index)) continue;
      const call = buildCall(r, index, language, e, match, options.file);
      if (!call) continue;
      const loop = loopContext(index, node);
      if (loop) call.loop = loop;
      // The statement's line only matters next to an annotation (most files have none).
      const volume = annotations.byLine.size ? volumeFor(annotations, index, node, statementLine(index, node)) : undefined;
      if (volume) call.volume = volume;
      out.push(call);
    } catch (err) {
      options.notes?.push(`call at line ${node.startPosition.row + 1} skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

function mockedModule(index: FileIndex): boolean {
  for (const m of index.importedModules) {
    if (new RegExp(`\\b(jest|vi)\\.(mock|doMock)\\(\\s*['"\`]${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"\`]`).test(index.text)) return true;
  }
  return false;
}

function statementLine(index: FileIndex, node: TsNode): number {
  let n = node;
  for (let p = index.parentOf(n); p && !/statement|declaration|definition|^module$|^program$|^block$|statement_block/.test(index.typeOf(p)); p = index.parentOf(n)) n = p;
  return n.startPosition.row;
}

function matchCall(r: Resolver, compiled: CompiledTable, e: CallExpr): Match | null {
  const table = compiled.table;
  const callee = r.resolve(e.callee);
  if (callee?.k === 'mod') {
    const fn = compiled.functions.get(callee.qn);
    if (fn?.shape.agentArg) {
      // Runner.run(agent, input): the agent object carries the model, provider and instructions.
      const a = fn.shape.agentArg;
      const arg = e.args[a.pos] ?? kwarg(e.kwargs, a.names)?.value;
      const agent = arg ? r.resolve(arg) : null;
      const obj = agent?.k === 'obj' ? agent : undefined;
      return { shape: fn.shape, provider: obj?.provider ?? fn.provider, sdk: fn.sdk, ...(obj ? { obj } : {}) };
    }
    if (fn) return { shape: fn.shape, provider: fn.provider, sdk: fn.sdk, providerFromModel: fn.providerFromModel };
    for (const [mod, o] of Object.entries(table.moduleObjects)) {
      if (!callee.qn.startsWith(`${mod}.`)) continue;
      const row = r.method(o.type, stripPassthrough(table, callee.qn.slice(mod.length + 1).split('.')));
      if (row?.shape) return { shape: row.shape, provider: o.provider, sdk: o.sdk };
    }
    // A client imported from the project's own module (`import { openai } from '@/lib/openai'`).
    return looseMatch(r, compiled, e);
  }
  if (callee?.k === 'obj') {
    const last = callee.path[callee.path.length - 1];
    // Calling the object itself: LangChain's legacy `llm("prompt")`.
    if (last === undefined) {
      const row = r.method(callee.type, '__call__');
      return row?.shape ? { shape: row.shape, provider: callee.provider, sdk: callee.sdk, obj: callee } : null;
    }
    if (table.passthrough[last]) return null;
    const path = stripPassthrough(table, callee.path);
    const row = r.method(callee.type, path);
    if (row?.shape) return { shape: row.shape, provider: callee.provider, sdk: callee.sdk, obj: callee };
    // Versioned / beta namespaces in front of a known path (`beta.prompt_caching.messages.create`).
    for (const l of compiled.loose) {
      if (l.row.type === callee.type && l.row.shape && path.endsWith(`.${l.row.path}`)) {
        return { shape: l.row.shape, provider: callee.provider, sdk: callee.sdk, obj: callee };
      }
    }
    return null;
  }
  if (callee) return null;
  return looseMatch(r, compiled, e);
}

function stripPassthrough(table: SdkTable, path: string[]): string {
  return path.filter((s) => !table.passthrough[s]).join('.');
}

/**
 * A receiver we cannot follow (a parameter, an attribute set elsewhere, a factory in another module) still sends a
 * request when the method path is the SDK's own (`….chat.completions.create`) and the file imports that SDK or the
 * call names a model. Receivers that look like mocks never match.
 */
function looseMatch(r: Resolver, compiled: CompiledTable, e: CallExpr): Match | null {
  const segs: string[] = [];
  let base: Expr = e.callee;
  while (base.k === 'attr') { segs.unshift(base.name); base = base.object; }
  if (segs.length < 2) return null;
  const baseText = base.node.text;
  if (MOCKISH.test(baseText) || MOCKISH.test(segs[0] ?? '')) return null;
  if (base.k === 'name') {
    const b = r.index.lookup(base.name, base.node);
    if (b && 'value' in b && MOCKISH.test(b.value.text)) return null;
    if (b && 'value' in b && b.value.type !== 'call' && b.value.type !== 'call_expression' && b.value.type !== 'await_expression' && b.value.type !== 'await') return null;
  }
  const filtered = segs.filter((s) => !compiled.table.passthrough[s]);
  for (const l of compiled.loose) {
    const n = l.segs.length;
    if (filtered.length < n) continue;
    let ok = true;
    for (let i = 0; i < n; i++) if (filtered[filtered.length - n + i] !== l.segs[i]) { ok = false; break; }
    if (!ok) continue;
    const imported = (l.row.loose ?? []).find((m) => r.index.hasModule(m));
    const opts = r.options_(e, l.row.shape?.optionsArg ?? 0);
    const hasModel = !!findOption(opts, l.row.shape?.model ?? ['model']);
    if (!imported && !hasModel) continue;
    if (!l.row.shape) continue;
    // The SDK the file imports decides the vendor (`from groq import Groq` + a client passed in → groq).
    const ctor = imported
      ? compiled.table.constructors.find((c) => c.type === l.row.type && c.names.some((n) => n === imported || n.startsWith(`${imported}.`)))
      : undefined;
    return { shape: l.row.shape, provider: ctor?.provider ?? l.provider, sdk: ctor?.sdk ?? l.sdk };
  }
  return null;
}

function buildCall(r: Resolver, index: FileIndex, language: LanguageId, e: CallExpr, match: Match, file: string | undefined): DetectedCall | null {
  let shape = match.shape;
  let obj = match.obj;
  let optsSource: Expr | undefined;
  let opts: Kwarg[];
  let provider = match.provider;
  let providerFixed = false;
  let api: ApiKind = shape.api;
  let model: ModelRes = { model: null, source: 'unresolved' };
  let positional: Expr | undefined;
  const params: CallParams = {};

  if (shape.http) {
    const http = httpRequest(r, e, shape, obj);
    if (!http) return null;
    provider = http.endpoint.provider;
    api = http.endpoint.api;
    opts = http.body;
    optsSource = http.bodyExpr;
    const m = findOption(opts, ['model']);
    if (m) model = r.evalModel(m.value);
    if (model.model === null && http.endpoint.model) model = { model: http.endpoint.model, source: 'literal' };
    if (http.endpoint.batch) params.batch = true;
    if (http.endpoint.stream) params.stream = true;
    if (provider === 'unknown' && model.model) provider = providerFromModel(model.model) ?? provider;
  } else {
    if (shape.command) {
      // client.send(new ConverseCommand({...})): the command object decides the request shape.
      const cmd = e.args[0] ? r.resolve(e.args[0]) : null;
      if (cmd?.k !== 'obj') return null;
      const row = r.method(cmd.type, '');
      if (!row?.shape) return null;
      shape = row.shape;
      api = shape.api;
      opts = cmd.bound;
      optsSource = cmd.origin?.args[0];
      obj = { ...cmd, bound: [], origin: undefined };
    } else {
      const optionsArg = shape.optionsArg ?? 0;
      if (index.python) {
        opts = r.options_(e, 0);
        positional = shape.promptPos !== undefined ? e.args[shape.promptPos] : undefined;
      } else if (shape.promptPos !== undefined) {
        // `model.generateContent("…")` vs `model.generateContent({ contents })`; `chat.sendMessage({ message })`.
        const a = e.args[shape.promptPos];
        const entries = a && optionsArg >= 0 && a.k !== 'list' && a.k !== 'str' ? r.dictEntries(a, 0) : [];
        if (a && entries.length && !kwarg(entries, ['role'])) { opts = entries; optsSource = a; }
        else { opts = optionsArg >= 0 && optionsArg !== shape.promptPos ? r.options_(e, optionsArg) : []; positional = a; }
      } else {
        opts = r.options_(e, optionsArg);
        optsSource = e.args[optionsArg];
      }
    }
    if (shape.batchRequests) {
      const reqs = findOption(opts, [shape.batchRequests]);
      const first = reqs ? firstElement(r, reqs.value) : undefined;
      const inner = first ? r.dictEntries(first, 0) : [];
      const p = findOption(inner, ['params']);
      if (p) { opts = r.dictEntries(p.value, 0); optsSource = p.value; }
    }
    const body = bodyEntries(r, opts);
    if (body.length) opts = [...opts, ...body];
    // Bedrock invoke_model: the body's format says which API the model is asked through.
    for (const [key, kind] of shape.apiFromBody ?? []) if (findOption(body, [key])) { api = kind; break; }
    const modelRes = shape.model || shape.modelPos !== undefined ? r.modelFromArgs(e, opts, shape.model ?? [], shape.modelPos) : undefined;
    if (modelRes) {
      model = modelRes;
      // Vercel AI: model: openai('gpt-4o')
      const mOpt = findOption(opts, shape.model ?? []);
      const sym = mOpt ? r.resolve(mOpt.value) : null;
      if (sym?.k === 'model') {
        model = sym.model;
        provider = sym.provider;
        if (sym.api) api = sym.api;
        // The provider factory names who serves the model: `azure('gpt-4o-mini')` runs on Azure and
        // `google.textEmbeddingModel('text-embedding-004')` on Google, whatever vendor the model's name suggests.
        providerFixed = provider !== 'unknown';
      } else if (sym?.k === 'obj' && sym.model) {
        model = sym.model.model ? { ...sym.model, source: 'bound' } : sym.model;
        provider = sym.provider;
      }
    } else if (obj?.model) {
      model = obj.model.model !== null ? { ...obj.model, source: 'bound' } : obj.model;
    }
    if (shape.modelGroups && obj && model.model !== null) model = groupModel(r, obj, shape.modelGroups, model);
    if (model.model !== null && !providerFixed && (match.providerFromModel || provider === 'unknown')) provider = providerFromModel(model.model) ?? provider;
    // An OpenAI client asked for another vendor's model is pointed at that vendor's OpenAI-compatible endpoint
    // (base URL from the environment): api.openai.com would reject `claude-…` or `gemini-…`.
    if (model.model !== null && provider === 'openai' && (obj?.type === 'openai' || match.sdk === 'openai' || obj?.type === 'langchain.chat')) {
      const family = providerFromModel(model.model);
      if (family && family !== 'openai' && family !== 'azure-openai' && family !== 'bedrock') provider = family;
    }
    if (model.model !== null && provider !== 'azure-openai' && (obj?.type === 'langchain.chat' || match.sdk === 'litellm')) {
      provider = providerFromModel(model.model, true) ?? provider;
    }
  }

  if (shape.completionViaChat && api === 'completion' && !obj?.flags.textCompletion && !(model.model && isCompletionOnlyModel(model.model))) api = 'chat';

  // A literal written outside the call (in a same-file options object or body) is a constant of the file.
  if (model.source === 'literal' && model.range && !within(model.range, index.nodeRange(e.node))) model = { ...model, source: 'constant' };

  // A generic invoke endpoint running an embedding model (Bedrock Titan/Cohere embed via invoke_model, raw HTTP).
  if ((api === 'chat' || api === 'completion') && model.model && /embed/i.test(model.model)) api = 'embeddings';

  // Prompt.
  const extractor = new PromptExtractor(r, file);
  const { prompt, caching } = extractor.extract(opts, positional, obj?.bound ?? [], obj?.template);
  if (api === 'audio') prompt.audio = true;

  // Parameters: the call's own options win over options bound at construction.
  extractParams(index, [opts, obj?.bound ?? []], params);
  if (shape.stream) params.stream = true;
  if (shape.batch) params.batch = true;
  if (shape.jsonMode || obj?.flags.jsonMode) params.jsonMode = true;
  if (obj?.flags.tools || prompt.tools.length) params.tools = true;
  if (caching) params.promptCaching = true;

  const call: DetectedCall = {
    language,
    range: index.nodeRange(e.node),
    provider,
    sdk: match.sdk,
    api,
    callee: e.callee.node.text.replace(/\s+/g, ''),
    model: model.model,
    modelSource: model.model === null ? 'unresolved' : model.source,
    ...(model.range ? { modelRange: model.range } : {}),
    prompt,
    params,
  };
  const args = argumentList(index, e, optsSource, obj);
  if (args) call.args = args;
  return call;
}

/**
 * The model a group name stands for in the receiver's deployment list (LiteLLM Router `model_list`): the first entry
 * whose name matches. Not tied to a literal range: rewriting a shared deployment would change every caller of it.
 */
function groupModel(r: Resolver, obj: SdkObject, groups: NonNullable<RequestShape['modelGroups']>, asked: ModelRes): ModelRes {
  const list = findOption(obj.bound, [groups.list]);
  for (const item of list ? listItems(r, list.value) : []) {
    const entries = r.dictEntries(item, 0);
    const name = findOption(entries, [groups.name]);
    if (!name || r.evalString(name.value) !== asked.model) continue;
    const dep = findOption(entries, [groups.model]);
    const m = dep ? r.evalModel(dep.value) : null;
    if (m?.model == null) return asked;
    return { model: m.model, source: m.source === 'literal' ? 'constant' : m.source };
  }
  return asked;
}

/** Items of a list literal, following a name to a same-file list. */
function listItems(r: Resolver, e: Expr, depth = 0): Expr[] {
  if (e.k === 'list') return e.items;
  if (e.k === 'name' && depth < 4) {
    const b = r.index.lookup(e.name, e.node);
    if (b && 'value' in b) return listItems(r, toExpr(b.value), depth + 1);
  }
  return [];
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** The element a list expression builds: a literal's first item, a comprehension's body, a `.map` callback's result. */
function firstElement(r: Resolver, e: Expr, depth = 0): Expr | undefined {
  if (depth > 4) return undefined;
  if (e.k === 'list') return e.items[0];
  if (e.k === 'name') {
    const b = r.index.lookup(e.name, e.node);
    return b && 'value' in b ? firstElement(r, toExpr(b.value), depth + 1) : undefined;
  }
  if (e.k === 'other' && e.node.type === 'list_comprehension') {
    const body = e.node.childForFieldName('body');
    return body ? toExpr(body) : undefined;
  }
  if (e.k === 'call' && e.callee.k === 'attr' && (e.callee.name === 'map' || e.callee.name === 'flatMap') && e.args[0]?.k === 'func') {
    let body = e.args[0].node.childForFieldName('body');
    if (body?.type === 'statement_block') {
      const ret = body.namedChildren.find((c) => c?.type === 'return_statement');
      body = ret?.firstNamedChild ?? null;
    }
    return body ? toExpr(body) : undefined;
  }
  return undefined;
}

/** Entries of the JSON body of Bedrock `invoke_model(body=json.dumps({...}))` / `InvokeModelCommand({ body: JSON.stringify({...}) })`. */
function bodyEntries(r: Resolver, opts: Kwarg[]): Kwarg[] {
  const body = findOption(opts, ['body']);
  return body ? jsonPayload(r, body.value) : [];
}

function jsonPayload(r: Resolver, v: Expr): Kwarg[] {
  if (v.k === 'call') {
    const fn = dottedName(v.callee) ?? '';
    if (/(^|\.)(dumps|stringify)$/.test(fn) && v.args[0]) return r.dictEntries(v.args[0], 0);
    if (/(^|\.)encode$/.test(fn) && v.callee.k === 'attr') return jsonPayload(r, v.callee.object);
  }
  if (v.k === 'name') {
    const b = r.index.lookup(v.name, v.node);
    if (b && 'value' in b) return jsonPayload(r, toExpr(b.value));
  }
  return r.dictEntries(v, 0);
}

interface HttpRequest {
  endpoint: NonNullable<ReturnType<typeof classifyUrl>>;
  body: Kwarg[];
  bodyExpr?: Expr;
}

function httpRequest(r: Resolver, e: CallExpr, shape: RequestShape, obj: SdkObject | undefined): HttpRequest | null {
  const h = shape.http;
  if (!h) return null;
  const urlExpr = (r.index.python ? kwarg(e.kwargs, ['url'])?.value : undefined) ?? e.args[h.urlPos];
  if (!urlExpr) return null;
  let url = r.templateText(urlExpr);
  if (url === null) return null;
  if (obj?.baseUrl && !/^\w+:\/\//.test(url)) url = obj.baseUrl.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
  const endpoint = classifyUrl(url);
  if (!endpoint) return null;
  let body: Kwarg[] = [];
  let bodyExpr: Expr | undefined;
  if (r.index.python) {
    const b = kwarg(e.kwargs, h.bodyKeywords);
    if (b) { body = jsonPayload(r, b.value); bodyExpr = b.value; }
  } else if (h.bodyPos !== undefined) {
    const b = e.args[h.bodyPos];
    if (b) { body = jsonPayload(r, b); bodyExpr = b; }
  } else if (h.optionsPos !== undefined) {
    const o = e.args[h.optionsPos];
    const entries = o ? r.dictEntries(o, 0) : [];
    const method = findOption(entries, ['method']);
    if (method && method.value.k === 'str' && !/post/i.test(method.value.node.text)) return null;
    const b = findOption(entries, h.bodyKeywords);
    if (b) { body = jsonPayload(r, b.value); bodyExpr = b.value; }
  }
  if (bodyExpr?.k === 'call') {
    const inner = (bodyExpr.args[0]);
    if (inner) bodyExpr = inner;
  }
  return { endpoint, body, ...(bodyExpr ? { bodyExpr } : {}) };
}

function argumentList(index: FileIndex, e: CallExpr, optsSource: Expr | undefined, obj: SdkObject | undefined): ArgumentList | undefined {
  if (index.python && !optsSource) {
    if (e.argsNode && (e.kwargs.length || !obj?.origin)) return pySlots(index, e.argsNode, e.kwargs);
    // LangChain-style: options live where the model object was built.
    if (obj?.origin?.argsNode) return pySlots(index, obj.origin.argsNode, obj.origin.kwargs);
    return e.argsNode ? pySlots(index, e.argsNode, e.kwargs) : undefined;
  }
  let src = optsSource;
  if (src?.k === 'name') {
    const b = index.lookup(src.name, src.node);
    if (b && 'value' in b) src = toExpr(b.value);
  }
  if (src?.k === 'dict') {
    if (index.python) return { style: 'python-call', range: index.nodeRange(src.node), slots: slots(index, src.entries) };
    return { style: 'js-object', range: index.nodeRange(src.node), slots: slots(index, src.entries) };
  }
  if (!src && obj?.origin) {
    const o = obj.origin;
    if (index.python && o.argsNode) return pySlots(index, o.argsNode, o.kwargs);
    const a = o.args[0];
    if (a?.k === 'dict') return { style: 'js-object', range: index.nodeRange(a.node), slots: slots(index, a.entries) };
  }
  return undefined;
}

function pySlots(index: FileIndex, argsNode: TsNode, kwargs: Kwarg[]): ArgumentList {
  return { style: 'python-call', range: index.nodeRange(argsNode), slots: slots(index, kwargs) };
}

function slots(index: FileIndex, list: Kwarg[]): ArgumentSlot[] {
  const out: ArgumentSlot[] = [];
  for (const k of list) {
    if (k.name === null || !k.keyNode) continue;
    out.push({
      name: k.name,
      keyRange: index.nodeRange(k.keyNode),
      valueRange: index.nodeRange(k.value.node),
      valueText: k.value.node.text,
      range: index.nodeRange(k.node),
    });
  }
  return out;
}
