import Module = require('node:module');
import * as path from 'node:path';

// Runs the real SettingsStore (src/extension/settingsStore.ts, compiled) in its own process, with `vscode` resolved
// to the bench's fake (bench/probes/fakeVscode.ts, which serves configuration values and fires configuration
// changes) and the real engine bundle (dist/engine.js) behind lazyEngine. A fresh process, because whether
// dist/engine.js was loaded is the point, and the mocha process may have loaded it already (extensionSplit.test.ts).
// Usage: node settingsStoreHost.js <scenario>; prints one JSON line (see settingsStore.test.ts for the scenarios).

const REPO_ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(REPO_ROOT, 'dist');
const ENGINE = path.join(DIST, 'engine.js');
const FAKE = path.join(REPO_ROOT, 'out', 'bench', 'probes', 'fakeVscode.js');

const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const original = loader._resolveFilename;
loader._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? FAKE : original.call(this, request, ...rest);
};

/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the resolver above is in place */
const fake = require(FAKE) as { setSettings(values: Record<string, unknown>): void };
const { SettingsStore } = require('../../src/extension/settingsStore') as typeof import('../../src/extension/settingsStore');
const { configureEngine, disposeEngine, engine } = require('../../src/extension/lazyEngine') as typeof import('../../src/extension/lazyEngine');
/* eslint-enable @typescript-eslint/no-require-imports */

const S = 'llmFootprint.';
const INVALID = { [`${S}region`]: 'XX-NOWHERE', [`${S}modelMappings`]: { team: 'gpt-4oo', big: '70b' }, [`${S}units`]: 'metric' };

const warnings: string[] = [];
const errors: string[] = [];
const log = {
  info: () => undefined,
  warn: (m: string) => void warnings.push(m),
  error: (m: string, e?: unknown) => void errors.push(`${m}: ${String(e)}`),
  channel: undefined as never,
};
const engineLoaded = (): boolean => require.cache[ENGINE] !== undefined;
type Store = InstanceType<typeof SettingsStore>;
const view = (store: Store): object => ({
  engineLoaded: engineLoaded(), warnings: [...warnings], errors: [...errors],
  units: store.editor.units,
});
const analysis = (store: Store): object => ({ region: store.current.region, modelMappings: store.current.modelMappings });

function main(scenario: string): object {
  configureEngine(DIST, () => undefined);
  fake.setSettings(INVALID);
  const store = new SettingsStore(log);
  const changes: boolean[] = [];
  store.onDidChange((c) => changes.push(c.analysisChanged));
  const activation = view(store);
  try {
    if (scenario === 'engine-loads-first') {
      // As the first document with SDK markers does: the engine loads, then the analysis reads the settings.
      engine();
      const atLoad = view(store);
      const first = analysis(store);
      const again = analysis(store);
      return { activation, atLoad, first, again, after: view(store) };
    }
    if (scenario === 'current-first') {
      const first = analysis(store);
      return { activation, first, after: view(store) };
    }
    if (scenario === 'changes') {
      const steps: object[] = [];
      for (const region of ['FR', 'YY-NOWHERE', 'ZZ-NOWHERE']) {
        // The first change arrives before the engine has loaded: nothing is checked (nor loaded) then.
        fake.setSettings({ ...INVALID, [`${S}region`]: region });
        steps.push({ region, engineLoaded: engineLoaded(), warnings: [...warnings], changes: [...changes], analysis: analysis(store) });
      }
      return { activation, steps };
    }
    throw new Error(`unknown scenario ${scenario}`);
  } finally {
    store.dispose();
    disposeEngine();
  }
}

try {
  process.stdout.write(`${JSON.stringify(main(process.argv[2] ?? ''))}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
