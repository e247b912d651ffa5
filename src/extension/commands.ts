import vscode = require('vscode');
import { callDetailsMarkdown } from '../core/present/callDetails';
import { rankModelsFor } from '../core/present/modelPick';
import type { ModelInfo } from '../core/types';
import { findCall } from './callRef';
import type { FeatureContext } from './featureContext';
import { engine } from './lazyEngine';
import { SECTION } from './settingsStore';

// The palette commands behind the lens, hover links and the status bar (the audit command lives in auditCommand.ts).
// Each returns something a test (or another extension) can check, and reports problems as messages, never throws.

const DETAILS_SCHEME = 'llm-footprint-details';

export function register(features: FeatureContext): void {
  const { context, log } = features;
  const details = new DetailsDocuments();
  const guard = <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (e) {
      log.error(`${name} failed`, e);
      void vscode.window.showErrorMessage(`LLM Footprint: ${name} failed — see the log (LLM Footprint: Show Log).`);
      return undefined;
    }
  };
  context.subscriptions.push(
    details,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.commands.registerCommand('llmFootprint.showCallDetails', guard('Show Call Details', (uri?: unknown, line?: unknown, character?: unknown) =>
      showCallDetails(features, details, uri, line, character))),
    vscode.commands.registerCommand('llmFootprint.mapModel', guard('Map Unknown Model', (name?: unknown, target?: unknown) =>
      mapModel(features, name, target))),
    vscode.commands.registerCommand('llmFootprint.showLog', () => log.channel.show()),
    vscode.commands.registerCommand('llmFootprint.openMethodology', guard('Open Methodology', () => openMethodology(features))),
  );
}

/**
 * Opens the call's details (breakdown, what the code says, fixes) in a markdown preview and returns the markdown.
 * Arguments: the document URI and the call's start position (as the lens and hover pass them); none = the call at
 * the cursor of the active editor.
 */
async function showCallDetails(
  { analysis, settings }: FeatureContext, details: DetailsDocuments, uriArg?: unknown, lineArg?: unknown, characterArg?: unknown,
): Promise<string | undefined> {
  let document: vscode.TextDocument | undefined;
  let position: vscode.Position | undefined;
  if (typeof uriArg === 'string' && typeof lineArg === 'number' && typeof characterArg === 'number') {
    const uri = vscode.Uri.parse(uriArg, true);
    document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri);
    position = new vscode.Position(lineArg, characterArg);
  } else {
    const editor = vscode.window.activeTextEditor;
    document = editor?.document;
    position = editor?.selection.active;
  }
  if (!document || !position) {
    void vscode.window.showInformationMessage('LLM Footprint: open a file and put the cursor on an LLM call.');
    return undefined;
  }
  const result = await analysis.getOrAnalyze(document);
  const call = result ? findCall(result, position) : undefined;
  if (!call) {
    void vscode.window.showInformationMessage('LLM Footprint: no LLM call found at this position.');
    return undefined;
  }
  const location = `${vscode.workspace.asRelativePath(document.uri, false)}:${call.call.range.start.line + 1}`;
  const markdown = callDetailsMarkdown(call, { units: settings.editor.units, dataAsOf: engine().DATA_AS_OF, location });
  const uri = details.put(location, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No markdown preview (disabled built-in): the raw markdown is readable too.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return markdown;
}

/**
 * Adds `"name": "<catalog id>"` to `llmFootprint.modelMappings` (workspace settings when a folder is open, else user
 * settings). `name` defaults to the unknown models of the active file; `target` skips the quick pick (programmatic
 * use). Returns the chosen catalog id.
 */
async function mapModel({ analysis }: FeatureContext, nameArg?: unknown, targetArg?: unknown): Promise<string | undefined> {
  let name = typeof nameArg === 'string' && nameArg.trim() !== '' ? nameArg.trim() : undefined;
  if (!name) {
    const document = vscode.window.activeTextEditor?.document;
    const result = document ? await analysis.getOrAnalyze(document) : undefined;
    const unknown = [...new Set((result?.calls ?? []).filter((c) => !c.footprint && c.call.model).map((c) => c.call.model as string))];
    name = unknown.length === 1
      ? unknown[0]
      : unknown.length > 1
        ? await vscode.window.showQuickPick(unknown, { title: 'Which model name do you want to map?' })
        : await vscode.window.showInputBox({ title: 'Model name or Azure deployment as written in code', placeHolder: 'my-gpt4o-deployment' });
  }
  if (!name) return undefined;

  const { isSizeDeclaration, listModels } = engine();
  const models = listModels();
  let target: string | undefined;
  if (typeof targetArg === 'string') {
    target = models.some((m) => m.id === targetArg) || isSizeDeclaration(targetArg) ? targetArg : undefined;
    if (!target) {
      void vscode.window.showErrorMessage(`LLM Footprint: '${targetArg}' is neither a catalog model nor a size like "70b".`);
      return undefined;
    }
  } else {
    target = await pickTarget(name, models);
  }
  if (!target) return undefined;

  const config = vscode.workspace.getConfiguration(SECTION);
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const inspected = config.inspect<Record<string, string>>('modelMappings');
  const existing = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await config.update('modelMappings', { ...existing, [name]: target },
    inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`LLM Footprint: '${name}' is now estimated as ${target}.`);
  return target;
}

const DECLARE_SIZE = '$(symbol-numeric) Declare its size instead…';

/** Catalog models ranked by likeness to the name, plus declaring the parameter count of a model we have no entry for. */
async function pickTarget(name: string, models: ModelInfo[]): Promise<string | undefined> {
  const items: Array<vscode.QuickPickItem & { id?: string }> = [
    { label: DECLARE_SIZE, detail: 'For a self-hosted or fine-tuned model: its parameter count, e.g. 70b, or moe:400b/17b' },
    { label: 'Catalog models', kind: vscode.QuickPickItemKind.Separator },
    ...rankModelsFor(name, models).map((m) => ({
      label: m.id,
      description: `${m.provider} · ${m.kind}${m.reasoning ? ' · reasoning' : ''}`,
      detail: `context ${m.contextWindow.toLocaleString('en-US')} · max output ${m.maxOutputTokens.toLocaleString('en-US')}`,
      id: m.id,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Map '${name}' to a catalog model`, matchOnDescription: true, placeHolder: 'The model this name or deployment runs',
  });
  if (!picked) return undefined;
  if (picked.id) return picked.id;
  return vscode.window.showInputBox({
    title: `Parameter count of '${name}'`,
    placeHolder: '70b  ·  moe:400b/17b (total/active)',
    validateInput: (v) => (engine().isSizeDeclaration(v) ? undefined : 'Write the size like 8b, 70b, or moe:400b/17b for a mixture of experts'),
  });
}

/** Opens docs/methodology.md from the extension folder in a markdown preview; returns its URI. */
async function openMethodology({ context }: FeatureContext): Promise<string | undefined> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'methodology.md');
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showErrorMessage('LLM Footprint: docs/methodology.md is missing from the extension.');
    return undefined;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri.toString();
}

/** Read-only in-memory markdown documents for call details (no untitled buffer that asks to be saved). */
class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();

  put(location: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${location.replace(/[:\\/]+/g, '-')}.md` });
    const key = uri.toString();
    const existed = this.contents.has(key);
    this.contents.set(key, markdown);
    // Keep a bounded number: each is a few KB, but a long session clicks many lenses.
    if (this.contents.size > 50) {
      const oldest = this.contents.keys().next().value;
      if (oldest !== undefined) this.contents.delete(oldest);
    }
    if (existed) this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Details expired\n\nClick the lens above the call again.\n';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
