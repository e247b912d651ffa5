// Audit Workspace inside a real VS Code: the command walks the workspace (honouring .gitignore), returns its result,
// fills the tree view, opens the report webview, opens a call from the tree and exports a report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditResult } from '../../../src/core/audit/types';

const EXTENSION_ID = 'llm-footprint.llm-footprint';

interface TreeSnapshot {
  label: string;
  description: string;
  children: string[];
}

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('llmFootprint.report'));
}

describe('audit: Audit Workspace in a real VS Code', function () {
  this.timeout(120_000);
  let result: AuditResult | undefined;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    result = await vscode.commands.executeCommand<AuditResult>('llmFootprint.auditWorkspace');
  });

  it('returns the audit result with the workspace calls, honouring .gitignore', () => {
    assert.ok(result, 'the command returned nothing');
    assert.equal(result.cancelled, false);
    const files = result.files.map((f) => f.file);
    assert.ok(files.includes('audit/classify_reviews.py'), files.join(', '));
    assert.ok(files.includes('audit/lib/answer.ts'), files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('audit/generated/')), 'a .gitignored folder was audited');
    const classify = result.calls.find((c) => c.file === 'audit/classify_reviews.py');
    assert.ok(classify, 'the gpt-4o call was not found');
    assert.equal(classify.analysis.call.model, 'gpt-4o');
    assert.equal(classify.analysis.call.range.start.line, 11, '0-based line of `client.chat.completions.create(`');
    assert.equal(classify.analysis.callsPerDay, 10_000);
    assert.ok(result.calls.some((c) => c.file === 'audit/lib/answer.ts' && c.analysis.call.provider === 'anthropic'));
    assert.equal(result.totals.calls, result.calls.length);
  });

  it('fills the tree by file, then by model', async () => {
    const byFile = await vscode.commands.executeCommand<TreeSnapshot[]>('llmFootprint.auditTreeSnapshot');
    assert.match(byFile[0]!.label, /^Total: \d+ calls?$/);
    assert.match(byFile[0]!.description, /Wh\/run/);
    const group = byFile.find((g) => g.label === 'audit/classify_reviews.py');
    assert.ok(group, byFile.map((g) => g.label).join(', '));
    assert.equal(group.children.length, 1);
    assert.match(group.children[0]!, /^gpt-4o · chat \(line 12\)$/);
    assert.match(group.description, /1 call · .*Wh\/run · .*Wh\/day/);
    await vscode.commands.executeCommand('llmFootprint.auditGroupByModel');
    try {
      const byModel = await vscode.commands.executeCommand<TreeSnapshot[]>('llmFootprint.auditTreeSnapshot');
      const model = byModel.find((g) => g.children.includes('audit/classify_reviews.py:12'));
      assert.ok(model, JSON.stringify(byModel));
      assert.match(model.label, /gpt-4o/);
    } finally {
      await vscode.commands.executeCommand('llmFootprint.auditGroupByFile');
    }
  });

  it('opens the report webview', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('llmFootprint.reportIsOpen'), true);
    assert.equal(reportTabs().length, 1, 'one report tab');
    // Showing it again reuses the panel.
    assert.equal(await vscode.commands.executeCommand<boolean>('llmFootprint.showReport'), true);
    assert.equal(reportTabs().length, 1);
  });

  it('selecting a call opens the file at the call', async () => {
    const call = result?.calls.find((c) => c.file === 'audit/classify_reviews.py');
    assert.ok(call);
    // The tree item's command, as VS Code runs it on selection.
    const r = call.analysis.call.range;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(call.absPath), {
      selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.fsPath, call.absPath);
    assert.equal(editor.selection.start.line, 11);
  });

  it('honours files.exclude', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    const hadSettings = fs.existsSync(settingsFile);
    const files = vscode.workspace.getConfiguration('files', folder.uri);
    const before = files.inspect<Record<string, boolean>>('exclude')?.workspaceValue;
    await files.update('exclude', { ...before, '**/lib/**': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const excluded = await vscode.commands.executeCommand<AuditResult>('llmFootprint.auditWorkspace');
      assert.ok(excluded);
      assert.ok(!excluded.files.some((f) => f.file === 'audit/lib/answer.ts'), 'a files.exclude match was audited');
      assert.ok(excluded.files.some((f) => f.file === 'audit/classify_reviews.py'));
    } finally {
      await files.update('exclude', before, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) fs.rmSync(path.join(folder.uri.fsPath, '.vscode'), { recursive: true, force: true });
      // Leave the tree and report as the first audit made them, for the tests after this one.
      result = await vscode.commands.executeCommand<AuditResult>('llmFootprint.auditWorkspace');
    }
  });

  it('exports SARIF with one result per finding', async () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'llmfp-export-')), 'audit.sarif');
    const written = await vscode.commands.executeCommand<string>('llmFootprint.exportReport', 'sarif', target);
    assert.equal(written, target);
    const sarif = JSON.parse(fs.readFileSync(target, 'utf8')) as { version: string; runs: Array<{ results: unknown[]; tool: { driver: { name: string } } }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.tool.driver.name, 'llm-footprint');
    const findings = (result?.calls ?? []).reduce((n, c) => n + c.analysis.findings.length, 0);
    assert.equal(sarif.runs[0]!.results.length, findings);
  });
});
