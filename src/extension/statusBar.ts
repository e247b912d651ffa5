import vscode = require('vscode');
import { statusText, statusTooltip } from '../core/present/statusText';
import { fileTotals } from '../core/present/totals';
import type { FeatureContext } from './featureContext';

// The active file's total: each call once ("per run"), plus per day where volumes are known. Hidden for files we
// do not analyse and files without LLM calls, so it only takes space where it says something.

export function register({ context, analysis, settings, log }: FeatureContext): void {
  const item = vscode.window.createStatusBarItem('llmFootprint.fileTotal', vscode.StatusBarAlignment.Right, 100);
  item.name = 'LLM Footprint: file total';
  item.command = 'llmFootprint.auditWorkspace';

  let shownUri: string | undefined;
  const update = (): void => {
    try {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !analysis.isAnalysable(document) || !settings.editor.statusBarEnabled) {
        item.hide();
        shownUri = undefined;
        return;
      }
      const result = analysis.get(document);
      if (!result) {
        // While a new version of the same file is analysed keep its previous figures rather than flicker.
        if (shownUri !== document.uri.toString()) item.hide();
        return;
      }
      if (result.calls.length === 0) {
        item.hide();
        shownUri = undefined;
        return;
      }
      shownUri = document.uri.toString();
      const totals = fileTotals(result.calls);
      item.text = statusText(totals, settings.editor.units);
      item.tooltip = new vscode.MarkdownString(statusTooltip(totals, settings.editor.units));
      item.show();
    } catch (e) {
      log.error('Status bar update failed', e);
    }
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => update()),
    analysis.onDidAnalyze((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) update();
    }),
    settings.onDidChange(() => update()),
  );
  update();
}
