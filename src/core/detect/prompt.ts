import * as path from 'node:path';
import type { MessageRole, Prompt, PromptMessage, PromptPart } from '../types';
import { type Expr, type Kwarg, dottedName, kwarg, staticString, toExpr } from './expr';
import { type Resolver, findOption } from './resolve';

// Turns the request's arguments into prompt messages: roles, static text (exact, with source ranges) and dynamic
// parts (marked), system prompts under every SDK's name, tool schemas as text, and image/audio inputs.

const SYSTEM_KEYS = ['system', 'instructions', 'system_instruction', 'systemInstruction', 'preamble', 'system_prompt', 'systemPrompt',
  'config.system_instruction', 'config.systemInstruction', 'config.system'];
const INPUT_KEYS = ['prompt', 'input', 'contents', 'message', 'query', 'text', 'texts', 'inputs', 'inputText', 'content', 'documents', 'value', 'values', 'question'];
const TOOL_KEYS = ['tools', 'functions', 'config.tools', 'toolConfig.tools'];

const ROLE_NAMES: Record<string, MessageRole> = {
  system: 'system', developer: 'developer', user: 'user', human: 'user', assistant: 'assistant', ai: 'assistant',
  model: 'assistant', bot: 'assistant', chatbot: 'assistant', tool: 'tool', function: 'tool', ipython: 'tool',
};
const MESSAGE_CLASSES: Record<string, MessageRole> = {
  SystemMessage: 'system', HumanMessage: 'user', AIMessage: 'assistant', ToolMessage: 'tool', FunctionMessage: 'tool',
  SystemMessagePromptTemplate: 'system', HumanMessagePromptTemplate: 'user', AIMessagePromptTemplate: 'assistant',
  ChatMessage: 'unknown', ChatMessagePromptTemplate: 'unknown', UserMessage: 'user', AssistantMessage: 'assistant',
};

export interface PromptResult {
  prompt: Prompt;
  caching: boolean;
}

export class PromptExtractor {
  private images = 0;
  private audio = false;
  private opaque = false;
  private caching = false;

  constructor(private readonly r: Resolver, private readonly file: string | undefined) {}

  extract(opts: Kwarg[], positional: Expr | undefined, bound: Kwarg[], template: Expr | undefined): PromptResult {
    const messages: PromptMessage[] = [];
    const system = findOption(opts, SYSTEM_KEYS) ?? findOption(bound, SYSTEM_KEYS);
    if (system) messages.push({ role: 'system', parts: this.contentParts(system.value, 0) });
    if (template) messages.push(...this.templateMessages(template));
    const msgs = findOption(opts, ['messages', 'chat_history', 'history']);
    if (msgs) messages.push(...this.messages(msgs.value, 0));
    const input = findOption(opts, INPUT_KEYS);
    for (const src of [input?.value, positional]) {
      if (!src) continue;
      if (template && src.k === 'dict') { messages.push({ role: 'user', parts: src.entries.map((e) => this.dyn(e.value)) }); continue; }
      if (this.looksLikeMessages(src)) messages.push(...this.messages(src, 0));
      else messages.push({ role: 'user', parts: this.contentParts(src, 0) });
    }
    const toolsOpt = findOption(opts, TOOL_KEYS) ?? findOption(bound, TOOL_KEYS);
    const tools = toolsOpt ? this.tools(toolsOpt.value, 0) : [];
    if (!messages.length && !tools.length) this.opaque = true;
    return { prompt: { messages, tools, images: this.images, audio: this.audio, opaque: this.opaque }, caching: this.caching };
  }

  markAudio(): void { this.audio = true; }

  private looksLikeMessages(e: Expr): boolean {
    const list = e.k === 'name' ? this.follow(e) : e;
    if (list?.k !== 'list') return false;
    const first = list.items[0];
    if (!first) return false;
    if (first.k === 'dict') return first.entries.some((x) => x.name === 'role' || x.name === 'author');
    if (first.k === 'call') return this.messageClass(first) !== undefined;
    if (first.k === 'list') return first.items.length === 2 && staticString(first.items[0]) !== null;
    return false;
  }

  private follow(e: Expr): Expr | undefined {
    if (e.k !== 'name') return e;
    const b = this.r.index.lookup(e.name, e.node);
    if (b && 'value' in b) return toExpr(b.value);
    return undefined;
  }

  messages(e: Expr, depth: number): PromptMessage[] {
    if (depth > 4) return [this.opaqueMessage(e)];
    if (e.k === 'name') {
      const v = this.follow(e);
      return v && (v.k === 'list' || v.k === 'call') ? this.messages(v, depth + 1) : [this.opaqueMessage(e)];
    }
    if (e.k === 'binop' && e.op === '+') return [...this.messages(e.left, depth + 1), ...this.messages(e.right, depth + 1)];
    if (e.k !== 'list') {
      if (e.k === 'call') { const m = this.message(e, depth); if (m) return [m]; }
      return [this.opaqueMessage(e)];
    }
    const out: PromptMessage[] = [];
    for (const item of e.items) {
      if (item.k === 'spread') { out.push(this.opaqueMessage(item)); continue; }
      const m = this.message(item, depth + 1);
      if (m) out.push(m);
    }
    return out;
  }

  private opaqueMessage(e: Expr): PromptMessage {
    this.opaque = true;
    return { role: 'unknown', parts: [this.dyn(e)] };
  }

  private message(item: Expr, depth: number): PromptMessage | undefined {
    switch (item.k) {
      case 'dict': {
        const roleE = kwarg(item.entries, ['role', 'author']);
        const role = roleE ? roleOf(staticString(roleE.value)) : 'unknown';
        if (item.entries.some((x) => x.name === 'cache_control' || x.name === 'cacheControl')) this.caching = true;
        const content = kwarg(item.entries, ['content', 'parts', 'text', 'message', 'contents']);
        return { role, parts: content ? this.contentParts(content.value, 0) : [] };
      }
      case 'list': {
        // LangChain tuples: ("system", "You are…")
        const role = roleOf(staticString(item.items[0]));
        const content = item.items[1];
        return { role, parts: content ? this.contentParts(content, 0) : [] };
      }
      case 'call': {
        const role = this.messageClass(item);
        if (role === undefined) return { role: 'unknown', parts: [this.dyn(item)] };
        const roleKw = kwarg(item.kwargs, ['role']);
        const content = kwarg(item.kwargs, ['content', 'template', 'text', 'parts'])?.value ?? item.args[0];
        let c = content;
        if (c?.k === 'dict') c = kwarg(c.entries, ['content', 'text'])?.value ?? c;
        return { role: roleKw ? roleOf(staticString(roleKw.value)) : role, parts: c ? this.contentParts(c, 0) : [] };
      }
      case 'name': {
        const v = this.follow(item);
        if (v && depth < 6 && v.k !== 'name') return this.message(v, depth + 1);
        return this.opaqueMessage(item);
      }
      case 'str': return { role: 'user', parts: this.contentParts(item, 0) };
      default: return this.opaqueMessage(item);
    }
  }

  private messageClass(call: Extract<Expr, { k: 'call' }>): MessageRole | undefined {
    const fn = dottedName(call.callee) ?? '';
    const segs = fn.split('.');
    for (const s of segs) { const r = MESSAGE_CLASSES[s]; if (r !== undefined) return r; }
    if (/(^|\.)Content$/.test(fn)) return roleOf(staticString(kwarg(call.kwargs, ['role'])?.value)) ;
    return undefined;
  }

  /** A message's content: a string, a list of content parts, or an expression known only at run time. */
  contentParts(e: Expr, depth: number): PromptPart[] {
    if (depth > 8) return [this.dyn(e)];
    switch (e.k) {
      case 'str': return this.strParts(e);
      case 'name': case 'attr': {
        const b = e.k === 'name' ? this.r.index.lookup(e.name, e.node) : undefined;
        if (b && 'value' in b) return this.contentParts(toExpr(b.value), depth + 1);
        const s = this.r.evalModel(e); // constants reached through self.X / imports
        if (s.model !== null) return [{ kind: 'static', text: s.model, ...(s.range ? { range: innerRange(s.range) } : {}) }];
        return [this.dyn(e)];
      }
      case 'binop':
        if (e.op === '+') return [...this.contentParts(e.left, depth + 1), ...this.contentParts(e.right, depth + 1)];
        if (e.op === '%') return [...this.contentParts(e.left, depth + 1), this.dyn(e.right)];
        return [this.dyn(e)];
      case 'list': {
        const out: PromptPart[] = [];
        for (const item of e.items) out.push(...this.contentItem(item, depth + 1));
        return out;
      }
      case 'dict': return this.contentItem(e, depth + 1);
      case 'call': return this.callParts(e, depth);
      default: return [this.dyn(e)];
    }
  }

  private contentItem(item: Expr, depth: number): PromptPart[] {
    if (item.k === 'dict') {
      const names = new Set(item.entries.map((x) => x.name));
      if (names.has('cache_control') || names.has('cacheControl')) this.caching = true;
      const type = staticString(kwarg(item.entries, ['type'])?.value);
      if (type && /image/.test(type) || names.has('image_url') || names.has('image') || names.has('inline_data') || names.has('inlineData')
        || names.has('file_data') || names.has('fileData')) {
        const mime = staticString(kwarg(item.entries, ['mime_type', 'mimeType'])?.value) ?? '';
        if (/audio/.test(type ?? '') || mime.startsWith('audio')) this.audio = true; else this.images++;
        return [];
      }
      if (type && /audio/.test(type) || names.has('input_audio') || names.has('audio')) { this.audio = true; return []; }
      const mime = staticString(kwarg(item.entries, ['mime_type', 'mimeType'])?.value);
      if (mime) { if (mime.startsWith('audio')) this.audio = true; else this.images++; return []; }
      const text = kwarg(item.entries, ['text', 'content']);
      if (text) return this.contentParts(text.value, depth);
      return [this.dyn(item)];
    }
    if (item.k === 'call') {
      const fn = dottedName(item.callee) ?? '';
      if (/Image\.open|from_bytes|from_uri|from_data|load_image|upload_file|fileToGenerativePart|Blob$/.test(fn)) { this.images++; return []; }
      if (/(^|\.)Part(\.from_text)?$/.test(fn)) {
        const t = kwarg(item.kwargs, ['text'])?.value ?? item.args[0];
        return t ? this.contentParts(t, depth) : [];
      }
    }
    if (item.k === 'name') {
      const v = this.follow(item);
      if (v && v.k !== 'name' && depth < 8) return this.contentItem(v, depth + 1);
    }
    return this.contentParts(item, depth);
  }

  private callParts(e: Extract<Expr, { k: 'call' }>, depth: number): PromptPart[] {
    const fn = dottedName(e.callee) ?? '';
    const callee = e.callee;
    if (callee.k === 'attr') {
      const m = callee.name;
      if (m === 'format' || m === 'format_map' || m === 'replace' || m === 'replaceAll' || m === 'substitute') {
        return [...this.contentParts(callee.object, depth + 1), ...[...e.args, ...e.kwargs.map((k) => k.value)].filter((a) => m !== 'replace' && m !== 'replaceAll' || a !== e.args[0]).map((a) => this.dyn(a))];
      }
      if (m === 'strip' || m === 'trim' || m === 'lstrip' || m === 'rstrip' || m === 'trimStart' || m === 'trimEnd') {
        return transform(this.contentParts(callee.object, depth + 1), (s) => m === 'lstrip' || m === 'trimStart' ? s.trimStart() : m === 'rstrip' || m === 'trimEnd' ? s.trimEnd() : s.trim());
      }
      if (m === 'read' || m === 'read_text' || m === 'readFileSync' || m === 'readFile') {
        const file = this.fileArg(m === 'read' || m === 'read_text' ? callee.object : e.args[0]);
        if (file !== undefined) return [{ kind: 'static', text: file }];
      }
    }
    if (/(^|\.)(dedent|cleandoc)$/.test(fn) && e.args[0]) return transform(this.contentParts(e.args[0], depth + 1), dedent);
    if (/(^|\.)(readFileSync|readFile)$/.test(fn)) {
      const file = this.fileArg(e.args[0]);
      if (file !== undefined) return [{ kind: 'static', text: file }];
    }
    if (/(^|\.)(str|String)$/.test(fn) && e.args[0]) return this.contentParts(e.args[0], depth + 1);
    return [this.dyn(e)];
  }

  /** Text of a prompt file read with a literal path (`open("prompts/x.txt").read()`, `fs.readFileSync('./p.md', 'utf8')`). */
  private fileArg(e: Expr | undefined): string | undefined {
    if (!e) return undefined;
    let p: string | null = null;
    if (e.k === 'call') {
      const fn = dottedName(e.callee) ?? '';
      if (/(^|\.)(open|Path|resolve|join)$/.test(fn)) {
        const lits = e.args.map((a) => staticString(a) ?? (a.k === 'name' && /^__dirname$/.test(a.name) ? '' : null));
        const last = lits.filter((x): x is string => x !== null).join('/');
        p = last || null;
      }
    } else p = this.r.evalString(e);
    if (!p || !this.file) return undefined;
    const dir = path.dirname(this.file);
    const candidates = path.isAbsolute(p) ? [p] : [path.resolve(dir, p)];
    if (!path.isAbsolute(p)) for (let d = path.dirname(dir), i = 0; i < 6; i++, d = path.dirname(d)) candidates.push(path.resolve(d, p));
    for (const c of candidates) {
      const t = this.r.readFileOnce(c);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  private strParts(e: Extract<Expr, { k: 'str' }>): PromptPart[] {
    const out: PromptPart[] = [];
    for (const p of e.pieces) {
      const range = this.r.index.range(p.start, p.end);
      if (!p.dynamic) {
        if (p.text) out.push({ kind: 'static', text: p.text, range });
        continue;
      }
      // `{SYSTEM_PROMPT}` inside an f-string: a constant is still static text.
      if (/^[A-Za-z_$][\w$]*$/.test(p.text)) {
        const b = this.r.index.lookup(p.text, e.node);
        if (b && 'value' in b) {
          const v = toExpr(b.value);
          const s = staticString(v);
          if (s !== null) { out.push({ kind: 'static', text: s, range: this.r.index.nodeRange(v.node) }); continue; }
        }
      }
      out.push({ kind: 'dynamic', expression: p.text, range });
    }
    return out;
  }

  private dyn(e: Expr): PromptPart {
    const text = e.node.text;
    return { kind: 'dynamic', expression: text.length > 200 ? `${text.slice(0, 197)}…` : text, range: this.r.index.nodeRange(e.node) };
  }

  private templateMessages(t: Expr): PromptMessage[] {
    const e = t.k === 'name' ? this.follow(t) ?? t : t;
    if (e.k === 'call') {
      const fn = dottedName(e.callee) ?? '';
      if (/from_messages|fromMessages|fromTemplate|from_template|PromptTemplate$/.test(fn)) {
        const arg = e.args[0] ?? kwarg(e.kwargs, ['template', 'messages'])?.value;
        if (!arg) return [];
        if (/messages/i.test(fn)) return this.messages(arg, 0);
        return [{ role: /Human|User/.test(fn) ? 'user' : /System/.test(fn) ? 'system' : 'user', parts: this.contentParts(arg, 0) }];
      }
    }
    if (e.k === 'str') return [{ role: 'user', parts: this.strParts(e) }];
    return [{ role: 'unknown', parts: [this.dyn(e)] }];
  }

  private tools(e: Expr, depth: number): PromptPart[] {
    if (depth > 4) return [this.dyn(e)];
    const v = e.k === 'name' ? this.follow(e) : e;
    if (!v) return [this.dyn(e)];
    if (v.k === 'list') {
      const out: PromptPart[] = [];
      for (const item of v.items) {
        const x = item.k === 'name' ? this.follow(item) : item;
        if (x && (x.k === 'dict' || x.k === 'call')) out.push(this.schema(x));
        else out.push(this.dyn(item));
      }
      return out;
    }
    if (v.k === 'dict') return v.entries.map((en) => (en.name === null ? this.dyn(en.value) : this.schema(en.value, en.node)));
    return [this.dyn(e)];
  }

  private schema(x: Expr, whole = x.node): PromptPart {
    return { kind: 'static', text: whole.text, range: this.r.index.nodeRange(whole) };
  }
}

function roleOf(s: string | null): MessageRole {
  if (s === null) return 'unknown';
  return ROLE_NAMES[s.toLowerCase()] ?? 'unknown';
}

function transform(parts: PromptPart[], f: (s: string) => string): PromptPart[] {
  if (parts.length === 1 && parts[0]?.kind === 'static') return [{ ...parts[0], text: f(parts[0].text) }];
  return parts;
}

function dedent(s: string): string {
  const lines = s.split('\n');
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, l.length - l.trimStart().length);
  return Number.isFinite(min) && min > 0 ? lines.map((l) => l.slice(min)).join('\n') : s;
}

function innerRange(r: import('../types').Range): import('../types').Range {
  // A model/constant range includes its quotes; prompt ranges cover the text only (single-line literals).
  if (r.start.line !== r.end.line) return r;
  return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: Math.max(r.start.character + 1, r.end.character - 1) } };
}
