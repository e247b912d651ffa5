// ESLint 9 flat config. Two rules carry the architecture (../shared/STYLE.md):
//  - `src/core/**` and `src/cli/**` never import `vscode`: one engine, two shells, arrows point one way;
//  - no floating promises in src (type-aware): a forgotten await in a provider loses errors silently.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

const noVscodeInEngine = [
  'error',
  {
    paths: [{ name: 'vscode', message: 'src/core and src/cli must not depend on the VS Code API: pass plain data in from src/extension.' }],
    patterns: [{ group: ['**/extension/*', '**/extension'], message: 'src/core and src/cli must not import from src/extension.' }],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'bench/tree/**',
      // Sample code that calls LLM SDKs we do not install: analysed by the extension, never compiled.
      'test/fixtures/**', 'test/integration/workspace/**', 'demo/**',
      '**/*.js', '**/*.cjs', '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import x = require('m')` is TypeScript's own form for CommonJS modules declared with `export =`.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    // Tests poke at parsed JSON documents (CLI output, SARIF) whose shape is what is under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': noVscodeInEngine },
  },
);
