import type { Grammar } from './languages';
import type { TsParser, TsTree } from './parsers';

// The last syntax tree of a few documents, so re-analysing a document after an edit (the editor, on every change)
// re-parses only the edited region: tree-sitter's incremental parse reuses every untouched subtree. Parsing is most
// of detection's cost (a 5,000-line file: ~38 of ~73 ms warm). A tree is owned by exactly one place at a time —
// taken out while detection reads it, put back (or deleted) when it is done — so every tree is deleted once.

/** A few open documents; an audit sees each file once, so it only ever keeps the last ones. */
const MAX_TREES = 3;
/** Larger documents are parsed from scratch: keeping their trees would hold too much WASM memory. */
const MAX_CACHED_CHARS = 512 * 1024;

interface Entry {
  key: string;
  grammar: Grammar;
  text: string;
  tree: TsTree;
}

const entries: Entry[] = [];

export interface ParsedTree {
  tree: TsTree;
  /** Hands the tree back: cached for the next parse of the same document, or deleted. Call exactly once. */
  release(): void;
}

interface Point { row: number; column: number }

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    row += 1;
    lineStart = nl + 1;
  }
  return { row, column: index - lineStart };
}

/** Parses `source`, incrementally from the cached tree of the same document (`key`) when there is one. */
export function parseDocument(parser: TsParser, grammar: Grammar, source: string, key: string | undefined): ParsedTree | null {
  let previous: Entry | undefined;
  if (key !== undefined) {
    const at = entries.findIndex((e) => e.key === key && e.grammar === grammar);
    if (at >= 0) previous = entries.splice(at, 1)[0];
  }
  let tree: TsTree | null;
  if (previous) {
    const old = previous.text;
    if (old === source) {
      tree = previous.tree;
    } else {
      // The edit as one replaced span: common prefix and suffix of the old and new text (UTF-16 units, which is
      // what web-tree-sitter's indices and columns count).
      const limit = Math.min(old.length, source.length);
      let start = 0;
      while (start < limit && old.charCodeAt(start) === source.charCodeAt(start)) start++;
      let tail = 0;
      while (tail < limit - start && old.charCodeAt(old.length - 1 - tail) === source.charCodeAt(source.length - 1 - tail)) tail++;
      const startPosition = pointAt(old, start);
      previous.tree.edit({
        startIndex: start, oldEndIndex: old.length - tail, newEndIndex: source.length - tail,
        startPosition, oldEndPosition: pointAt(old, old.length - tail), newEndPosition: pointAt(source, source.length - tail),
      });
      tree = parser.parse(source, previous.tree);
      previous.tree.delete();
    }
  } else {
    tree = parser.parse(source);
  }
  if (!tree) return null;
  const parsed = tree;
  return {
    tree: parsed,
    release: () => {
      if (key === undefined || source.length > MAX_CACHED_CHARS) {
        parsed.delete();
        return;
      }
      entries.unshift({ key, grammar, text: source, tree: parsed });
      for (const evicted of entries.splice(MAX_TREES)) evicted.tree.delete();
    },
  };
}

/** Deletes every cached tree (deactivate, end of a CLI run). */
export function disposeTrees(): void {
  for (const e of entries.splice(0)) e.tree.delete();
}
