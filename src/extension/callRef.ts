import vscode = require('vscode');
import type { CallAnalysis, FileAnalysis } from '../core/types';

// Commands (lens clicks, hover links) point at a call by document URI and the start of its call expression —
// plain JSON, so the same arguments work from a CodeLens, a command link in a hover, and the command palette.

export type CallArgs = [uri: string, line: number, character: number];

export function callArgs(uri: vscode.Uri, call: CallAnalysis): CallArgs {
  return [uri.toString(), call.call.range.start.line, call.call.range.start.character];
}

/** The call starting at the position, or the innermost call containing it. */
export function findCall(result: FileAnalysis, position: vscode.Position): CallAnalysis | undefined {
  const exact = result.calls.find((c) => c.call.range.start.line === position.line && c.call.range.start.character === position.character);
  if (exact) return exact;
  let best: CallAnalysis | undefined;
  for (const c of result.calls) {
    const r = c.call.range;
    const inside = (position.line > r.start.line || (position.line === r.start.line && position.character >= r.start.character))
      && (position.line < r.end.line || (position.line === r.end.line && position.character <= r.end.character));
    if (!inside) continue;
    // Innermost: the one that starts last (calls nest, e.g. a call inside another call's arguments).
    if (!best || compareStart(c, best) > 0) best = c;
  }
  return best;
}

function compareStart(a: CallAnalysis, b: CallAnalysis): number {
  return a.call.range.start.line - b.call.range.start.line || a.call.range.start.character - b.call.range.start.character;
}
