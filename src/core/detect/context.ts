import type { LoopContext, Range, VolumeAnnotation } from '../types';
import { type FileIndex, isFunctionType } from './fileIndex';
import type { TsNode } from './parsers';

// Where a call runs: inside a loop, a comprehension, a map/forEach callback (maybe under Promise.all), or a request
// handler; and the volume the user declared with `llm-footprint: 20k calls/day`.
// Ancestors come from index.parentOf and their types from index.typeOf: each `.parent` / `.type` of a web-tree-sitter
// node is a round trip into WASM, and every candidate call asks these questions of the same few ancestors.

const LOOPS: Record<string, LoopContext['kind']> = {
  for_statement: 'for', for_in_statement: 'for', async_for_statement: 'for', while_statement: 'while', do_statement: 'while',
  list_comprehension: 'comprehension', generator_expression: 'comprehension', set_comprehension: 'comprehension',
  dictionary_comprehension: 'comprehension',
};
const ITERATING_METHODS: Record<string, LoopContext['kind']> = {
  map: 'map', flatMap: 'map', forEach: 'forEach', filter: 'map', reduce: 'map', some: 'map', every: 'map',
};
const HTTP_VERBS = /^(get|post|put|patch|delete|all|route|api_route|websocket)$/;
const NEXT_HANDLERS = /^(GET|POST|PUT|PATCH|DELETE)$/;

export function loopContext(index: FileIndex, call: TsNode): LoopContext | undefined {
  let child: TsNode = call;
  for (let p = index.parentOf(call); p; child = p, p = index.parentOf(p)) {
    const pt = index.typeOf(p);
    const kind = LOOPS[pt];
    if (kind) {
      // `for x in items(): call()` — the call inside the iterable itself runs once.
      const iter = p.childForFieldName('right') ?? (kind === 'comprehension' ? null : p.childForFieldName('condition'));
      if (iter && iter.startIndex <= child.startIndex && child.endIndex <= iter.endIndex && kind === 'for') continue;
      let iterable: string | undefined;
      if (kind === 'comprehension') {
        const clause = p.namedChildren.find((c) => c?.type === 'for_in_clause');
        iterable = clause?.childForFieldName('right')?.text;
      } else iterable = p.childForFieldName('right')?.text;
      return { kind, range: index.nodeRange(p), ...(iterable ? { iterable: short(iterable) } : {}) };
    }
    if (isFunctionType(pt)) {
      // A callback passed to items.map(...) / forEach / Promise.all(items.map(...)).
      const args = index.parentOf(p);
      const outer = args ? index.parentOf(args) : null;
      const argsType = args ? index.typeOf(args) : '';
      const outerType = outer ? index.typeOf(outer) : '';
      if (args && outer && (argsType === 'arguments' || argsType === 'argument_list') && (outerType === 'call_expression' || outerType === 'call')) {
        const fn = outer.childForFieldName('function');
        const method = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
        const k = method ? ITERATING_METHODS[method] : undefined;
        if (k) {
          const iterable = fn?.childForFieldName('object')?.text;
          const all = enclosingPromiseAll(index, outer);
          return { kind: all ? 'promise-all' : k, range: index.nodeRange(all ?? p), ...(iterable ? { iterable: short(iterable) } : {}) };
        }
        if (fn && method && HTTP_VERBS.test(method) && /^(app|router|server|fastify|api|route|r)$/i.test(fn.childForFieldName('object')?.text ?? '')) {
          return { kind: 'handler', range: index.nodeRange(p) };
        }
      }
      if (isHandlerFunction(index, p)) return { kind: 'handler', range: index.nodeRange(p) };
      if (pt !== 'arrow_function' && pt !== 'lambda' && pt !== 'function_expression') return undefined;
    }
  }
  return undefined;
}

function enclosingPromiseAll(index: FileIndex, mapCall: TsNode): TsNode | undefined {
  const args = index.parentOf(mapCall);
  const outer = args ? index.parentOf(args) : null;
  if (!outer || index.typeOf(outer) !== 'call_expression') return undefined;
  const fn = outer.childForFieldName('function')?.text ?? '';
  return /^Promise\.(all|allSettled)$/.test(fn) ? outer : undefined;
}

function isHandlerFunction(index: FileIndex, fn: TsNode): boolean {
  // Flask / FastAPI decorators: @app.route(...), @router.post(...)
  const dec = index.parentOf(fn);
  const decType = dec ? index.typeOf(dec) : '';
  const fnType = index.typeOf(fn);
  if (dec && decType === 'decorated_definition') {
    for (const d of dec.namedChildren) {
      if (d?.type !== 'decorator') continue;
      if (/^@\s*\w+\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(/.test(d.text)) return true;
    }
  }
  // Next.js route handlers: export async function POST(req) { … } / export const POST = async (req) => { … }
  if (fnType === 'function_declaration' && decType === 'export_statement') {
    return NEXT_HANDLERS.test(fn.childForFieldName('name')?.text ?? '');
  }
  const decl = dec;
  const declParent = decl && decType === 'variable_declarator' ? index.parentOf(decl) : null;
  const exportNode = declParent ? index.parentOf(declParent) : null;
  if (decl && decType === 'variable_declarator' && exportNode && index.typeOf(exportNode) === 'export_statement') {
    return NEXT_HANDLERS.test(decl.childForFieldName('name')?.text ?? '');
  }
  return false;
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

// ── volume annotations ──

const ANNOTATION = /(?:#|\/\/|\/\*|\*)\s*llm-footprint\s*:\s*(?:~|≈)?\s*([\d][\d_,.]*)\s*([kKmM])?\s*(?:calls?|requests?|req)?\s*(?:\/|per\s+|a\s+)\s*(day|d|hour|hr|h|minute|min|week|wk|month|mo)\b/;
const PER_DAY: Record<string, number> = { day: 1, d: 1, hour: 24, hr: 24, h: 24, minute: 1440, min: 1440, week: 1 / 7, wk: 1 / 7, month: 1 / 30, mo: 1 / 30 };

export interface AnnotationMap {
  byLine: Map<number, VolumeAnnotation>;
}

/** Annotations by 0-based line, found with one regex pass over the text (only lines that mention the marker). */
export function scanAnnotations(text: string, index: FileIndex): AnnotationMap {
  const byLine = new Map<number, VolumeAnnotation>();
  if (text.indexOf('llm-footprint') < 0) return { byLine };
  const re = /llm-footprint/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const a = ANNOTATION.exec(line);
    if (!a) continue;
    const value = Number((a[1] ?? '').replace(/[_,]/g, ''));
    if (!Number.isFinite(value)) continue;
    const mult = a[2] ? (a[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
    const per = PER_DAY[(a[3] ?? 'day').toLowerCase()] ?? 1;
    const start = lineStart + a.index;
    const range: Range = index.range(start, lineStart + a.index + a[0].length);
    byLine.set(range.start.line, { callsPerDay: Math.round(value * mult * per), range });
    re.lastIndex = lineEnd;
  }
  return { byLine };
}

/** What a function's annotation may sit above: its decorators, `export`, `const f = …`. */
const WRAPPING_DECLARATIONS = new Set(['decorated_definition', 'export_statement', 'variable_declarator', 'lexical_declaration']);

/** The annotation on the call's lines, the line above it, or above its enclosing function (and its decorators). */
export function volumeFor(map: AnnotationMap, index: FileIndex, call: TsNode, stmtLine: number): VolumeAnnotation | undefined {
  if (map.byLine.size === 0) return undefined;
  const start = call.startPosition.row;
  const end = call.endPosition.row;
  for (let l = start; l <= end; l++) { const a = map.byLine.get(l); if (a) return a; }
  const above = map.byLine.get(Math.min(start, stmtLine) - 1) ?? map.byLine.get(start - 1);
  if (above) return above;
  for (let p = index.parentOf(call); p; p = index.parentOf(p)) {
    const pt = index.typeOf(p);
    if (!isFunctionType(pt)) continue;
    let top = p;
    for (let up = index.parentOf(top); up && WRAPPING_DECLARATIONS.has(index.typeOf(up)); up = index.parentOf(top)) top = up;
    const l = top.startPosition.row;
    const a = map.byLine.get(l - 1) ?? map.byLine.get(l);
    if (a) return a;
    if (pt === 'function_definition' || pt === 'function_declaration' || pt === 'method_definition') break;
  }
  return undefined;
}

// ── mocks ──

const PY_MOCK = /^(mock\.)?patch(\.object|\.dict|\.multiple)?$|^mocker\.patch/;

/** A test body that replaces the SDK or the network before calling it. */
const MOCK_SETUP = /\b(?:mocker\.patch|monkeypatch\.setattr|(?:jest|vi)\.spyOn|mockResolvedValue|mockReturnValue|mockImplementation|respx\.mock|responses\.add|httpretty\.register|nock\()/;

/**
 * Calls inside a test that patches the SDK: a `@patch(...)` decorated function, a `with patch(...)` block, or a
 * function whose body sets up mocks (`mocker.patch`, `jest.spyOn`, `nock(...)`) around the call.
 */
export function insideMock(index: FileIndex, call: TsNode): boolean {
  for (let p = index.parentOf(call); p; p = index.parentOf(p)) {
    const pt = index.typeOf(p);
    if (isFunctionType(pt) && pt !== 'lambda' && pt !== 'arrow_function' || pt === 'arrow_function' && parentType(index, p) === 'arguments') {
      if (setsUpMocks(index, p)) return true;
    }
    if (pt === 'with_statement') {
      const clause = p.namedChildren.find((c) => c?.type === 'with_clause');
      if (clause && /\b(patch|mock)\b/.test(clause.text)) return true;
    }
    if (pt === 'decorated_definition') {
      for (const d of p.namedChildren) {
        if (d?.type === 'decorator') {
          const t = d.text.replace(/^@\s*/, '').split('(')[0] ?? '';
          if (PY_MOCK.test(t)) return true;
        }
      }
    }
  }
  return false;
}

function parentType(index: FileIndex, n: TsNode): string | undefined {
  const p = index.parentOf(n);
  return p ? index.typeOf(p) : undefined;
}

/** Whether a function's body sets up mocks, once per function (its calls all ask). */
const mockBodies = new WeakMap<FileIndex, Map<number, boolean>>();

function setsUpMocks(index: FileIndex, fn: TsNode): boolean {
  let memo = mockBodies.get(index);
  if (!memo) mockBodies.set(index, (memo = new Map()));
  let v = memo.get(fn.id);
  if (v === undefined) {
    const body = fn.childForFieldName('body');
    v = !!body && MOCK_SETUP.test(body.text);
    memo.set(fn.id, v);
  }
  return v;
}
