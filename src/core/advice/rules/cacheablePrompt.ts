import { findItem } from '../argumentList';
import type { CallSite } from '../callSite';
import { opaqueAt } from '../structure';
import { helperInsertionOffset, insideFunction } from '../jsScope';
import { perText } from '../perText';
import { enclosingDef, importInsertionOffset } from '../pythonScope';
import { callRange, finding, fmtInt, type RuleInput } from './ruleInput';
import type { Fix, Finding, ModelInfo, Severity, TextEdit } from '../../types';

// Two wastes with one remedy, caching:
//  1. a large static prompt prefix re-processed on every call — Anthropic caches it only when asked (cache_control);
//     OpenAI, Azure OpenAI, DeepSeek and Gemini 2.5 cache repeated prefixes automatically, but only a prefix: static
//     text after a dynamic part is never cached;
//  2. identical deterministic calls (fully static prompt, temperature 0) — the answer can be memoized.

const AUTOMATIC_CACHING = new Set(['openai', 'azure-openai', 'deepseek', 'google']);

/** Anthropic's minimum cacheable prefix per model (docs.anthropic.com "Prompt caching", checked 2026-11). */
export function anthropicMinimum(model: ModelInfo | null): number {
  const id = model?.id ?? '';
  if (/opus-4-[5-9]|haiku-4-5/.test(id)) return 4096;
  if (/haiku|sonnet-4-6/.test(id)) return 2048;
  return 1024;
}

export const MEMO_HELPER_NAME = 'llmFootprintMemo';

export function cacheablePrompt(input: RuleInput, severity: Severity): Finding | null {
  return staticPrefix(input, severity) ?? identicalCalls(input, severity);
}

function staticPrefix(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, settings, site, model } = input;
  const { call, inputTokens } = analysis;
  if (call.params.promptCaching || (site && /\bcache_?[cC]ontrol\b/.test(site.source.text.slice(site.start, site.end)))) return null;
  const prefix = inputTokens.cacheablePrefix ?? 0;
  const staticTokens = approxStaticTokens(input);
  const modelName = model?.id ?? call.model ?? 'this model';

  // The Anthropic SDK takes cache_control whoever serves Claude (Anthropic, AnthropicBedrock, AnthropicVertex).
  if (call.provider === 'anthropic' || call.sdk === 'anthropic') {
    const minimum = Math.max(settings.cacheableMinTokens, anthropicMinimum(model));
    if (prefix < minimum) return null;
    const message = `${fmtInt(prefix)}-token static prompt prefix is re-processed on every call to ${modelName}. `
      + `Anthropic caches it only when asked: mark it with cache_control (cache reads cost 10 % of input tokens).`;
    const fix = site ? anthropicCacheFix(site) : null;
    return finding('cacheable-prompt', severity, message, fix?.range ?? callRange(input), fix ? [fix.fix] : []);
  }
  if (call.provider === 'bedrock' && prefix >= Math.max(settings.cacheableMinTokens, anthropicMinimum(model))) {
    const message = `${fmtInt(prefix)}-token static prompt prefix is re-processed on every call to ${modelName}. `
      + 'Bedrock caches it only when asked: add a cachePoint block after the static part (Converse API, Claude and Nova models).';
    return finding('cacheable-prompt', severity, message, callRange(input));
  }
  if (AUTOMATIC_CACHING.has(call.provider) && prefix < settings.cacheableMinTokens && staticTokens >= settings.cacheableMinTokens * 1.25) {
    const message = `≈${fmtInt(staticTokens)} tokens of this prompt are static, but dynamic text comes before them, so `
      + `${call.provider === 'google' ? 'Gemini' : 'the provider'}'s automatic prompt caching (prefixes from 1,024 tokens) `
      + `never applies. Put the static instructions first and the per-call input last.`;
    return finding('cacheable-prompt', severity, message, callRange(input));
  }
  return null;
}

/** Static prompt characters / 4 (a rough token estimate; used only to decide whether reordering could pay). */
function approxStaticTokens(input: RuleInput): number {
  let chars = 0;
  for (const message of input.analysis.call.prompt.messages) {
    for (const part of message.parts) if (part.kind === 'static') chars += part.text.length;
  }
  return Math.round(chars / 4);
}

/**
 * `system="…"` → `system=[{"type": "text", "text": "…", "cache_control": {"type": "ephemeral"}}]` (and the JS
 * object form). The value expression is kept verbatim — a multi-line string or a constant name — only wrapped.
 */
function anthropicCacheFix(site: CallSite): { fix: Fix; range: ReturnType<CallSite['source']['rangeOf']> } | null {
  const options = site.options;
  if (!options || options.kind === 'python-dict') return null;
  const system = findItem(options, 'system');
  if (!system || system.spread) return null;
  const systemMessage = site.call.prompt.messages.find((m) => m.role === 'system');
  if (!systemMessage || !systemMessage.parts.length || systemMessage.parts.some((p) => p.kind !== 'static')) return null;
  const text = site.source.text;
  const value = text.slice(system.valueStart, system.valueEnd);
  // Already a list of blocks, or something that is not plainly a string expression: explain, don't edit.
  if (!/^(["'`]|[rRuU]?("""|'''|["'])|\(|[A-Za-z_$][\w$.]*\s*$)/.test(value) || value.startsWith('[')) return null;
  const q = site.hints.quote;
  const s = (word: string): string => `${q}${word}${q}`;
  let newText: string;
  let start = system.valueStart;
  if (options.kind === 'python-call') {
    newText = `[{${s('type')}: ${s('text')}, ${s('text')}: ${value}, ${s('cache_control')}: {${s('type')}: ${s('ephemeral')}}}]`;
  } else {
    const block = `[{ type: ${s('text')}, text: ${value}, cache_control: { type: ${s('ephemeral')} } }]`;
    if (system.valueStart === system.start) {
      newText = `system: ${block}`; // shorthand `{ system }`
      start = system.start;
    } else newText = block;
  }
  const range = site.source.rangeOf(start, system.valueEnd);
  return {
    range: site.source.rangeOf(system.start, system.end),
    fix: { title: 'Cache the system prompt (cache_control: ephemeral)', edits: [{ range, newText }], isPreferred: true },
  };
}

function identicalCalls(input: RuleInput, severity: Severity): Finding | null {
  const { analysis, site } = input;
  const { call } = analysis;
  const prompt = call.prompt;
  const allStatic = !prompt.opaque && prompt.messages.length > 0
    && prompt.messages.every((m) => m.parts.every((p) => p.kind === 'static')) && prompt.images === 0 && !prompt.audio;
  if (!allStatic || call.params.temperature !== 0 || call.params.stream || (call.params.n ?? 1) > 1) return null;
  if (!site) return null;
  if (memoized(site)) return null;
  const pyDef = site.dialect === 'python' ? enclosingDef(site.source, site.structure, site.start) : null;
  const repeated = Boolean(call.loop) || (site.dialect === 'python' ? pyDef !== null : insideFunction(site.source, site.structure, site.start));
  if (!repeated) return null;
  if (pyDef && pyDef.decorators.some((d) => /^@(functools\.)?(lru_cache|cache)\b/.test(d))) return null;

  const where = call.loop ? 'inside a loop' : pyDef ? `in ${pyDef.name}()` : 'inside a function';
  const message = `Identical deterministic request ${where}: the prompt is fully static and temperature is 0, so every `
    + `call returns the same answer${analysis.footprint ? '' : ''}. Compute it once and reuse it.`;
  const fix = site.dialect === 'python' ? pythonMemo(site, pyDef) : jsMemo(site);
  return finding('cacheable-prompt', severity, message, callRange(input), fix ? [fix] : []);
}

function memoized(site: CallSite): boolean {
  const before = site.source.text.slice(Math.max(0, site.start - 300), site.start);
  return new RegExp(`${MEMO_HELPER_NAME}\\(\\s*(["'\`])[^"'\`]*\\1\\s*,\\s*\\(\\)\\s*=>\\s*(await\\s+)?$`).test(before);
}

/** `@functools.lru_cache(maxsize=None)` on the enclosing function — only a plain `def` whose arguments are all hashable. */
function pythonMemo(site: CallSite, def: ReturnType<typeof enclosingDef>): Fix | null {
  if (!def || def.isAsync || site.call.loop) return null; // lru_cache on `async def` would cache a one-shot coroutine
  const text = site.source.text;
  const body = text.slice(def.bodyStart, def.bodyEnd);
  if (/\byield\b/.test(body)) return null;
  const close = site.structure.closeOf.get(def.paramsOpen);
  if (close === undefined) return null;
  const params = text.slice(def.paramsOpen + 1, close).split(',').map((p) => p.trim()).filter((p) => p && p !== '/' && p !== '*');
  const hashable = /^[A-Za-z_]\w*\s*:\s*(str|int|float|bool|bytes|None|Optional\[(str|int|float|bool)\]|(str|int|float|bool)\s*\|\s*None|tuple\[[\w\s,.[\]]*\]|frozenset\[\w+\]|Literal\[[^\]]*\])\s*(=\s*[^=].*)?$/;
  if (params.some((p) => p === 'self' || p === 'cls' || p.startsWith('*') || !hashable.test(p))) return null;

  const src = site.source;
  const usesFrom = perText(text, 'fromFunctoolsImportLruCache', () => /^from\s+functools\s+import\s+[^\n]*\blru_cache\b/m.test(text));
  const hasModule = perText(text, 'importFunctools', () => /^import\s+[^\n]*\bfunctools\b/m.test(text));
  const decorator = usesFrom ? '@lru_cache(maxsize=None)' : '@functools.lru_cache(maxsize=None)';
  const edits: TextEdit[] = [];
  if (!usesFrom && !hasModule) {
    const at = importInsertionOffset(src, site.structure, def.decoratorsStart);
    const atLineStart = at === 0 || text[at - 1] === '\n';
    edits.push({ range: src.rangeOf(at, at), newText: `${atLineStart ? '' : src.eol}import functools${src.eol}` });
  }
  edits.push({ range: src.rangeOf(def.decoratorsStart, def.decoratorsStart), newText: `${def.indent}${decorator}${src.eol}` });
  return { title: `Memoize ${def.name}() with functools.lru_cache (identical calls answered once)`, edits, isPreferred: false };
}

/** Wraps the call in a module-level Map memo: only when every request option is a literal (same request each time). */
function jsMemo(site: CallSite): Fix | null {
  const options = site.options;
  if (!options || options.items.some((item) => item.spread)) return null;
  const text = site.source.text;
  for (const item of options.items) {
    if (!literalOnly(site, item.valueStart, item.valueEnd)) return null;
  }
  const src = site.source;
  const typed = site.call.language === 'typescript' || site.call.language === 'typescriptreact';
  const key = `${site.call.callee}#${hash(text.slice(site.start, site.end))}`;
  const edits: TextEdit[] = [];
  if (!perText(text, 'memoHelper', () => new RegExp(`function ${MEMO_HELPER_NAME}\\b`).test(text))) {
    const at = helperInsertionOffset(src, site.structure);
    const atLineStart = at === 0 || text[at - 1] === '\n';
    const eol = src.eol;
    const lines = typed
      ? [
        `const ${MEMO_HELPER_NAME}Cache = new Map<string, unknown>();`,
        '/** Memoizes a deterministic LLM request (static prompt, temperature 0): it is sent once per process. */',
        `function ${MEMO_HELPER_NAME}<T>(key: string, run: () => T): T {`,
        `  if (!${MEMO_HELPER_NAME}Cache.has(key)) {`,
        '    const value = run();',
        `    ${MEMO_HELPER_NAME}Cache.set(key, value);`,
        `    if (value instanceof Promise) value.catch(() => ${MEMO_HELPER_NAME}Cache.delete(key)); // never cache a failure`,
        '  }',
        `  return ${MEMO_HELPER_NAME}Cache.get(key) as T;`,
        '}',
      ]
      : [
        `const ${MEMO_HELPER_NAME}Cache = new Map();`,
        '/** Memoizes a deterministic LLM request (static prompt, temperature 0): it is sent once per process. */',
        `function ${MEMO_HELPER_NAME}(key, run) {`,
        `  if (!${MEMO_HELPER_NAME}Cache.has(key)) {`,
        '    const value = run();',
        `    ${MEMO_HELPER_NAME}Cache.set(key, value);`,
        `    if (value instanceof Promise) value.catch(() => ${MEMO_HELPER_NAME}Cache.delete(key)); // never cache a failure`,
        '  }',
        `  return ${MEMO_HELPER_NAME}Cache.get(key);`,
        '}',
      ];
    // One blank line around the helper: before it after the imports, after it unless the file already has one there.
    const blankAfter = /^[ \t]*\r?\n/.test(text.slice(at));
    edits.push({ range: src.rangeOf(at, at), newText: `${atLineStart ? '' : eol}${at > 0 ? eol : ''}${lines.join(eol)}${eol}${blankAfter ? '' : eol}` });
  }
  const q = site.hints.quote;
  edits.push({ range: src.rangeOf(site.start, site.start), newText: `${MEMO_HELPER_NAME}(${q}${key}${q}, () => ` });
  edits.push({ range: src.rangeOf(site.end, site.end), newText: ')' });
  return { title: 'Memoize this request (identical calls answered once, module-level Map)', edits, isPreferred: false };
}

/** True when the expression is built only from literals: strings, numbers, true/false/null, arrays and objects of them. */
function literalOnly(site: CallSite, start: number, end: number): boolean {
  let code = '';
  let i = start;
  const { structure, source } = site;
  while (i < end) {
    const found = opaqueAt(structure, i);
    const interval = found && found[0] === i ? found : undefined;
    if (interval) { code += interval[2] === 'string' && source.text[i] === '`' && source.text.slice(i, interval[1]).includes('${') ? ' X ' : ' "" '; i = interval[1]; continue; }
    code += source.text[i];
    i++;
  }
  const stripped = code.replace(/""\s*:/g, ' ').replace(/[A-Za-z_$][\w$]*\s*:/g, ' ').replace(/\b(true|false|null|undefined)\b/g, ' ');
  return !/[A-Za-z_$]/.test(stripped.replace(/\b\d[\d_.eE+-]*\b/g, ' '));
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
