// `import vscode = require` in every extension file: `import * as vscode` makes esbuild copy all ~200 API members
// into a new namespace object once per importing module when the bundle loads (~10 ms of activation in profiles).
import vscode = require('vscode');
import { setAssetsDir } from '../core/assets';
import { disposeDetection } from '../core/detect';
import { disposeEncoders } from '../core/tokens';
import { AnalysisService } from './analysisService';
import * as auditCommand from './auditCommand';
import * as codeLens from './codeLens';
import * as commands from './commands';
import * as diagnostics from './diagnostics';
import * as hover from './hover';
import { createLog } from './log';
import * as quickFixes from './quickFixes';
import { SettingsStore } from './settingsStore';
import * as statusBar from './statusBar';
import type { FeatureContext } from './featureContext';

// Activation reads like a table of contents: build the services, then let each feature register itself.
// Every disposable lands in context.subscriptions; nothing heavy happens here (WASM loads on first analysis).
export function activate(context: vscode.ExtensionContext): void {
  setAssetsDir(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath);
  const log = createLog();
  const settings = new SettingsStore(log);
  const analysis = new AnalysisService(settings, log);
  context.subscriptions.push(log.channel, settings, analysis);

  const features: FeatureContext = { context, log, settings, analysis };
  for (const feature of [codeLens, hover, diagnostics, quickFixes, statusBar, commands, auditCommand]) {
    feature.register(features);
  }
  log.info('LLM Footprint activated');
}

export function deactivate(): void {
  disposeEncoders();
  disposeDetection();
}
