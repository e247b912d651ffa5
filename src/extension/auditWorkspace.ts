import vscode = require('vscode');
import type { BudgetViolation } from '../core/audit/budgets';
import type { AuditConfig, Budgets } from '../core/audit/config';
import type { AuditResult, AuditRoot } from '../core/audit/types';
import type { FeatureContext } from './featureContext';
import { engine } from './lazyEngine';

// Runs the core audit over every workspace folder on disk, with a cancellable progress notification. Each folder
// is audited with its own llm-footprint.config.json (trusted workspaces only), its files.exclude and .gitignore;
// the editor's llmFootprint.* settings are the base the config overrides. Results merge into one AuditResult whose
// paths carry the folder name when there are several folders.

export interface WorkspaceAudit {
  result: AuditResult;
  violations: BudgetViolation[];
  budgetsConfigured: boolean;
}

/** files.exclude → gitignore-style globs (only the plain `true` entries; `when` clauses need sibling checks). */
export function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(exclude).filter(([, on]) => on === true).map(([glob]) => glob);
}

function readFolderConfig(folder: vscode.WorkspaceFolder, features: FeatureContext): AuditConfig | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  const { ConfigError, findConfig, loadConfigFile } = engine();
  const file = findConfig(folder.uri.fsPath);
  if (!file) return undefined;
  try {
    return loadConfigFile(file);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    features.log.warn(`audit: ${message} — config ignored`);
    void vscode.window.showWarningMessage(`LLM Footprint: ${message}. The audit runs without this config.`);
    return undefined;
  }
}

export async function auditWorkspace(features: FeatureContext): Promise<WorkspaceAudit | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('LLM Footprint: open a folder on disk to audit it.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'LLM Footprint: auditing workspace', cancellable: true },
    async (progress, token) => {
      const { applyConfig, assembleResult, auditPaths, evaluateBudgets } = engine();
      const parts: AuditResult[] = [];
      let budgets: Budgets | undefined;
      let reported = 0;
      for (const [index, folder] of folders.entries()) {
        if (token.isCancellationRequested) break;
        const config = readFolderConfig(folder, features);
        budgets ??= config?.budgets;
        const root: AuditRoot = {
          path: folder.uri.fsPath, base: folder.uri.fsPath, prefix: folders.length > 1 ? `${folder.name}/` : '',
          ignore: [...(config?.ignore ?? []), ...excludeGlobs(folder)],
        };
        const where = folders.length > 1 ? ` in ${folder.name} (${index + 1}/${folders.length})` : '';
        const result = await auditPaths([root], {
          settings: applyConfig(features.settings.current, config), maxFileBytes: config?.maxFileBytes, logger: features.log,
        }, token, (p) => {
          if (p.total === undefined) {
            progress.report({ message: `finding files${where}… ${p.found} found, ${p.done} analysed · ${p.calls} LLM calls` });
            return;
          }
          // The bar advances by each folder's share; the message carries the counts.
          const share = 100 / folders.length;
          const target = index * share + (p.total > 0 ? (p.done / p.total) * share : share);
          progress.report({ increment: Math.max(0, target - reported), message: `${p.done}/${p.total} files${where} · ${p.calls} LLM calls` });
          reported = Math.max(reported, target);
        });
        parts.push(result);
      }
      const result = assembleResult({
        roots: parts.flatMap((p) => p.roots),
        files: parts.flatMap((p) => p.files),
        calls: parts.flatMap((p) => p.calls),
        skipped: parts.flatMap((p) => p.skipped),
        cancelled: token.isCancellationRequested,
        region: parts[0]?.region ?? features.settings.current.region,
        defaultCallsPerDay: parts[0]?.defaultCallsPerDay ?? features.settings.current.defaultCallsPerDay,
        durationMs: parts.reduce((n, p) => n + p.durationMs, 0),
        workers: Math.max(0, ...parts.map((p) => p.workers)),
      });
      return { result, violations: evaluateBudgets(result, budgets), budgetsConfigured: budgets !== undefined };
    },
  );
}
