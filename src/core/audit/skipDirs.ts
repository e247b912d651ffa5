// Folders that never hold the project's own source: dependencies, VCS data, build outputs, caches, virtualenvs and
// vendored copies. Walking them would multiply the audit time (node_modules alone is often 100× the source) and report
// other people's calls as ours. A folder holding `pyvenv.cfg` is a virtualenv whatever its name (PEP 405).
export const SKIPPED_DIR_NAMES: ReadonlySet<string> = new Set([
  // dependencies
  'node_modules', 'bower_components', 'jspm_packages', 'site-packages', 'dist-packages', '.yarn', '.pnpm-store',
  // version control
  '.git', '.hg', '.svn',
  // build outputs
  'dist', 'build', 'out', '.next', '.nuxt', '.output', '.svelte-kit', '.vercel', '.turbo', '.parcel-cache',
  '.serverless', '.angular', 'coverage', '.nyc_output', '.vscode-test',
  // python caches and environments
  '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs',
  '.ipynb_checkpoints',
  // vendored code
  'vendor', 'vendors', 'third_party', 'third-party',
  // misc caches
  '.cache', '.gradle', '.terraform',
]);

/** Marks a Python virtual environment (PEP 405), whatever the folder is called. */
export const VENV_MARKER = 'pyvenv.cfg';

export function isSkippedDirName(name: string): boolean {
  return SKIPPED_DIR_NAMES.has(name) || name.endsWith('.egg-info');
}

/** Declaration files describe APIs, they never call them. */
export function isDeclarationFile(name: string): boolean {
  return /\.d\.[cm]?ts$/i.test(name);
}

/** Minified by name: vendored bundles are shipped this way. */
export function isMinifiedName(name: string): boolean {
  return /[.-]min\.[cm]?js$/i.test(name) || /\.bundle\.[cm]?js$/i.test(name);
}
