import vscode = require('vscode');
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import { catalogChecks, DeferredSettings } from '../core/present/deferredSettings';
import type { EditorOptions } from '../core/present/editorSettings';
import { engine, isEngineLoaded, onEngineLoaded, type EngineModule } from './lazyEngine';
import type { Log } from './log';

export const SECTION = 'llmFootprint';

export interface SettingsChange {
  /** True when engine settings changed (results must be recomputed); false when only the presentation did. */
  analysisChanged: boolean;
}

/**
 * `llmFootprint.*` as one frozen snapshot, re-parsed once per configuration change. Bad values fall back to their
 * default with one warning in the log (see core/present/editorSettings.ts) — a typo never breaks the editor.
 *
 * The region and the mapping targets are checked against the catalog, which is in the lazily loaded engine: that
 * check waits until the engine loads (for the first document with SDK markers, or a command), so activation never
 * loads it (core/present/deferredSettings.ts). `current`, what analyses read, is always the checked snapshot.
 */
export class SettingsStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  /** Fires after `current`/`editor` changed. */
  readonly onDidChange = this.emitter.event;
  private settings: DeferredSettings;
  private readonly subscriptions: Array<{ dispose(): unknown }> = [];

  constructor(private readonly log: Log) {
    this.settings = this.read();
    if (isEngineLoaded()) this.check(engine());
    // In the engine() call that loads it, before any analysis uses it; the warnings reach the log then.
    const stopListening = onEngineLoaded((e) => this.check(e));
    this.subscriptions.push({ dispose: stopListening }, vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const previous = this.settings;
      this.settings = this.read();
      // Once the engine is there, checking costs nothing: do it now, as the configuration changes.
      if (isEngineLoaded()) this.check(engine());
      this.emitter.fire({ analysisChanged: !this.settings.sameAnalysis(previous) });
    }));
  }

  /** What the engine sees: region and mappings checked against the catalog (this loads the engine if need be). */
  get current(): AnalysisSettings {
    const checked = this.settings.checked;
    if (checked) return checked.analysis;
    try {
      // Loading the engine runs the check through onEngineLoaded; if it was loaded already, check here.
      this.check(engine());
    } catch (e) {
      // Not remembered: the analysis that follows fails to load the engine too, and a later load checks as usual.
      this.log.error('Loading the engine to check llmFootprint.region and modelMappings failed; using defaults', e);
      return DEFAULT_SETTINGS;
    }
    return (this.settings.checked ?? this.settings.useDefaults()).analysis;
  }

  /** What only the editor uses: units, lens parts, on/off switches. */
  get editor(): EditorOptions {
    return this.settings.editor;
  }

  private read(): DeferredSettings {
    let settings: DeferredSettings;
    try {
      const config = vscode.workspace.getConfiguration(SECTION);
      settings = new DeferredSettings((key) => config.get<unknown>(key));
    } catch (e) {
      this.log.error('Reading llmFootprint settings failed; using defaults', e);
      settings = new DeferredSettings(() => undefined);
    }
    for (const w of settings.warnings) this.log.warn(w);
    return settings;
  }

  /** Checks the current configuration against the catalog (once per configuration) and logs what that adds. */
  private check(e: EngineModule): void {
    if (this.settings.checked) return;
    try {
      for (const w of this.settings.check(catalogChecks(e))) this.log.warn(w);
    } catch (error) {
      this.log.error('Checking llmFootprint.region and modelMappings against the catalog failed; using defaults', error);
      this.settings.useDefaults();
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
