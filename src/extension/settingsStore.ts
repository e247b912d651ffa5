import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import type { Log } from './log';

// STUB — the editor issue turns `llmFootprint.*` into a validated, frozen AnalysisSettings snapshot.
export class SettingsStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnalysisSettings>();
  readonly onDidChange = this.emitter.event;
  current: AnalysisSettings = DEFAULT_SETTINGS;

  constructor(private readonly log: Log) {
    void this.log;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
