import type { CallParams } from '../types';
import { type Expr, type Kwarg, staticString, toExpr } from './expr';
import type { FileIndex } from './fileIndex';

// Request parameters under every SDK's spelling. Names are normalised (lower case, no `_`), so `max_tokens`,
// `maxTokens` and `MaxTokens` are one row; nested option objects (`config`, `generation_config`, `options`,
// `inferenceConfig`, `reasoning`, `thinking` …) are searched too.

type ParamKind = 'max' | 'n' | 'stream' | 'temperature' | 'effort' | 'budget' | 'tools' | 'json' | 'cache';

const NAMES: Record<string, ParamKind> = {
  maxtokens: 'max', maxcompletiontokens: 'max', maxoutputtokens: 'max', numpredict: 'max', maxnewtokens: 'max',
  maxtokenstosample: 'max', maxgenlen: 'max', maxtokencount: 'max', maxlength: 'max', maxoutputtoken: 'max',
  n: 'n', candidatecount: 'n', numgenerations: 'n', numberofimages: 'n',
  stream: 'stream', streaming: 'stream',
  temperature: 'temperature',
  reasoningeffort: 'effort', thinkinglevel: 'effort',
  budgettokens: 'budget', thinkingbudget: 'budget',
  tools: 'tools', functions: 'tools', toolchoice: 'tools', functiondeclarations: 'tools',
  responseformat: 'json', responsemodel: 'json', responsemimetype: 'json', responseschema: 'json', responsejsonschema: 'json', textformat: 'json',
  cachecontrol: 'cache', cachedcontent: 'cache', promptcachekey: 'cache',
};

/** Keys whose values are prompt content, not options: never searched for parameters. */
const CONTENT_KEYS = new Set(['messages', 'contents', 'input', 'prompt', 'system', 'instructions', 'metadata', 'headers', 'history', 'documents']);

export function extractParams(index: FileIndex, lists: Kwarg[][], into: CallParams = {}): CallParams {
  for (const list of lists) scan(index, list, into, 0, '');
  return into;
}

function norm(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

function scan(index: FileIndex, list: Kwarg[], p: CallParams, depth: number, parent: string): void {
  for (const kw of list) {
    if (kw.name === null) continue;
    const key = norm(kw.name);
    const v = kw.value;
    const kind = key === 'effort' && (parent === 'reasoning' || parent === 'outputconfig') ? 'effort'
      : key === 'format' && (parent === 'text' || depth === 0) ? 'json'
      : key === 'type' && parent === 'thinking' ? undefined
      : NAMES[key];
    if (kind) apply(index, kind, kw, p);
    if (key === 'thinking' && v.k === 'dict') {
      const t = staticString(v.entries.find((e) => e.name === 'type')?.value);
      if (t === 'disabled') continue;
    }
    if (depth < 3 && !CONTENT_KEYS.has(kw.name) && kind !== 'tools') {
      const inner = entriesOf(follow(index, v));
      if (inner) scan(index, inner, p, depth + 1, key);
    }
  }
}

/** `generation_config=generation_config`: a name bound to an options literal in this file. */
function follow(index: FileIndex, v: Expr): Expr {
  if (v.k !== 'name') return v;
  const b = index.lookup(v.name, v.node);
  return b && 'value' in b ? toExpr(b.value) : v;
}

function entriesOf(v: Expr): Kwarg[] | undefined {
  if (v.k === 'dict') return v.entries;
  // types.GenerateContentConfig(max_output_tokens=…), GenerationConfig(…), ThinkingConfig(…)
  if (v.k === 'call' && v.kwargs.length) return v.kwargs;
  if (v.k === 'call' && v.args[0]?.k === 'dict') return v.args[0].entries;
  return undefined;
}

function num(v: Expr): number | null {
  if (v.k === 'num') return v.value;
  // `opts.maxTokens ?? 350`, `max_tokens or 512`: the fallback is what runs unless the caller overrides it.
  if (v.k === 'binop' && (v.op === '??' || v.op === '||' || v.op === 'or')) return num(v.right);
  if (v.k === 'other' && /^-\s*\d/.test(v.node.text)) return Number(v.node.text.replace(/\s/g, ''));
  return null;
}

function apply(index: FileIndex, kind: ParamKind, kw: Kwarg, p: CallParams): void {
  const v = kw.value;
  switch (kind) {
    case 'max':
      if (!p.maxOutputTokens && kw.name) p.maxOutputTokens = { name: kw.name, value: num(v), range: index.nodeRange(v.node) };
      break;
    case 'n': { const n = num(v); if (n !== null && p.n === undefined) p.n = n; break; }
    case 'stream': if (v.k === 'bool') p.stream = v.value; else if (v.k !== 'none') p.stream ??= true; break;
    case 'temperature': if (p.temperature === undefined) p.temperature = num(v); break;
    case 'effort': { const s = staticString(v); if (s !== null) p.reasoningEffort = s.toLowerCase(); break; }
    case 'budget': { const n = num(v); if (n !== null) p.thinkingBudget = n; break; }
    case 'tools': if (v.k !== 'none' && !(v.k === 'list' && v.items.length === 0)) p.tools = true; break;
    case 'json': {
      const s = staticString(v);
      if (v.k === 'none' || s === 'text' || s === 'text/plain') break;
      if (v.k === 'dict') {
        const type = staticString(v.entries.find((e) => e.name === 'type')?.value);
        if (type === 'text') break;
      }
      p.jsonMode = true;
      break;
    }
    case 'cache': if (v.k !== 'none') p.promptCaching = true; break;
  }
}
