import vscode = require('vscode');
import { lensContent } from '../core/present/lensText';
import { DOCUMENT_SELECTOR } from './analysisService';
import { callArgs } from './callRef';
import type { FeatureContext } from './featureContext';
import { toRange } from './toVscode';

// One lens above each detected call with its typical footprint (core/present/lensText.ts builds the text).
// Clicking shows the call's details; for an unknown model it offers to map the name to a catalog model.

export function register({ context, analysis, settings, log }: FeatureContext): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document, token) {
      try {
        if (!settings.editor.codeLensEnabled) return [];
        const result = await analysis.getOrAnalyze(document, token);
        if (!result || token.isCancellationRequested) return [];
        const options = settings.editor;
        return result.calls.map((call) => {
          const content = lensContent(call, options);
          const command: vscode.Command = content.action === 'map-model' && call.call.model
            ? { title: content.title, tooltip: content.tooltip, command: 'llmFootprint.mapModel', arguments: [call.call.model] }
            : { title: content.title, tooltip: content.tooltip, command: 'llmFootprint.showCallDetails', arguments: callArgs(document.uri, call) };
          const start = toRange(call.call.range).start;
          return new vscode.CodeLens(new vscode.Range(start, start), command);
        });
      } catch (e) {
        log.error(`CodeLens for ${document.uri.toString(true)} failed`, e);
        return [];
      }
    },
  };
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, provider),
    analysis.onDidAnalyze(() => changed.fire()),
    settings.onDidChange(() => changed.fire()),
  );
}
