import { findItem } from '../argumentList';
import type { CallSite } from '../callSite';
import { enclosingBracket, firstOpaqueFrom, opaqueAt } from '../structure';
import { callRange, finding, fmtInt, type RuleInput } from './ruleInput';
import type { Fix, Finding, Severity, TextEdit } from '../../types';

// One request per item. Remedies, safest first: embeddings take a list (one request for many items); a call that does
// not depend on the item can run once before the loop; and latency-tolerant work can go through a Batch API at half
// price (OpenAI Batch, Anthropic Message Batches, Gemini batch mode, Bedrock batch inference, Mistral batch: −50 %).

const BATCH_API = new Set(['openai', 'azure-openai', 'anthropic', 'google', 'bedrock', 'mistral']);

export function callInLoop(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, site } = input;
  const { call } = analysis;
  const loop = call.loop;
  // A request handler runs once per incoming request: that is volume (shown in the lens), not a batchable loop.
  if (!loop || loop.kind === 'handler' || call.params.batch) return null;
  // The call that produces the iterable (`for x in client.create(…)`) runs once, not per item.
  if (site && loop.iterable && loop.iterable.includes(site.source.text.slice(site.start, site.end))) return null;

  const over = loop.iterable ? `item of ${loop.iterable}` : 'loop iteration';
  const parts = [`${call.callee} sends one request per ${over}`];
  if (analysis.callsPerDay) parts[0] += ` (${fmtInt(analysis.callsPerDay)} calls/day assumed)`;
  const fixes: Fix[] = [];
  const loopVars = site ? loopVariables(site) : [];
  const invariant = site ? isInvariant(site, loopVars) : false;

  if (call.api === 'embeddings') {
    parts.push('embeddings accept a list input: embed all items in one request (OpenAI: up to 2,048 inputs per request)');
    const batch = site ? batchEmbeddingComprehension(site, loopVars) ?? batchEmbeddingAppendLoop(site, loopVars) : null;
    if (batch) fixes.push(batch);
  }
  if (invariant) {
    parts.push(`the request does not use ${loopVars.length ? `the loop variable${loopVars.length > 1 ? 's' : ''} ${loopVars.map((v) => `\`${v}\``).join(', ')}` : 'the loop item'}: send it once before the loop`);
    const hoist = site ? hoistOutOfLoop(site) : null;
    if (hoist) fixes.push(hoist);
  }
  if (BATCH_API.has(call.provider) && call.api !== 'embeddings') {
    parts.push('if results can wait (up to 24 h), the provider\'s Batch API costs 50 % less');
  }
  return finding('call-in-loop', severity, `${parts.join('; ')}.`, callRange(input), fixes);
}

/** Names the loop binds: `for a, b in …`, `for (const [a, b] of …)`, `.map((x, i) => …)`, `[… for x in xs]`. */
function loopVariables(site: CallSite): string[] {
  const loop = site.call.loop;
  if (!loop) return [];
  const head = site.source.slice(loop.range) ?? '';
  const names = new Set<string>();
  const add = (list: string): void => {
    for (const m of list.matchAll(/[A-Za-z_$][\w$]*/g)) if (!['const', 'let', 'var', 'async', 'await', 'in', 'of'].includes(m[0])) names.add(m[0]);
  };
  if (site.dialect === 'python') {
    for (const m of head.matchAll(/\bfor\s+([\w\s,()]+?)\s+in\b/g)) add(m[1]!);
  } else {
    const forOf = /^\s*for\s*(await\s*)?\(\s*(?:const|let|var)?\s*([^;]*?)\s+(?:of|in)\b/.exec(head);
    const forC = /^\s*for\s*\(\s*(?:let|var)?\s*([A-Za-z_$][\w$]*)\s*=/.exec(head);
    const cb = /(?:\(\s*(?:async\s*)?(?:function\s*\w*\s*)?\(([^()]*)\)\s*(?:=>|\{)|\(\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>)/.exec(head)
      ?? /^\s*(?:async\s*)?\(([^()]*)\)\s*=>|^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>|^\s*(?:async\s+)?function\s*\w*\s*\(([^()]*)\)/.exec(head);
    if (forOf) add(forOf[2]!.replace(/[{}[\]]/g, ' ').replace(/:\s*[A-Za-z_$][\w$]*/g, ' '));
    else if (forC) add(forC[1]!);
    else if (cb) add((cb[1] ?? cb[2] ?? cb[3] ?? '').replace(/:\s*[^,]+/g, ''));
  }
  return [...names];
}

/** The call mentions neither a loop variable nor a name assigned inside the loop (words anywhere, strings included). */
function isInvariant(site: CallSite, loopVars: string[]): boolean {
  const loop = site.call.loop!;
  const range = site.source.offsets(loop.range);
  if (!range || !loopVars.length) return false;
  const callText = codeOf(site, site.start, site.end);
  const assigned = new Set(loopVars);
  // Statement starts only: a Python keyword argument `model="x"` inside a call is not an assignment.
  const first = site.source.positionAt(range[0]).line;
  const last = site.source.positionAt(range[1]).line;
  for (let line = first; line <= last; line++) {
    if (site.dialect === 'python' && !site.structure.lineStartsInCode[line]) continue;
    const start = site.source.lineStarts[line]!;
    const text = site.source.text.slice(start, site.source.lineEndOf(start));
    for (const m of text.matchAll(/(?:\b(?:const|let|var)\s+|^[ \t]*|[;{]\s*)([A-Za-z_$][\w$]*)\s*(?:[+\-*/]?=(?!=)|:\s*[\w<>[\]]+\s*=(?!=))/g)) assigned.add(m[1]!);
    for (const m of text.matchAll(/\b([A-Za-z_$][\w$]*)\s*\.\s*(append|push|extend|add|update|set)\s*\(/g)) assigned.add(m[1]!);
  }
  for (const name of assigned) if (new RegExp(`(?<![\\w$.])${escape(name)}(?![\\w$])`).test(callText)) return false;
  return true;
}

/** The text with plain string literals and comments blanked; f-strings and templates (which hold code) kept. */
function codeOf(site: CallSite, start: number, end: number): string {
  const text = site.source.text;
  const opaque = site.structure.opaque;
  // Walks the sorted string/comment intervals alongside the text, copying the code between them in slices: the
  // per-character interval search and one-character appends it replaces were most of isInvariant's time.
  let out = '';
  let i = start;
  let next = firstOpaqueFrom(site.structure, start);
  while (i < end) {
    const interval = opaque[next];
    if (!interval || interval[0] >= end) {
      out += text.slice(i, end);
      break;
    }
    out += text.slice(i, interval[0]);
    i = interval[0];
    const literal = text.slice(i, interval[1]);
    const interpolated = interval[2] === 'string'
      && ((literal.startsWith('`') && literal.includes('${')) || (/[fF]/.test(text[i - 1] ?? '') && literal.includes('{')));
    out += interpolated ? literal : ' ';
    i = interval[1];
    next++;
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

/**
 * `for …:` / `for (…) {` with `name = [await] <call>` directly in its body → the statement moves above the loop.
 * Lines that start inside a multi-line string keep their text exactly; other lines lose one level of indentation.
 */
function hoistOutOfLoop(site: CallSite): Fix | null {
  const loop = site.call.loop!;
  if (loop.kind !== 'for') return null;
  const src = site.source;
  const text = src.text;
  const loopStart = src.offsetAt(loop.range.start);
  if (loopStart === null || !/^(async\s+)?for\b/.test(text.slice(loopStart))) return null;
  if (!src.startsLine(loopStart)) return null;
  // The statement holding the call: `name = [await] call` from its line start to its end.
  const lineStart = src.lineStartOf(site.start);
  const lead = text.slice(lineStart, site.start);
  const assign = site.dialect === 'python'
    ? /^[ \t]*[A-Za-z_]\w*(\s*:\s*[\w[\], .|]+)?\s*=\s*(await\s+)?$/.exec(lead)
    : /^[ \t]*(const|let|var)\s+[A-Za-z_$][\w$]*(\s*:\s*[\w<>[\], .|]+)?\s*=\s*(await\s+)?$/.exec(lead);
  if (!assign) return null;
  let end = site.end;
  const after = /^[ \t]*;?[ \t]*(\/\/[^\n]*|#[^\n]*)?(?=\r?\n|$)/.exec(text.slice(end));
  if (!after) return null;
  end += after[0].length;
  const stmtEnd = src.lineStarts[src.positionAt(end).line + 1] ?? text.length;
  // Directly in the loop body: the loop header is the innermost enclosing block (Python) / `{` (JS).
  const loopIndent = src.indentOf(loopStart);
  const bodyIndent = src.indentOf(lineStart);
  if (!bodyIndent.startsWith(loopIndent) || bodyIndent.length <= loopIndent.length) return null;
  if (site.dialect === 'python') {
    const between = text.slice(loopStart, lineStart).split(/\r?\n/).slice(1);
    // Every statement line between the header and ours must be at body indentation (no nested if/with around us).
    for (const line of between) {
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const ind = /^[ \t]*/.exec(line)![0];
      if (ind.length < bodyIndent.length) return null;
    }
    const enclosing = enclosingStatementLine(site, lineStart);
    if (enclosing !== loopStart) return null;
  } else {
    const brace = enclosingBracket(site.structure, lineStart);
    if (!brace || text[brace[0]] !== '{' || brace[0] < loopStart || enclosingBracket(site.structure, brace[0])?.[0] !== enclosingBracket(site.structure, loopStart)?.[0]) return null;
  }
  if (site.dialect === 'python' && /\basync\s+for\b/.test(text.slice(loopStart, loopStart + 10)) && assign[2]) return null;
  const extra = bodyIndent.slice(loopIndent.length);
  const statementLines: string[] = [];
  let cursor = lineStart;
  while (cursor < stmtEnd) {
    const lineEnd = text.indexOf('\n', cursor);
    const next = lineEnd < 0 || lineEnd + 1 > stmtEnd ? stmtEnd : lineEnd + 1;
    const line = text.slice(cursor, next);
    const inString = opaqueAt(site.structure, cursor)?.[2] === 'string' && opaqueAt(site.structure, cursor)![0] < cursor;
    statementLines.push(!inString && line.startsWith(extra) ? line.slice(extra.length) : line);
    cursor = next;
  }
  let moved = statementLines.join('');
  if (!/\n$/.test(moved)) moved += src.eol;
  const edits: TextEdit[] = [
    { range: src.rangeOf(src.lineStartOf(loopStart), src.lineStartOf(loopStart)), newText: moved },
    { range: src.rangeOf(lineStart, stmtEnd), newText: '' },
  ];
  // The loop body must keep at least one other statement, or removing ours would leave `for …:` / `{}` empty
  // (Python: a syntax error).
  const loopEnd = src.offsetAt(loop.range.end) ?? stmtEnd;
  const rest = text.slice(src.lineEndOf(loopStart), lineStart) + text.slice(stmtEnd, loopEnd);
  const code = rest.replace(site.dialect === 'python' ? /#[^\n]*/g : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/[{}\s]/g, '');
  if (!code) return null;
  return { title: 'Hoist the request out of the loop (sent once instead of once per item)', edits, isPreferred: false };
}

function enclosingStatementLine(site: CallSite, lineStart: number): number | null {
  const src = site.source;
  const indent = src.indentOf(lineStart).length;
  for (let line = src.positionAt(lineStart).line - 1; line >= 0; line--) {
    if (!site.structure.lineStartsInCode[line]) continue;
    const start = src.lineStarts[line]!;
    const content = src.text.slice(start, src.lineEndOf(start));
    if (!content.trim() || content.trimStart().startsWith('#')) continue;
    const ind = /^[ \t]*/.exec(content)![0].length;
    if (ind < indent) return start + ind;
  }
  return null;
}

/**
 * `[client.embeddings.create(model=M, input=x).data[0].embedding for x in xs]`
 * → `[item.embedding for item in client.embeddings.create(model=M, input=list(xs)).data]` (results keep their order).
 */
function batchEmbeddingComprehension(site: CallSite, loopVars: string[]): Fix | null {
  const loop = site.call.loop!;
  if (loop.kind !== 'comprehension' || site.dialect !== 'python' || loopVars.length !== 1) return null;
  const src = site.source;
  const o = src.offsets(loop.range);
  if (!o) return null;
  const [ls, le] = o;
  const text = src.text;
  const head = text.slice(ls, site.start);
  const tail = text.slice(site.end, le);
  const variable = loopVars[0]!;
  const t = /^\.data\[0\]\.embedding\s+for\s+([A-Za-z_]\w*)\s+in\s+([^\n]+?)\s*\]$/.exec(tail);
  if (!/^\[\s*$/.test(head) || !t || t[1] !== variable || /\b(if|for)\b/.test(t[2]!)) return null;
  const input = site.options ? findItem(site.options, 'input') : undefined;
  if (!input || text.slice(input.valueStart, input.valueEnd) !== variable) return null;
  const itemName = /\bitem\b/.test(text.slice(ls, le)) ? 'embedding_item' : 'item';
  const edits: TextEdit[] = [
    { range: src.rangeOf(ls, site.start), newText: `[${itemName}.embedding for ${itemName} in ` },
    { range: src.rangeOf(input.valueStart, input.valueEnd), newText: `list(${t[2]})` },
    { range: src.rangeOf(site.end, le), newText: '.data]' },
  ];
  return { title: 'Embed all items in one request (list input; up to 2,048 per request)', edits, isPreferred: true };
}

/**
 * for v in xs:
 *     [e = ]client.embeddings.create(model=M, input=v).data[0].embedding  →  out.extend(item.embedding for item in
 *     out.append(e | <call>…)                                                client.embeddings.create(model=M, input=list(xs)).data)
 * Only when the loop body is exactly that (one append, optionally through one temporary used nowhere else).
 */
function batchEmbeddingAppendLoop(site: CallSite, loopVars: string[]): Fix | null {
  const loop = site.call.loop!;
  if (loop.kind !== 'for' || site.dialect !== 'python' || loopVars.length !== 1) return null;
  const src = site.source;
  const o = src.offsets(loop.range);
  if (!o) return null;
  const text = src.text;
  const [ls, le] = o;
  const header = /^for\s+([A-Za-z_]\w*)\s+in\s+([^\n]+?)\s*:[ \t]*(#[^\n]*)?\r?\n/.exec(text.slice(ls, le));
  if (!header || header[1] !== loopVars[0] || !src.startsLine(ls)) return null;
  const variable = header[1]!;
  const iterable = header[2]!;
  const input = site.options ? findItem(site.options, 'input') : undefined;
  if (!input || text.slice(input.valueStart, input.valueEnd) !== variable) return null;
  const callText = text.slice(site.start, site.end);
  const body = text.slice(ls + header[0].length, le).split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const tail = '.data[0].embedding';
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let target: string | undefined;
  if (body.length === 1) {
    target = new RegExp(`^([A-Za-z_][\\w.]*)\\.append\\(${esc(callText)}${esc(tail)}\\)$`).exec(body[0]!)?.[1];
  } else if (body.length === 2) {
    const assign = new RegExp(`^([A-Za-z_]\\w*)\\s*=\\s*${esc(callText)}${esc(tail)}$`).exec(body[0]!);
    const append = assign ? new RegExp(`^([A-Za-z_][\\w.]*)\\.append\\(${assign[1]}\\)$`).exec(body[1]!) : null;
    // The temporary must not be read after the loop.
    if (assign && append && !new RegExp(`(?<![\\w.])${assign[1]}(?!\\w)`).test(text.slice(le))) target = append[1];
  }
  if (!target || callText.includes('\n')) return null;
  const batched = callText.slice(0, input.valueStart - site.start) + `list(${iterable})` + callText.slice(input.valueEnd - site.start);
  const itemName = /\bitem\b/.test(text.slice(ls, le)) ? 'embedding_item' : 'item';
  const newText = `${target}.extend(${itemName}.embedding for ${itemName} in ${batched}.data)`;
  return {
    title: 'Embed all items in one request (list input; up to 2,048 per request)',
    edits: [{ range: src.rangeOf(ls, le), newText }],
    isPreferred: true,
  };
}
