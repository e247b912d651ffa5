// `import vscode = require` in every extension file: `import * as vscode` makes esbuild copy all ~200 API members
// into a new namespace object once per importing module when the bundle loads (~10 ms of activation in profiles).
import vscode = require('vscode');
import { AnalysisService } from './analysisService';
import * as auditCommand from './auditCommand';
import * as codeLens from './codeLens';
import * as commands from './commands';
import * as diagnostics from './diagnostics';
import * as hover from './hover';
import { configureEngine, disposeEngine } from './lazyEngine';
import { createLog } from './log';
import * as quickFixes from './quickFixes';
import { SettingsStore } from './settingsStore';
import * as statusBar from './statusBar';
import type { FeatureContext } from './featureContext';

// Activation reads like a table of contents: build the services, then let each feature register itself.
// Every disposable lands in context.subscriptions; nothing heavy happens here: the engine (dist/engine.js) loads
// when the first document with SDK markers opens or a command needs it, the tokenizer thread starts with it.
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  configureEngine(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, (line) => log.warn(line));
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
  disposeEngine();
}
