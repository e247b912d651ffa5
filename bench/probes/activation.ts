import Module = require('node:module');
import * as path from 'node:path';
import { DIST, REPO_ROOT } from '../paths';
import { cpuSince, emit, fail } from './probe';

// Issue 6: activation cost — loading dist/extension.js and running activate() — in a fresh process, with `vscode`
// resolved to a fake (./fakeVscode). The fake is loaded before timing starts: in the editor, vscode is already there.
// Arguments: [bundle] [--settings=<JSON of full keys → values>]: the fake's configuration serves those values, as
// for a user who set `llmFootprint.region` or `modelMappings`. The result says whether dist/engine.js was loaded.

const FAKE = path.join(__dirname, 'fakeVscode.js');
const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const original = loader._resolveFilename;
loader._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? FAKE : original.call(this, request, ...rest);
};

async function main(): Promise<void> {
  const settingsArg = process.argv.slice(2).find((a) => a.startsWith('--settings='));
  const bundleArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require(FAKE) as { Uri: { file(p: string): unknown }; setSettings(values: Record<string, unknown>): void };
  if (settingsArg) vscode.setSettings(JSON.parse(settingsArg.slice('--settings='.length)) as Record<string, unknown>);
  const context = new Proxy({
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionUri: vscode.Uri.file(REPO_ROOT),
    extensionPath: REPO_ROOT,
    extensionMode: 1,
    asAbsolutePath: (p: string) => path.join(REPO_ROOT, p),
    globalState: { get: (_k: string, d?: unknown) => d, update: async () => undefined, keys: () => [] },
    workspaceState: { get: (_k: string, d?: unknown) => d, update: async () => undefined, keys: () => [] },
  } as Record<string | symbol, unknown>, { get: (t, k) => t[k] });

  const bundle = bundleArg ?? path.join(DIST, 'extension.js');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(bundle) as { activate(ctx: unknown): unknown; deactivate?(): unknown };
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await extension.activate(context);
  const activateMs = performance.now() - t1;
  const cpuMs = cpuSince(c0);
  const subscriptions = (context.subscriptions as unknown[]).length;
  // The extension loads the engine by path from <extensionUri>/dist, whichever activation bundle runs.
  const engineLoaded = require.cache[path.join(DIST, 'engine.js')] !== undefined;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  emit({ loadMs, activateMs, totalMs: loadMs + activateMs, cpuMs, subscriptions, engineLoaded, rssMb });
  try {
    for (const d of context.subscriptions as Array<{ dispose(): unknown }>) d.dispose();
    extension.deactivate?.();
  } finally {
    process.exit(0);
  }
}

main().catch(fail);
