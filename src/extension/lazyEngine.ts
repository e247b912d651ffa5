import * as path from 'node:path';
import { WorkerTokenCounter } from '../core/tokens/workerCounter';
import type * as Engine from './engine';

// Loads dist/engine.js on first use and configures it: its assets folder, and the tokenizer thread as its token
// counter. `require` is synchronous, so callers that run after an analysis result exists (lens, hover, commands)
// simply call engine(); the first caller pays the load (~40 ms of the ~50 ms activation it used to add).
// No VS Code import here (nor in editorAnalysis.ts): the bench probes drive the editor's analysis path directly.

export type EngineModule = typeof Engine;

let distDir: string | undefined;
let loaded: EngineModule | undefined;
let counter: WorkerTokenCounter | undefined;
const loadListeners = new Set<(engine: EngineModule) => void>();

/** Called once by activate(): where the bundles and their WASM/ranks are (dist/). */
export function configureEngine(dir: string, log: (message: string) => void): void {
  distDir = dir;
  counter = new WorkerTokenCounter({
    script: path.join(dir, 'tokenizerWorker.js'),
    assetsDir: dir,
    fallback: () => engine().IN_THREAD_COUNTER,
    log,
  });
}

/** The tokenizer thread's counter, so a warm-up can start before the engine has even loaded. */
export function tokenCounter(): WorkerTokenCounter | undefined {
  return counter;
}

export function engine(): EngineModule {
  if (!loaded) {
    if (!distDir) throw new Error('LLM Footprint: engine used before activation');
    // By path, so esbuild leaves it alone and the bench probes (run from out/) load the same bundle the editor does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(distDir, 'engine.js')) as EngineModule;
    module.setAssetsDir(distDir);
    if (counter) module.setTokenCounter(counter);
    loaded = module;
    // After `loaded` is set: a listener may call engine() again.
    for (const listener of [...loadListeners]) listener(module);
  }
  return loaded;
}

/** Whether dist/engine.js is loaded: what costs nothing to do with it now would have cost its load before. */
export function isEngineLoaded(): boolean {
  return loaded !== undefined;
}

/**
 * Calls `listener` once the engine has loaded, in the engine() call that loads it, before that call returns (so
 * before any caller uses the engine). Never called if the engine was loaded already: check isEngineLoaded() first.
 * The listener must not throw. Returns the unsubscribe.
 */
export function onEngineLoaded(listener: (engine: EngineModule) => void): () => void {
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}

/** Frees the encoders (the tokenizer thread ends) and parsers; nothing loads if the engine never did. */
export function disposeEngine(): void {
  counter?.dispose();
  if (loaded) {
    loaded.disposeEncoders();
    loaded.disposeDetection();
    loaded.setTokenCounter(undefined);
  }
}
