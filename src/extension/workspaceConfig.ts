import vscode = require('vscode');
import type { AuditConfig } from '../core/audit/config';
import type { AnalysisSettings } from '../core/settings';
import { CONFIG_FILE_GLOB } from './configFileGlob';
import { engine } from './lazyEngine';
import type { Log } from './log';

// The team's `llm-footprint.config.json` (region, volumes, model mappings, severities) applies in the editor exactly
// as in `llm-footprint audit` and Audit Workspace — user settings overridden by the config (core/audit/config.ts
// applyConfig) — so a lens never disagrees with CI. Read once per folder and again when the file changes; only in
// trusted workspaces (package.json capabilities); a malformed file is reported once and ignored.

export class WorkspaceConfigs implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** A config file was created, changed or deleted: results computed with the old one are outdated. */
  readonly onDidChange = this.emitter.event;
  private readonly cache = new Map<string, AuditConfig | null>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
    const changed = (): void => {
      this.cache.clear();
      this.emitter.fire();
    };
    this.subscriptions.push(
      watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeWorkspaceFolders(changed),
      vscode.workspace.onDidGrantWorkspaceTrust(changed),
    );
  }

  /** The engine settings for a document: `base` with its workspace folder's config applied (untitled: the first folder's). */
  settingsFor(uri: vscode.Uri, base: AnalysisSettings): AnalysisSettings {
    if (!vscode.workspace.isTrusted) return base;
    const folder = vscode.workspace.getWorkspaceFolder(uri)
      ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
    if (!folder || folder.uri.scheme !== 'file') return base;
    const config = this.configOf(folder);
    return config ? engine().applyConfig(base, config) : base;
  }

  private configOf(folder: vscode.WorkspaceFolder): AuditConfig | undefined {
    const key = folder.uri.toString();
    if (this.cache.has(key)) return this.cache.get(key) ?? undefined;
    let config: AuditConfig | null = null;
    const { ConfigError, findConfig, loadConfigFile } = engine();
    try {
      const file = findConfig(folder.uri.fsPath);
      if (file) {
        config = loadConfigFile(file);
        this.log.info(`Using ${file} for the editor's estimates`);
      }
    } catch (e) {
      const message = e instanceof ConfigError ? e.message : String(e);
      this.log.warn(`${message} — config ignored in the editor`);
      void vscode.window.showWarningMessage(`LLM Footprint: ${message}. Estimates use your settings until it is fixed.`);
    }
    this.cache.set(key, config);
    return config ?? undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
