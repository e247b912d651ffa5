import { assetPath } from '../assets';
import type { Grammar } from './languages';

// esbuild aliases 'web-tree-sitter' to its .cjs build (the ESM build breaks inside a CJS bundle); tsc-compiled tests
// resolve the same .cjs through the package's "require" export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TreeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');

export type TsParser = import('web-tree-sitter').Parser;
export type TsNode = import('web-tree-sitter').Node;
export type TsTree = import('web-tree-sitter').Tree;

let initPromise: Promise<void> | undefined;
const parsers = new Map<Grammar, Promise<TsParser>>();

function init(): Promise<void> {
  initPromise ??= TreeSitter.Parser.init({ locateFile: () => assetPath('tree-sitter.wasm') });
  return initPromise;
}

/** One parser per grammar, created on first use and reused; the grammar WASM is loaded once. */
export function getParser(grammar: Grammar): Promise<TsParser> {
  let p = parsers.get(grammar);
  if (!p) {
    p = (async () => {
      await init();
      const language = await TreeSitter.Language.load(assetPath(`tree-sitter-${grammar}.wasm`));
      const parser = new TreeSitter.Parser();
      parser.setLanguage(language);
      return parser;
    })();
    // A failed load (missing asset) must not poison later attempts after the shell fixes its assets dir.
    p.catch(() => parsers.delete(grammar));
    parsers.set(grammar, p);
  }
  return p;
}

/** Frees the parsers (the grammars stay in the WASM heap; web-tree-sitter has no API to unload them). */
export function disposeParsers(): void {
  for (const p of parsers.values()) p.then((parser) => parser.delete(), () => undefined);
  parsers.clear();
}
