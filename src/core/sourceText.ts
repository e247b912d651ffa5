import type { Position, Range } from './types';

// Offsets ⇄ positions over one source text, shared by detection (where calls are) and advice (where edits go).
// Lines end at '\n' (a CRLF line keeps its '\r' as its last character, which is how VS Code counts columns too);
// columns are UTF-16 code units, which is what JS string indices are.
export class SourceText {
  readonly lineStarts: number[];
  /** '\r\n' when the file uses it, so inserted lines match the file's own endings. */
  readonly eol: string;

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.lineStarts.push(nl + 1);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Offset of a position; null when the position lies outside the text (a stale or foreign range). */
  offsetAt(position: Position): number | null {
    const start = this.lineStarts[position.line];
    if (start === undefined || position.character < 0) return null;
    const next = this.lineStarts[position.line + 1];
    const lineEnd = next === undefined ? this.text.length : next - 1;
    const offset = start + position.character;
    return offset > lineEnd ? null : offset;
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (this.lineStarts[lo] ?? 0) };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** [start, end) offsets of a range, or null when it does not fit this text. */
  offsets(range: Range): [number, number] | null {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return start === null || end === null || end < start ? null : [start, end];
  }

  slice(range: Range): string | null {
    const o = this.offsets(range);
    return o ? this.text.slice(o[0], o[1]) : null;
  }

  lineStartOf(offset: number): number {
    return this.lineStarts[this.positionAt(offset).line] ?? 0;
  }

  /** Offset just before the line break (before '\r\n' or '\n') of the line holding `offset`. */
  lineEndOf(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n') i++;
    return i - 1 >= offset && this.text[i - 1] === '\r' ? i - 1 : i;
  }

  /** The leading whitespace of the line holding `offset`, verbatim (tabs stay tabs). */
  indentOf(offset: number): string {
    const start = this.lineStartOf(offset);
    const match = /^[ \t]*/.exec(this.text.slice(start, start + 200));
    return match ? match[0] : '';
  }

  /** True when only whitespace precedes `offset` on its line. */
  startsLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStartOf(offset), offset));
  }
}
