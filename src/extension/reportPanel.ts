import vscode = require('vscode');
import { EXPORT_FORMATS, isFromWebview, type ExportFormat, type FromWebview, type ToWebview } from '../webview/messages';
import type { AuditStore } from './auditStore';
import type { FeatureContext } from './featureContext';
import { engine } from './lazyEngine';
import { toRange } from './toVscode';

// The report webview (vscode-extension-samples' webview-sample pattern): strict CSP with a per-load nonce, resources
// through asWebviewUri from two local folders only, theme through --vscode-* variables, and the data posted as a
// message — never interpolated into the HTML. The page renders every string with textContent.

export const REPORT_VIEW_TYPE = 'llmFootprint.report';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  json: { JSON: ['json'] }, sarif: { SARIF: ['sarif', 'json'] }, md: { Markdown: ['md'] }, csv: { CSV: ['csv'] }, html: { HTML: ['html'] },
};

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly features: FeatureContext, private readonly store: AuditStore) {
    this.subscriptions.push(store.onDidChange(() => this.post()));
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      this.post();
      return this.panel;
    }
    const extensionUri = this.features.context.extensionUri;
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const scripts = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'LLM Footprint Report', vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [media, scripts],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'llm-footprint.svg');
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.html(panel.webview, media, scripts);
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isFromWebview(message)) {
        this.features.log.warn('report: ignored an unexpected message from the webview');
        return;
      }
      this.handle(message).catch((error: unknown) => this.features.log.error('report: message handling failed', error));
    }, undefined, this.subscriptions);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    }, undefined, this.subscriptions);
    return panel;
  }

  private html(webview: vscode.Webview, media: vscode.Uri, scripts: vscode.Uri): string {
    // Web Crypto's global, not an `import 'node:crypto'`: that import alone cost ~8 ms of every activation (profile).
    const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'report.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>LLM Footprint Report</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading the report…</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
  }

  private post(): void {
    if (!this.panel || !this.ready) return;
    const report = this.store.report;
    const message: ToWebview = report
      ? { type: 'report', report, generatedAt: (this.store.generatedAt ?? new Date()).toISOString() }
      : { type: 'empty' };
    void this.panel.webview.postMessage(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'openMethodology':
        await vscode.commands.executeCommand('llmFootprint.openMethodology');
        return;
      case 'rerun':
        await vscode.commands.executeCommand('llmFootprint.auditWorkspace');
        return;
      case 'openCall': {
        const call = this.store.result?.calls[message.index];
        if (!call) return;
        await vscode.window.showTextDocument(vscode.Uri.file(call.absPath), {
          selection: toRange(call.analysis.call.range), viewColumn: vscode.ViewColumn.One,
        });
        return;
      }
      case 'export': {
        const saved = await this.exportTo(message.format);
        if (saved && this.panel) {
          const reply: ToWebview = { type: 'exported', format: message.format, path: saved.fsPath };
          void this.panel.webview.postMessage(reply);
        }
        return;
      }
    }
  }

  /** Asks where to save and writes the report in `format`; returns the file written, or undefined. */
  async exportTo(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const report = this.store.report;
    if (!report) {
      void vscode.window.showInformationMessage('LLM Footprint: run Audit Workspace first.');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const { FORMAT_EXTENSION, renderReport } = engine();
    const name = `llm-footprint-audit.${FORMAT_EXTENSION[format]}`;
    const uri = target ?? await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: FILTERS[format],
      saveLabel: `Export ${format.toUpperCase()}`,
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderReport(report, format)));
    void vscode.window.showInformationMessage(`LLM Footprint: report exported to ${uri.fsPath}`);
    return uri;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export { EXPORT_FORMATS };
