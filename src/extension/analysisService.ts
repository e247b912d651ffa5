import * as vscode from 'vscode';
import { analyzeText } from '../core/analyze';
import type { FileAnalysis, LanguageId } from '../core/types';
import type { Log } from './log';
import type { SettingsStore } from './settingsStore';
import { readWorkspaceFile } from './workspaceFiles';

// The only place analysis runs. Views (lens, hover, diagnostics, quick fixes, status bar) read `get()` and listen
// to `onDidAnalyze`; a provider asked before the debounce finished awaits `getOrAnalyze()` instead of running its own.
//
// Per document there is at most one result (for one version) and one run in flight. A new version cancels the
// older run (its CancellationTokenSource) and its result is dropped even if it completes, so no view ever shows
// numbers for text that is no longer there.

export const ANALYSED_LANGUAGES: ReadonlySet<string> = new Set<LanguageId>([
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact',
]);

/** Typing pauses shorter than this do not start an analysis (issue 6: ~300 ms). */
export const DEBOUNCE_MS = 300;
/** Bigger documents (minified bundles, generated data) are not analysed: no LLM call worth a lens lives there. */
const MAX_CHARS = 3_000_000;

interface Entry {
  version: number;
  result?: FileAnalysis;
  /** Resolves with the result for `version`, or undefined when that version is superseded or cancelled. */
  pending?: Promise<FileAnalysis | undefined>;
  settle?: (result: FileAnalysis | undefined) => void;
  timer?: ReturnType<typeof setTimeout>;
  cts?: vscode.CancellationTokenSource;
}

export class AnalysisService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's URI after a fresh result for its current version is stored. */
  readonly onDidAnalyze = this.emitter.event;
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private oversizedWarned = new Set<string>();

  constructor(private readonly settings: SettingsStore, private readonly log: Log) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.request(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.request(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange((change) => {
        if (change.analysisChanged) this.reanalyseAll();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.request(d, 0);
  }

  isAnalysable(document: vscode.TextDocument): boolean {
    return ANALYSED_LANGUAGES.has(document.languageId) && !document.isClosed;
  }

  /** The result for the document's current version, if there is one already. */
  get(document: vscode.TextDocument): FileAnalysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.result : undefined;
  }

  /**
   * The result for the document's current version: cached, or the run already scheduled for it (debounce
   * included), or a new run. Undefined when the version is superseded, the token cancelled, or the language
   * is not analysed. Never rejects.
   */
  async getOrAnalyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<FileAnalysis | undefined> {
    if (!this.isAnalysable(document)) return undefined;
    const cached = this.get(document);
    if (cached) return cached;
    const pending = this.schedule(document, 0, true);
    if (!pending || !token) return pending;
    return new Promise<FileAnalysis | undefined>((resolve) => {
      const listener = token.onCancellationRequested(() => {
        listener.dispose();
        resolve(undefined);
      });
      void pending.then((r) => {
        listener.dispose();
        resolve(r);
      });
    });
  }

  /** Fire-and-forget form of schedule(): views learn of the result through onDidAnalyze (the promise never rejects). */
  private request(document: vscode.TextDocument, delay: number): void {
    void this.schedule(document, delay);
  }

  /**
   * Schedules an analysis of the document's current version after `delay` ms. An existing result or run for the
   * same version is reused; `keepDebounce` lets a provider's request join a pending debounced run instead of
   * skipping the debounce.
   */
  private schedule(document: vscode.TextDocument, delay: number, keepDebounce = false): Promise<FileAnalysis | undefined> | undefined {
    if (!this.isAnalysable(document)) return undefined;
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (entry && entry.version === document.version) {
      if (entry.result) return Promise.resolve(entry.result);
      if (entry.pending) {
        if (!keepDebounce && delay === 0 && entry.timer) this.startNow(document, entry);
        return entry.pending;
      }
    }
    if (entry) this.supersede(entry);
    entry = { version: document.version };
    this.entries.set(key, entry);
    const current = entry;
    current.pending = new Promise<FileAnalysis | undefined>((resolve) => { current.settle = resolve; });
    if (delay > 0) current.timer = setTimeout(() => this.startNow(document, current), delay);
    else this.startNow(document, current);
    return current.pending;
  }

  private startNow(document: vscode.TextDocument, entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    void this.run(document, entry);
  }

  private async run(document: vscode.TextDocument, entry: Entry): Promise<void> {
    const key = document.uri.toString();
    const cts = new vscode.CancellationTokenSource();
    entry.cts = cts;
    const isCurrent = (): boolean =>
      !cts.token.isCancellationRequested && this.entries.get(key) === entry && !document.isClosed && document.version === entry.version;
    let result: FileAnalysis;
    try {
      const text = document.getText();
      const file = document.uri.scheme === 'file' ? document.uri.fsPath : key;
      const language = document.languageId as LanguageId;
      if (text.length > MAX_CHARS) {
        if (!this.oversizedWarned.has(key)) {
          this.oversizedWarned.add(key);
          this.log.info(`Not analysing ${file}: ${text.length.toLocaleString('en-US')} characters is more than ${MAX_CHARS.toLocaleString('en-US')}`);
        }
        result = { file, language, calls: [], notes: ['file too large to analyse in the editor'] };
      } else {
        const started = Date.now();
        result = await analyzeText(file, text, language, {
          settings: this.settings.current,
          token: cts.token,
          logger: this.log,
          readFile: readWorkspaceFile,
        });
        const ms = Date.now() - started;
        if (result.calls.length > 0 || ms > 100) {
          this.log.channel.trace(`Analysed ${file} v${entry.version}: ${result.calls.length} call(s) in ${ms} ms`);
        }
        for (const note of result.notes) this.log.channel.debug(`${file}: ${note}`);
      }
    } catch (e) {
      if (!isCurrent()) {
        this.finish(entry, cts, undefined);
        return;
      }
      // A bug in the engine must not take the editor down: log it with the stack and show nothing for this file.
      this.log.error(`Analysis of ${document.uri.toString(true)} failed`, e);
      result = { file: key, language: document.languageId as LanguageId, calls: [], notes: [`analysis failed: ${String(e)}`] };
    }
    if (!isCurrent()) {
      this.finish(entry, cts, undefined);
      return;
    }
    entry.result = result;
    this.finish(entry, cts, result);
    this.emitter.fire(document.uri);
  }

  private finish(entry: Entry, cts: vscode.CancellationTokenSource, result: FileAnalysis | undefined): void {
    if (entry.cts === cts) entry.cts = undefined;
    cts.dispose();
    if (result || entry.pending) {
      entry.settle?.(result);
      entry.settle = undefined;
      entry.pending = undefined;
    }
  }

  /** Cancels the entry's timer and run; whoever awaits it gets undefined. */
  private supersede(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.cts?.cancel();
    entry.settle?.(undefined);
    entry.settle = undefined;
    entry.pending = undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (entry) this.supersede(entry);
    this.entries.delete(key);
    this.oversizedWarned.delete(key);
  }

  /** Settings that change numbers: drop every result and re-analyse open documents, visible ones first. */
  private reanalyseAll(): void {
    for (const entry of this.entries.values()) this.supersede(entry);
    this.entries.clear();
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    const docs = [...vscode.workspace.textDocuments].sort((a, b) => Number(visible.has(b)) - Number(visible.has(a)));
    for (const d of docs) this.request(d, 0);
  }

  dispose(): void {
    for (const entry of this.entries.values()) this.supersede(entry);
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
