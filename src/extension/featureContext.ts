import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { Log } from './log';
import type { SettingsStore } from './settingsStore';

/** What every feature's `register()` receives: the services, and the store its disposables belong to. */
export interface FeatureContext {
  context: vscode.ExtensionContext;
  log: Log;
  settings: SettingsStore;
  analysis: AnalysisService;
}
