import * as vscode from 'vscode';
import type { FileAnalysis } from '../core/types';
import type { Log } from './log';
import type { SettingsStore } from './settingsStore';

// STUB — the editor issue builds the one analysis service (debounce, cancellation, cache by uri+version).
export class AnalysisService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidAnalyze = this.emitter.event;

  constructor(private readonly settings: SettingsStore, private readonly log: Log) {
    void this.settings; void this.log;
  }

  get(_document: vscode.TextDocument): FileAnalysis | undefined {
    return undefined;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
