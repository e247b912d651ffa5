import vscode = require('vscode');
import { aggregateBy, byFileKey, byModelKey, byProviderKey } from '../core/audit/aggregate';
import type { AggregateRow, AuditedCall, AuditResult } from '../core/audit/types';
import { formatEnergy, formatUsd } from '../core/units';
import type { AuditStore } from './auditStore';
import type { FeatureContext } from './featureContext';
import { toRange } from './toVscode';

// The `llmFootprint.audit` view: the last audit grouped by file (or model, or provider) → call sites. Totals sit in
// the view's description; selecting a call opens it at its range. Tooltips are plain text (MarkdownString with
// appendText): file names and models come from the code and are never interpreted.

export type Grouping = 'file' | 'model' | 'provider';
export const GROUPINGS: readonly Grouping[] = ['file', 'model', 'provider'];
const GROUPING_KEY = 'llmFootprint.auditGrouping';

type Node =
  | { kind: 'totals'; label: string; description: string; tooltip: string }
  | { kind: 'group'; row: AggregateRow; calls: AuditedCall[] }
  | { kind: 'call'; call: AuditedCall };

const KEY: Record<Grouping, (c: AuditedCall) => string> = { file: byFileKey, model: byModelKey, provider: byProviderKey };

export class AuditTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: AuditStore, public grouping: Grouping) {
    this.subscription = store.onDidChange(() => this.emitter.fire(undefined));
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const result = this.store.result;
    if (!result) return [];
    if (!node) {
      const rows = aggregateBy(result.calls, KEY[this.grouping]);
      const groups: Node[] = rows.map((row) => ({ kind: 'group', row, calls: result.calls.filter((c) => KEY[this.grouping](c) === row.key) }));
      return result.calls.length > 0 ? [totalsNode(result), ...groups] : groups;
    }
    if (node.kind === 'group') {
      return [...node.calls]
        .sort((a, b) => a.file.localeCompare(b.file) || a.analysis.call.range.start.line - b.analysis.call.range.start.line)
        .map((call) => ({ kind: 'call', call }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'totals') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = 'totals';
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon('pulse');
      item.command = { command: 'llmFootprint.showReport', title: 'Show Report' };
      return item;
    }
    return node.kind === 'group' ? this.groupItem(node) : this.callItem(node.call);
  }

  private groupItem(node: Extract<Node, { kind: 'group' }>): vscode.TreeItem {
    const { row } = node;
    const item = new vscode.TreeItem(row.key, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.grouping}:${row.key}`;
    item.description = `${row.calls} call${row.calls === 1 ? '' : 's'} · ${rowFigures(row)}`;
    item.contextValue = `llmFootprint.auditGroup.${this.grouping}`;
    if (this.grouping === 'file') {
      const first = node.calls[0];
      if (first) item.resourceUri = vscode.Uri.file(first.absPath);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'model' ? 'symbol-class' : 'cloud');
    }
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${row.key}\n${row.calls} call sites · ${rowFigures(row)}`);
    item.tooltip = tooltip;
    return item;
  }

  private callItem(call: AuditedCall): vscode.TreeItem {
    const a = call.analysis;
    const line = a.call.range.start.line + 1;
    const model = a.call.model ?? 'unknown model';
    const label = this.grouping === 'file' ? `${model} · ${a.call.api} (line ${line})` : `${call.file}:${line}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.grouping}:call:${call.file}:${a.call.range.start.line}:${a.call.range.start.character}`;
    const energy = a.footprint ? `${formatEnergy(a.footprint.energyWh.typical)}/call` : 'not estimated';
    const perDay = a.footprint && a.callsPerDay !== null ? ` · ${formatEnergy(a.footprint.energyWh.typical * a.callsPerDay)}/day` : '';
    item.description = this.grouping === 'file' ? `${energy}${perDay}` : `${model} · ${energy}${perDay}`;
    const worst = a.findings.some((f) => f.severity === 'error' || f.severity === 'warning');
    item.iconPath = new vscode.ThemeIcon(worst ? 'warning' : 'zap');
    item.contextValue = 'llmFootprint.auditCall';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${a.call.callee} — ${a.call.provider} ${a.call.api}, ${model}\n`);
    tooltip.appendText(a.footprint
      ? `${formatEnergy(a.footprint.energyWh.typical)} per call (${formatEnergy(a.footprint.energyWh.min)} – ${formatEnergy(a.footprint.energyWh.max)})`
        + (a.footprint.costUsd ? ` · ${formatUsd(a.footprint.costUsd.typical)}` : '') + '\n'
      : `No estimate: ${a.unknownModelReason ?? 'unknown model'}\n`);
    for (const f of a.findings) tooltip.appendText(`${f.severity}: ${f.message} [${f.code}]\n`);
    item.tooltip = tooltip;
    item.command = {
      command: 'vscode.open', title: 'Open call',
      arguments: [vscode.Uri.file(call.absPath), { selection: toRange(a.call.range), preview: true } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  /** Labels of the visible tree (the totals row, groups and their calls), for tests and diagnostics. */
  snapshot(): Array<{ label: string; description: string; children: string[] }> {
    return this.getChildren().map((group) => {
      const item = this.getTreeItem(group);
      return {
        label: String(typeof item.label === 'string' ? item.label : item.label?.label ?? ''),
        description: String(item.description ?? ''),
        children: this.getChildren(group).map((c) => {
          const child = this.getTreeItem(c);
          return String(typeof child.label === 'string' ? child.label : child.label?.label ?? '');
        }),
      };
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function totalsNode(result: AuditResult): Node {
  const t = result.totals;
  const perDay = t.callsWithVolume > 0 ? ` · ${formatEnergy(t.perDay.energyWh.typical)}/day` : '';
  const cost = t.perCall.costUsd ? ` · ${formatUsd(t.perCall.costUsd.typical)}/run` : '';
  return {
    kind: 'totals',
    label: `Total: ${t.calls} call${t.calls === 1 ? '' : 's'}`,
    description: `${formatEnergy(t.perCall.energyWh.typical)}/run${perDay}${cost}${result.cancelled ? ' (partial)' : ''}`,
    tooltip: `${t.calls} call sites in ${t.filesWithCalls} files (${t.filesAnalysed} analysed, ${t.skipped} skipped)`
      + `${t.unknownModelCalls ? `; ${t.unknownModelCalls} with an unknown model are not in the sums` : ''}. Click for the report.`,
  };
}

function rowFigures(row: AggregateRow): string {
  if (row.estimatedCalls === 0) return 'not estimated';
  const perDay = row.perDay.energyWh.typical > 0 ? ` · ${formatEnergy(row.perDay.energyWh.typical)}/day` : '';
  return `${formatEnergy(row.perCall.energyWh.typical)}/run${perDay}`;
}

export function registerAuditTree({ context }: FeatureContext, store: AuditStore): AuditTreeProvider {
  const saved = context.workspaceState.get<Grouping>(GROUPING_KEY);
  const provider = new AuditTreeProvider(store, saved && GROUPINGS.includes(saved) ? saved : 'file');
  const view = vscode.window.createTreeView('llmFootprint.audit', { treeDataProvider: provider, showCollapseAll: true });

  const describe = (): void => {
    const result = store.result;
    const by = `by ${provider.grouping}`;
    if (!result) {
      view.description = undefined;
      view.message = undefined;
      return;
    }
    const t = result.totals;
    const perDay = t.callsWithVolume > 0 ? ` · ${formatEnergy(t.perDay.energyWh.typical)}/day` : '';
    view.description = `${t.calls} calls · ${formatEnergy(t.perCall.energyWh.typical)}/run${perDay} · ${by}`;
    view.message = result.cancelled
      ? `Partial results: the audit was cancelled after ${t.filesAnalysed} files.`
      : t.calls === 0 ? `No LLM API calls found in ${t.filesAnalysed} files.` : undefined;
  };
  const setGrouping = async (grouping: Grouping): Promise<Grouping> => {
    provider.setGrouping(grouping);
    await context.workspaceState.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    describe();
    return grouping;
  };
  void vscode.commands.executeCommand('setContext', GROUPING_KEY, provider.grouping);

  context.subscriptions.push(
    provider,
    view,
    store.onDidChange(describe),
    vscode.commands.registerCommand('llmFootprint.auditGroupByFile', () => setGrouping('file')),
    vscode.commands.registerCommand('llmFootprint.auditGroupByModel', () => setGrouping('model')),
    vscode.commands.registerCommand('llmFootprint.auditGroupByProvider', () => setGrouping('provider')),
    vscode.commands.registerCommand('llmFootprint.auditToggleGrouping', () =>
      setGrouping(GROUPINGS[(GROUPINGS.indexOf(provider.grouping) + 1) % GROUPINGS.length]!)),
    // Not in the palette: lets integration tests (and bug reports) see what the tree shows.
    vscode.commands.registerCommand('llmFootprint.auditTreeSnapshot', () => provider.snapshot()),
  );
  return provider;
}
