import vscode = require('vscode');
import type { CancellationLike, FileAnalysis, LanguageId } from '../core/types';
import { analyzeForEditor } from './editorAnalysis';
import { LatestRuns } from './latestRuns';
import type { Log } from './log';
import type { SettingsStore } from './settingsStore';
import { WorkspaceConfigs } from './workspaceConfig';
import { readWorkspaceFile } from './workspaceFiles';

// The only place analysis runs. Views (lens, hover, diagnostics, quick fixes, status bar) read `get()` and listen
// to `onDidAnalyze`; a provider asked before the debounce finished awaits `getOrAnalyze()` instead of running its own.
// Results are cached by document URI + version; a new version cancels the older run and drops its result
// (latestRuns.ts), so no view ever shows numbers for text that is no longer there.

export const ANALYSED_LANGUAGES: ReadonlySet<string> = new Set<LanguageId>([
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact',
]);

// Real files, unsaved buffers and the file systems of remote/virtual workspaces — not diff views, output panes or
// git: documents, which a scheme-less selector would also match (VS Code warns about that).
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** The one document selector every provider registers with. */
export const DOCUMENT_SELECTOR: vscode.DocumentFilter[] = [...ANALYSED_LANGUAGES].flatMap((language) =>
  SCHEMES.map((scheme) => ({ language, scheme })));

/** Typing pauses shorter than this do not start an analysis (issue 6: ~300 ms). */
export const DEBOUNCE_MS = 300;
/** Bigger documents (minified bundles, generated data) are not analysed: no LLM call worth a lens lives there. */
const MAX_CHARS = 3_000_000;

export class AnalysisService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's URI after a fresh result for its current version is stored. */
  readonly onDidAnalyze = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly oversizedWarned = new Set<string>();
  private readonly runs: LatestRuns<FileAnalysis>;
  private readonly configs: WorkspaceConfigs;

  constructor(private readonly settings: SettingsStore, private readonly log: Log) {
    this.configs = new WorkspaceConfigs(log);
    this.runs = new LatestRuns<FileAnalysis>({
      onResult: (key) => this.emitter.fire(vscode.Uri.parse(key, true)),
      onError: (key, e) => {
        this.log.error(`Analysis of ${key} failed`, e);
        return undefined;
      },
    });
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.request(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.request(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.runs.forget(d.uri.toString());
        this.oversizedWarned.delete(d.uri.toString());
      }),
      settings.onDidChange((change) => {
        if (change.analysisChanged) this.reanalyseAll();
      }),
      this.configs,
      this.configs.onDidChange(() => this.reanalyseAll()),
    );
    for (const d of vscode.workspace.textDocuments) this.request(d, 0);
  }

  isAnalysable(document: vscode.TextDocument): boolean {
    return ANALYSED_LANGUAGES.has(document.languageId) && !document.isClosed;
  }

  /** The result for the document's current version, if there is one already. */
  get(document: vscode.TextDocument): FileAnalysis | undefined {
    return this.runs.get(document.uri.toString(), document.version);
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
    if (!token) return pending;
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

  /** Fire-and-forget: views learn of the result through onDidAnalyze. */
  private request(document: vscode.TextDocument, delay: number): void {
    if (this.isAnalysable(document)) void this.schedule(document, delay, false);
  }

  private schedule(document: vscode.TextDocument, delay: number, join: boolean): Promise<FileAnalysis | undefined> {
    return this.runs.schedule(document.uri.toString(), document.version, delay, (token) => this.analyse(document, token), join);
  }

  private async analyse(document: vscode.TextDocument, token: CancellationLike): Promise<FileAnalysis> {
    const key = document.uri.toString();
    const text = document.getText();
    const file = document.uri.scheme === 'file' ? document.uri.fsPath : key;
    const language = document.languageId as LanguageId;
    if (text.length > MAX_CHARS) {
      if (!this.oversizedWarned.has(key)) {
        this.oversizedWarned.add(key);
        this.log.info(`Not analysing ${file}: ${text.length.toLocaleString('en-US')} characters is more than ${MAX_CHARS.toLocaleString('en-US')}`);
      }
      return { file, language, calls: [], notes: ['file too large to analyse in the editor'] };
    }
    const started = Date.now();
    let result: FileAnalysis;
    try {
      // Options built after the prefilter: a file without SDK markers loads no engine for the settings or config.
      result = await analyzeForEditor(file, text, language, () => ({
        settings: this.configs.settingsFor(document.uri, this.settings.current),
        token,
        logger: this.log,
        readFile: readWorkspaceFile,
      }));
    } catch (e) {
      if (token.isCancellationRequested) throw e; // superseded: the result is dropped anyway
      // A bug in the engine must not take the editor down: log it with the stack and show nothing for this
      // version (stored, so providers do not retry it until the next edit).
      this.log.error(`Analysis of ${document.uri.toString(true)} failed`, e);
      return { file, language, calls: [], notes: [`analysis failed: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const ms = Date.now() - started;
    if (result.calls.length > 0 || ms > 100) {
      this.log.channel.trace(`Analysed ${file} v${document.version}: ${result.calls.length} call(s) in ${ms} ms`);
    }
    for (const note of result.notes) this.log.channel.debug(`${file}: ${note}`);
    return result;
  }

  /** Settings or a team config that change numbers: drop every result, re-analyse open documents, visible ones first. */
  private reanalyseAll(): void {
    this.runs.clear();
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    const docs = [...vscode.workspace.textDocuments].sort((a, b) => Number(visible.has(b)) - Number(visible.has(a)));
    for (const d of docs) this.request(d, 0);
  }

  dispose(): void {
    this.runs.clear();
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
