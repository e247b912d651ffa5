import type { SourceText } from '../sourceText';
import type { Structure } from './structure';

// Python block structure from indentation, reading only lines that start a statement (never lines inside a
// multi-line string or bracket, whose indentation means nothing).

export interface PythonDef {
  name: string;
  /** Offset of `def`/`async def` line start, and of its first decorator line (where a new decorator goes). */
  defLineStart: number;
  decoratorsStart: number;
  indent: string;
  isAsync: boolean;
  /** Offset of the `(` of the parameter list. */
  paramsOpen: number;
  decorators: string[];
  /** Offsets of the body: from the line after the signature to the end of the block. */
  bodyStart: number;
  bodyEnd: number;
}

interface Line { start: number; indent: number; text: string }

const linesCache = new WeakMap<Structure, Line[]>();

function statementLines(source: SourceText, structure: Structure): Line[] {
  const known = linesCache.get(structure);
  if (known) return known;
  const lines: Line[] = [];
  for (let i = 0; i < source.lineStarts.length; i++) {
    if (!structure.lineStartsInCode[i]) continue;
    const start = source.lineStarts[i]!;
    const end = source.lineEndOf(start);
    const text = source.text.slice(start, end);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    lines.push({ start, indent: indentWidth(text.slice(0, text.length - trimmed.length)), text: trimmed });
  }
  linesCache.set(structure, lines);
  return lines;
}

function indentWidth(ws: string): number {
  let w = 0;
  for (const c of ws) w = c === '\t' ? w + 8 - (w % 8) : w + 1;
  return w;
}

/** The statement lines enclosing `offset`, innermost first (`for …:`, `def …:`, `class …:`). */
export function enclosingBlocks(source: SourceText, structure: Structure, offset: number): Line[] {
  const lines = statementLines(source, structure);
  let index = -1;
  for (let i = 0; i < lines.length && lines[i]!.start <= offset; i++) index = i;
  if (index < 0) return [];
  let indent = lines[index]!.indent;
  const result: Line[] = [];
  for (let i = index - 1; i >= 0 && indent > 0; i--) {
    const line = lines[i]!;
    if (line.indent < indent) {
      result.push(line);
      indent = line.indent;
    }
  }
  return result;
}

const DEF = /^(async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;

export function enclosingDef(source: SourceText, structure: Structure, offset: number): PythonDef | null {
  const lines = statementLines(source, structure);
  const blocks = enclosingBlocks(source, structure, offset);
  const defLine = blocks.find((line) => DEF.test(line.text));
  if (!defLine) return null;
  const m = DEF.exec(defLine.text)!;
  const defLineStart = defLine.start;
  const indent = source.indentOf(defLineStart);
  const paramsOpen = defLineStart + indent.length + m[0].length - 1;
  // Decorators: the statement lines directly above at the same indentation that start with '@'.
  const at = lines.findIndex((line) => line.start === defLineStart);
  const decorators: string[] = [];
  let decoratorsStart = defLineStart;
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.indent !== defLine.indent || !line.text.startsWith('@')) break;
    decorators.unshift(line.text);
    decoratorsStart = line.start;
  }
  const close = structure.closeOf.get(paramsOpen);
  const bodyStart = close === undefined ? defLineStart : close;
  let bodyEnd = source.text.length;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.start > bodyStart && line.indent <= defLine.indent) { bodyEnd = line.start; break; }
  }
  return { name: m[2]!, defLineStart, decoratorsStart, indent, isAsync: Boolean(m[1]), paramsOpen, decorators, bodyStart, bodyEnd };
}

/** Where a new top-level `import` goes: after the module's last top-level import, else after docstring/comments. */
export function importInsertionOffset(source: SourceText, structure: Structure, before: number): number {
  const lines = statementLines(source, structure).filter((line) => line.indent === 0 && line.start < before);
  let after = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(import|from)\s/.test(line.text)) after = i;
  }
  const statementEnd = (i: number): number => {
    const next = lines[i + 1];
    if (next) return next.start;
    return source.lineStarts[source.positionAt(source.lineEndOf(lines[i]!.start)).line + 1] ?? source.text.length;
  };
  if (after >= 0) {
    // End of that import statement: the line after its last physical line (it may continue in parentheses).
    const start = lines[after]!.start;
    const m = /\(/.exec(source.text.slice(start, source.lineEndOf(start)));
    const open = m ? start + m.index : -1;
    const close = open >= 0 ? structure.closeOf.get(open) : undefined;
    const endOffset = close ?? start;
    const line = source.positionAt(source.lineEndOf(endOffset)).line;
    return source.lineStarts[line + 1] ?? source.text.length;
  }
  // No import: after a leading module docstring, else at the top (after shebang/encoding comments, which are comments).
  const first = lines[0];
  if (first && /^[rRuU]?("""|''')/.test(first.text)) return statementEnd(0);
  return first ? first.start : 0;
}
