import * as path from 'node:path';

// WASM and tokenizer ranks are loaded from an explicit folder (dist/ next to the bundles), never found implicitly
// in node_modules: that works in development and fails once packaged. Each shell says where its assets are.
let assetsDir: string | undefined;

export function setAssetsDir(dir: string): void {
  assetsDir = dir;
}

export function assetPath(file: string): string {
  if (!assetsDir) {
    throw new Error(`LLM Footprint: assets folder not set (needed for ${file}); the shell must call setAssetsDir()`);
  }
  return path.join(assetsDir, file);
}
