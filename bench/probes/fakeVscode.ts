import * as fs from 'node:fs';
import * as path from 'node:path';

// A stand-in for the `vscode` module, just enough for `activate()` to run outside the editor so its cost can be
// timed. Known members behave plausibly (Uri paths, EventEmitter, configuration defaults); anything else is an
// "auto" value that can be read, called or constructed and yields another auto value — never a thenable, so an
// awaited registration resolves.

type Fn = (...args: unknown[]) => unknown;

function auto(name: string): unknown {
  const target = function fake(): void { /* callable */ } as unknown as Fn;
  // Properties the extension assigns (statusBarItem.text = …) are kept and read back.
  const assigned = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    set(_t, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_t, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* empty(): Generator<never> { /* nothing */ };
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'toString' || key === 'toJSON') return () => name;
      if (key === 'dispose') return () => undefined;
      if (typeof key === 'symbol') return undefined;
      return auto(`${name}.${key}`);
    },
    apply(_t, _this, args: unknown[]) {
      // configuration.get(key, default) → the default; configuration.get(key) → undefined.
      if (name.endsWith('.get')) return args[1];
      if (name.endsWith('.has')) return false;
      if (name.endsWith('l10n.t')) return String(args[0] ?? '');
      return auto(`${name}()`);
    },
    construct() {
      return auto(`new ${name}`) as object;
    },
  });
}

export class Uri {
  constructor(readonly fsPath: string, readonly scheme = 'file') {}
  get path(): string { return this.fsPath; }
  toString(): string { return `${this.scheme}://${this.fsPath}`; }
  with(): Uri { return this; }
  static file(p: string): Uri { return new Uri(p); }
  static parse(s: string): Uri { return new Uri(s.replace(/^[a-z]+:\/\//, ''), s.split(':')[0] ?? 'file'); }
  static joinPath(base: Uri, ...parts: string[]): Uri { return new Uri(path.join(base.fsPath, ...parts), base.scheme); }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void { for (const l of this.listeners) l(e); }
  dispose(): void { this.listeners.clear(); }
}

export class Disposable {
  constructor(private readonly fn?: () => void) {}
  dispose(): void { this.fn?.(); }
  static from(...items: Array<{ dispose(): unknown }>): Disposable { return new Disposable(() => items.forEach((d) => d.dispose())); }
}

// Values for `workspace.getConfiguration(section).get(key)`, by full key ('llmFootprint.region'): a probe sets them
// before loading the extension, to measure activation for a user who changed settings. Unset keys give the default.
// Setting them again fires workspace.onDidChangeConfiguration, as a user's edit does (test/unit/settingsStoreHost.ts).
const settings = new Map<string, unknown>();
const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

export function setSettings(values: Readonly<Record<string, unknown>>): void {
  const changed = [...new Set([...settings.keys(), ...Object.keys(values)])]
    .filter((k) => JSON.stringify(settings.get(k)) !== JSON.stringify(values[k]));
  settings.clear();
  for (const [key, value] of Object.entries(values)) settings.set(key, value);
  configurationChanged.fire({ affectsConfiguration: (section) => changed.some((k) => k === section || k.startsWith(`${section}.`)) });
}

function getConfiguration(section?: string): unknown {
  const full = (key: string): string => (section ? `${section}.${key}` : key);
  return {
    get: (key: string, fallback?: unknown) => (settings.has(full(key)) ? settings.get(full(key)) : fallback),
    has: (key: string) => settings.has(full(key)),
    inspect: (key: string) => ({ key: full(key), globalValue: settings.get(full(key)) }),
    update: async () => undefined,
  };
}

const known: Record<string, unknown> = {
  Uri, EventEmitter, Disposable,
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  workspace: new Proxy({
    workspaceFolders: undefined, textDocuments: [], isTrusted: true, name: undefined, getConfiguration,
    onDidChangeConfiguration: configurationChanged.event,
  } as Record<string | symbol, unknown>, { get: (t, k) => (k in t ? t[k] : auto(`workspace.${String(k)}`)) }),
  window: new Proxy({ activeTextEditor: undefined, visibleTextEditors: [] } as Record<string | symbol, unknown>,
    { get: (t, k) => (k in t ? t[k] : auto(`window.${String(k)}`)) }),
};

// Bundlers copy a module's own keys (esbuild's __toESM), so every top-level name of the real API must exist as a key:
// they are read from @types/vscode, the same declarations the extension is compiled against.
const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
for (const m of declarations.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)) {
  const name = m[1]!;
  if (!(name in known)) known[name] = auto(name);
}

known.setSettings = setSettings;
module.exports = known;
