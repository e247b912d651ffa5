import vscode = require('vscode');
import type { Finding } from '../core/types';
import type { FeatureContext } from './featureContext';
import { toRange, toSeverity } from './toVscode';

// Findings as diagnostics: one collection, source "LLM Footprint", the stable finding code linking to its section
// in docs/findings.md inside the extension. Messages are the core's, so the Problems panel and the CLI agree.

export const DIAGNOSTIC_SOURCE = 'LLM Footprint';

export function register({ context, analysis, settings, log }: FeatureContext): void {
  const collection = vscode.languages.createDiagnosticCollection('llmFootprint');
  const docsUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'findings.md');

  const toDiagnostic = (finding: Finding): vscode.Diagnostic => {
    // The core applied the severity settings (user settings, then the team config) and left out codes set to 'off'.
    const d = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: finding.code, target: docsUri.with({ fragment: finding.code }) };
    return d;
  };

  const refresh = (document: vscode.TextDocument): void => {
    try {
      if (!settings.editor.diagnosticsEnabled || !analysis.isAnalysable(document)) {
        collection.delete(document.uri);
        return;
      }
      // Only a result for the current version is shown; an outdated one would point at moved text.
      const result = analysis.get(document);
      if (!result) return;
      const diagnostics = result.calls.flatMap((c) => c.findings).map(toDiagnostic);
      collection.set(document.uri, diagnostics);
    } catch (e) {
      log.error(`Diagnostics for ${document.uri.toString(true)} failed`, e);
    }
  };

  const documentFor = (uri: vscode.Uri): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());

  context.subscriptions.push(
    collection,
    analysis.onDidAnalyze((uri) => {
      const doc = documentFor(uri);
      if (doc) refresh(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    // An untitled URI is reused after its document closed: never show the previous document's findings on it.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (!analysis.get(d)) collection.delete(d.uri);
    }),
    settings.onDidChange((change) => {
      // Engine changes bring new results through onDidAnalyze; presentation changes (on/off) apply right away.
      if (!change.analysisChanged) for (const d of vscode.workspace.textDocuments) refresh(d);
      else if (!settings.editor.diagnosticsEnabled) collection.clear();
    }),
  );
  for (const d of vscode.workspace.textDocuments) refresh(d);
}
