import type { Finding, Fix, Range, TextEdit } from '../types';
import { formatPercentChange } from './format';

// Turning the core's fixes into what the editor offers: titles that show the saving, and the "fix all in file"
// selection — the preferred fix of each finding, skipping any whose edits would collide with one already taken
// (two edits to the same text would corrupt it; the user can apply the rest after a re-analysis).

/** "Switch to gpt-4o-mini (−93 % energy, −94 % $)": adds the saving when the core computed one and the title lacks it. */
export function fixTitle(fix: Fix): string {
  if (/%/.test(fix.title)) return fix.title;
  const savings: string[] = [];
  if (fix.energySaving !== undefined && Number.isFinite(fix.energySaving) && fix.energySaving !== 0) {
    savings.push(`${formatPercentChange(fix.energySaving)} energy`);
  }
  if (fix.costSaving !== undefined && Number.isFinite(fix.costSaving) && fix.costSaving !== 0) {
    savings.push(`${formatPercentChange(fix.costSaving)} $`);
  }
  return savings.length > 0 ? `${fix.title} (${savings.join(', ')})` : fix.title;
}

export interface SelectedFix {
  finding: Finding;
  fix: Fix;
}

/** The preferred fix of each finding (in document order), without overlapping edits. */
export function selectFixAll(findings: readonly Finding[]): SelectedFix[] {
  const ordered = [...findings].sort((a, b) => compare(a.range.start, b.range.start));
  const taken: TextEdit[] = [];
  const selected: SelectedFix[] = [];
  for (const finding of ordered) {
    const fix = finding.fixes.find((x) => x.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => editsConflict(e.range, t.range)))) continue;
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => i < j && editsConflict(e.range, o.range)))) continue;
    taken.push(...fix.edits);
    selected.push({ finding, fix });
  }
  return selected;
}

/**
 * Two edits conflict when their ranges overlap, or when both insert at the same point (their order would be
 * arbitrary), or when an insertion falls strictly inside a replaced range. Touching ranges do not conflict.
 */
export function editsConflict(a: Range, b: Range): boolean {
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return compare(a.start, b.start) === 0;
  if (aEmpty) return compare(b.start, a.start) < 0 && compare(a.start, b.end) < 0;
  if (bEmpty) return compare(a.start, b.start) < 0 && compare(b.start, a.end) < 0;
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}
