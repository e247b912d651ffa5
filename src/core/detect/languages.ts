import type { LanguageId } from '../types';

/** The tree-sitter grammar that parses a language: .ts → typescript, .tsx → tsx, .js/.jsx → javascript. */
export type Grammar = 'python' | 'typescript' | 'tsx' | 'javascript';

const EXTENSIONS: Record<string, LanguageId> = {
  '.py': 'python', '.pyi': 'python',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
};

export function languageFromPath(file: string): LanguageId | null {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || file.lastIndexOf('/') > dot || file.lastIndexOf('\\') > dot) return null;
  return EXTENSIONS[file.slice(dot).toLowerCase()] ?? null;
}

export function grammarFor(language: LanguageId): Grammar {
  switch (language) {
    case 'python': return 'python';
    case 'typescript': return 'typescript';
    case 'typescriptreact': return 'tsx';
    // The javascript grammar parses JSX too.
    case 'javascript': case 'javascriptreact': return 'javascript';
  }
}
