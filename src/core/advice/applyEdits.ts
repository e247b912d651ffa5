import { SourceText } from '../sourceText';
import type { TextEdit } from '../types';

/**
 * Applies edits to a text the way VS Code's WorkspaceEdit does: all ranges refer to the original text, they must not
 * overlap (two insertions at the same point are kept in the order given), and they are applied from the end backwards
 * so earlier offsets stay valid. Throws on an overlap or a range outside the text — a fix that cannot apply cleanly
 * must never half-apply.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const source = new SourceText(text);
  const resolved = edits.map((edit, index) => {
    const offsets = source.offsets(edit.range);
    if (!offsets) throw new Error(`edit ${index} has a range outside the text (${describe(edit)})`);
    return { start: offsets[0], end: offsets[1], newText: edit.newText, index };
  });
  resolved.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  for (let i = 1; i < resolved.length; i++) {
    const prev = resolved[i - 1]!;
    const cur = resolved[i]!;
    const bothInserts = prev.start === prev.end && cur.start === cur.end;
    if (cur.start < prev.end || (cur.start === prev.start && !bothInserts && prev.end > prev.start)) {
      throw new Error(`edits ${prev.index} and ${cur.index} overlap`);
    }
  }
  let result = text;
  for (let i = resolved.length - 1; i >= 0; i--) {
    const edit = resolved[i]!;
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

function describe(edit: TextEdit): string {
  const { start, end } = edit.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}
