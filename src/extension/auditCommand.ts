import vscode = require('vscode');
import type { AuditResult } from '../core/audit/types';
import { EXPORT_FORMATS, type ExportFormat } from '../webview/messages';
import { AuditStore } from './auditStore';
import { registerAuditTree } from './auditTree';
import { auditWorkspace } from './auditWorkspace';
import type { FeatureContext } from './featureContext';
import { ReportPanel } from './reportPanel';

// Audit Workspace: run the audit with progress, fill the tree, open the report. The command returns the AuditResult
// (plain data) so tests and other extensions can read it; errors are logged and shown, never thrown.

export function register(features: FeatureContext): void {
  const { context, log } = features;
  const store = new AuditStore();
  const report = new ReportPanel(features, store);
  registerAuditTree(features, store);
  let running: Promise<AuditResult | undefined> | undefined;

  const run = async (): Promise<AuditResult | undefined> => {
    try {
      const audit = await auditWorkspace(features);
      if (!audit) return undefined;
      store.set(audit);
      const t = audit.result.totals;
      log.info(`audit: ${t.calls} calls in ${t.filesAnalysed} files (${t.skipped} skipped) in ${audit.result.durationMs} ms`
        + `${audit.result.workers ? ` with ${audit.result.workers} workers` : ''}${audit.result.cancelled ? ' — cancelled' : ''}`);
      if (audit.result.cancelled) {
        void vscode.window.showInformationMessage(`LLM Footprint: audit cancelled — showing partial results (${t.filesAnalysed} files).`);
      }
      if (audit.violations.length > 0) {
        void vscode.window.showWarningMessage(`LLM Footprint: ${audit.violations.length} budget violation(s) — see the report.`);
      }
      report.show();
      return audit.result;
    } catch (error) {
      log.error('Audit Workspace failed', error);
      void vscode.window.showErrorMessage('LLM Footprint: the audit failed — see the log (LLM Footprint: Show Log).');
      return undefined;
    }
  };

  context.subscriptions.push(
    store,
    report,
    vscode.commands.registerCommand('llmFootprint.auditWorkspace', () => {
      // A second invocation while one runs joins it instead of starting a parallel walk.
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    }),
    vscode.commands.registerCommand('llmFootprint.showReport', async () => {
      if (!store.result) return (await vscode.commands.executeCommand<AuditResult | undefined>('llmFootprint.auditWorkspace')) !== undefined;
      report.show();
      return true;
    }),
    vscode.commands.registerCommand('llmFootprint.exportReport', async (format?: unknown, target?: unknown) => {
      let chosen = typeof format === 'string' && (EXPORT_FORMATS as readonly string[]).includes(format) ? format as ExportFormat : undefined;
      chosen ??= await vscode.window.showQuickPick([...EXPORT_FORMATS], { placeHolder: 'Export the audit as…' }) as ExportFormat | undefined;
      if (!chosen) return undefined;
      const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.file(target) : undefined;
      return (await report.exportTo(chosen, uri))?.fsPath;
    }),
    vscode.commands.registerCommand('llmFootprint.reportIsOpen', () => report.isOpen),
  );
}
