import vscode = require('vscode');
import type { AnalysisSettings } from '../core/settings';
import { analysisSettingsEqual, parseEditorSettings, type EditorOptions, type SettingsSnapshot } from '../core/present/editorSettings';
import { engine } from './lazyEngine';
import type { Log } from './log';

export const SECTION = 'llmFootprint';

export interface SettingsChange {
  snapshot: SettingsSnapshot;
  /** True when engine settings changed (results must be recomputed); false when only the presentation did. */
  analysisChanged: boolean;
}

/**
 * `llmFootprint.*` as one frozen snapshot, re-parsed once per configuration change. Bad values fall back to their
 * default with one warning in the log (see core/present/editorSettings.ts) — a typo never breaks the editor.
 */
export class SettingsStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  /** Fires after `current`/`editor` changed. */
  readonly onDidChange = this.emitter.event;
  private snapshot: SettingsSnapshot;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: Log) {
    this.snapshot = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const previous = this.snapshot;
      this.snapshot = this.read();
      this.emitter.fire({
        snapshot: this.snapshot,
        analysisChanged: !analysisSettingsEqual(previous.analysis, this.snapshot.analysis),
      });
    });
  }

  /** What the engine sees. */
  get current(): AnalysisSettings {
    return this.snapshot.analysis;
  }

  /** What only the editor uses: units, lens parts, on/off switches. */
  get editor(): EditorOptions {
    return this.snapshot.editor;
  }

  private read(): SettingsSnapshot {
    try {
      const config = vscode.workspace.getConfiguration(SECTION);
      // The checks need the catalog, so the engine loads at activation only for a user who set a region or mappings.
      const { snapshot, warnings } = parseEditorSettings((key) => config.get<unknown>(key), {
        isKnownRegion: (region) => engine().resolveRegion(region) !== null,
        isKnownModel: (target) => {
          const e = engine();
          return e.isSizeDeclaration(target) || e.nameCandidates(target).some((n) => e.catalogEntry(n) !== undefined);
        },
      });
      for (const w of warnings) this.log.warn(w);
      return snapshot;
    } catch (e) {
      this.log.error('Reading llmFootprint settings failed; using defaults', e);
      return parseEditorSettings(() => undefined).snapshot;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
