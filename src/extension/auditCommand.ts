import * as vscode from 'vscode';
import type { FeatureContext } from './featureContext';

// STUB — the audit issue replaces this with the real Audit Workspace command, tree view and report.
export function register({ context, log }: FeatureContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('llmFootprint.auditWorkspace', async () => {
      log.info('Audit Workspace (stub)');
      return { calls: 0 };
    }),
  );
}
