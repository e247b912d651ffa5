import vscode = require('vscode');
import { HOVER_COMMANDS, hoverMarkdown } from '../core/present/hoverText';
import { DOCUMENT_SELECTOR } from './analysisService';
import { callArgs, findCall } from './callRef';
import type { FeatureContext } from './featureContext';
import { engine } from './lazyEngine';
import { toRange } from './toVscode';

// Hover on a call: the breakdown behind the lens (core/present/hoverText.ts). Command links are enabled for our
// own three commands only — the markdown includes text from the user's code, so `isTrusted: true` is never used.

export function register({ context, analysis, settings, log }: FeatureContext): void {
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      try {
        const result = await analysis.getOrAnalyze(document, token);
        if (!result || token.isCancellationRequested) return undefined;
        const call = findCall(result, position);
        if (!call) return undefined;
        const md = new vscode.MarkdownString(hoverMarkdown(call, {
          units: settings.editor.units,
          dataAsOf: engine().DATA_AS_OF,
          detailsArgs: callArgs(document.uri, call),
        }), true);
        md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
        md.supportHtml = false;
        return new vscode.Hover(md, toRange(call.call.range));
      } catch (e) {
        log.error(`Hover for ${document.uri.toString(true)} failed`, e);
        return undefined;
      }
    },
  };
  context.subscriptions.push(vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, provider));
}
