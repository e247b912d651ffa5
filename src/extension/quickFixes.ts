import vscode = require('vscode');
import { fixTitle, selectFixAll } from '../core/present/fixes';
import type { Finding, Fix, FileAnalysis } from '../core/types';
import { DOCUMENT_SELECTOR } from './analysisService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { FeatureContext } from './featureContext';
import { sameRange, toTextEdit } from './toVscode';

// The core computes every fix from syntax trees (issue 7); this file only turns them into code actions:
// QuickFix actions attached to the matching diagnostic, and one "fix all" source action. Fixes are offered only
// from a result for the document's current version — edits computed for older text would land in the wrong place.

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('llmFootprint');
export const FIX_ALL_TITLE = 'Fix all LLM Footprint issues in file';

export function register({ context, analysis, log }: FeatureContext): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, range, actionContext, token) {
      try {
        const result = await analysis.getOrAnalyze(document, token);
        if (!result || token.isCancellationRequested || analysis.get(document) !== result) return [];
        const actions: vscode.CodeAction[] = [];
        const only = actionContext.only;
        if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
          actions.push(...quickFixActions(document, range, actionContext, result));
        }
        if (wantsFixAll(actionContext)) {
          const fixAll = fixAllAction(document, result);
          if (fixAll) actions.push(fixAll);
        }
        return actions;
      } catch (e) {
        log.error(`Code actions for ${document.uri.toString(true)} failed`, e);
        return [];
      }
    },
  };
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  }));
}

function quickFixActions(
  document: vscode.TextDocument, range: vscode.Range | vscode.Selection, actionContext: vscode.CodeActionContext, result: FileAnalysis,
): vscode.CodeAction[] {
  const findings = result.calls.flatMap((c) => c.findings);
  // Attach to our diagnostics in the request (the light bulb on a squiggle); with diagnostics switched off, still
  // offer fixes for findings under the cursor so the refactors stay reachable.
  const ours = actionContext.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const pairs: Array<{ finding: Finding; diagnostic?: vscode.Diagnostic }> = [];
  for (const finding of findings) {
    const diagnostic = ours.find((d) => codeOf(d) === finding.code && sameRange(d.range, finding.range));
    if (diagnostic) pairs.push({ finding, diagnostic });
    else if (ours.length === 0 && intersects(range, finding)) pairs.push({ finding });
  }
  return pairs.flatMap(({ finding, diagnostic }) => finding.fixes.filter((fix) => fix.edits.length > 0).map((fix) => {
    const action = new vscode.CodeAction(fixTitle(fix), vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEdit(document.uri, [fix]);
    if (diagnostic) action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred === true;
    return action;
  }));
}

/**
 * "Fix all" can switch models and rewrite calls, so it is not applied by a generic `"source.fixAll": true` on save:
 * only when the user asks (Source Action… / the light bulb) or names our kind (`"source.fixAll.llmFootprint"`).
 */
function wantsFixAll(actionContext: vscode.CodeActionContext): boolean {
  const only = actionContext.only;
  if (only && FIX_ALL_KIND.value === only.value) return true;
  if (only && !only.contains(FIX_ALL_KIND)) return false;
  return actionContext.triggerKind === vscode.CodeActionTriggerKind.Invoke;
}

function fixAllAction(document: vscode.TextDocument, result: FileAnalysis): vscode.CodeAction | undefined {
  const selected = selectFixAll(result.calls.flatMap((c) => c.findings));
  if (selected.length === 0) return undefined;
  const action = new vscode.CodeAction(`${FIX_ALL_TITLE} (${selected.length})`, FIX_ALL_KIND);
  action.edit = workspaceEdit(document.uri, selected.map((s) => s.fix));
  return action;
}

function workspaceEdit(uri: vscode.Uri, fixes: Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, fixes.flatMap((f) => f.edits.map(toTextEdit)));
  return edit;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function intersects(range: vscode.Range, finding: Finding): boolean {
  const r = finding.range;
  const fr = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  return fr.intersection(range) !== undefined;
}
