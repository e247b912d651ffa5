import type { Fix, Range, TextEdit } from '../types';

// "Fix all in file": several fixes become one edit set. Identical edits (two memo fixes inserting the same helper,
// two caps on one shared constructor) are kept once; a fix whose edits would overlap an already accepted one is
// skipped whole — never half-applied — and reported, so the user can apply it after re-analysis.

export interface MergedFixes {
  edits: TextEdit[];
  applied: Fix[];
  skipped: Fix[];
}

export function mergeFixes(fixes: readonly Fix[]): MergedFixes {
  const edits: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((edit) => !edits.some((e) => sameEdit(e, edit)));
    if (fresh.some((edit) => edits.some((e) => overlaps(e.range, edit.range)))) {
      skipped.push(fix);
      continue;
    }
    edits.push(...fresh);
    applied.push(fix);
  }
  return { edits, applied, skipped };
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && cmp(a.range.start, b.range.start) === 0 && cmp(a.range.end, b.range.end) === 0;
}

function cmp(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Ranges that share any character, or an insertion at the same point as another edit (order would be ambiguous). */
function overlaps(a: Range, b: Range): boolean {
  const aEmpty = cmp(a.start, a.end) === 0;
  const bEmpty = cmp(b.start, b.end) === 0;
  if (aEmpty || bEmpty) {
    const point = aEmpty ? a.start : b.start;
    const other = aEmpty ? b : a;
    return cmp(point, other.start) >= 0 && cmp(point, other.end) <= 0 && !(aEmpty && bEmpty && cmp(a.start, b.start) !== 0);
  }
  return cmp(a.start, b.end) < 0 && cmp(b.start, a.end) < 0;
}
