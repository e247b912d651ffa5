// Shared helpers for the editor suites: open fixtures, poll public surfaces until the debounced analysis lands.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'llm-footprint.llm-footprint';

export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, 'editor', name));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** An untitled (never saved) document: the analysis must work on those too, and edits never touch the disk. */
export async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls `probe` until it returns something other than undefined (the analysis is debounced and asynchronous). */
export async function waitFor<T>(label: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

/** Our lens titles (⚡ or ⚠ first), sorted by line. */
export async function lensTitles(uri: vscode.Uri): Promise<Array<{ line: number; title: string; command: string }>> {
  return (await codeLenses(uri))
    .filter((l) => l.command && /^[⚡⚠]/.test(l.command.title))
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command?.command ?? '' }))
    .sort((a, b) => a.line - b.line);
}

export async function waitForLenses(uri: vscode.Uri, count: number): Promise<Array<{ line: number; title: string; command: string }>> {
  return waitFor(`${count} LLM Footprint lens(es) in ${path.basename(uri.path)}`, async () => {
    const titles = await lensTitles(uri);
    return titles.length >= count ? titles : undefined;
  });
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'LLM Footprint');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Parses the energy figure of a lens title into Wh ("⚡ 0.17 Wh · …" → 0.17, "4.2 mWh" → 0.0042). */
export function lensEnergyWh(title: string): number {
  const m = /^⚡ ([\d.,]+) (µWh|mWh|Wh|kWh|MWh)\b/.exec(title);
  assert.ok(m, `no energy figure at the start of "${title}"`);
  const value = Number((m[1] ?? '').replace(/,/g, ''));
  const scale: Record<string, number> = { µWh: 1e-6, mWh: 1e-3, Wh: 1, kWh: 1e3, MWh: 1e6 };
  return value * (scale[m[2] ?? 'Wh'] ?? 1);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the first occurrence of `search` in the document, without saving. */
export async function replaceText(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found in ${document.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

/** Sets a user-level setting (never the fixture workspace's settings file) and returns an undo. */
export async function setUserSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('llmFootprint');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('llmFootprint').update(key, previous, vscode.ConfigurationTarget.Global);
  };
}
