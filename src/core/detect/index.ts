// The detection engine: finds the LLM requests a file sends, the way a careful reviewer reads code.
//
//   hasSdkMarkers (one regex pass, markers.ts)  → false: the file is never parsed
//   parse with web-tree-sitter (parsers.ts; one parser per grammar, loaded lazily, tree always deleted)
//   one query pass (fileIndex.ts): imports, assignments, functions/scopes, candidate calls (filtered by the last
//     callee segment, so most calls cost nothing)
//   per candidate (detectFile.ts): resolve the receiver through assignments, imports, constructors, builder methods,
//     local factory functions and other workspace modules (resolve.ts, crossFile.ts) to an SDK object, then match
//     the member path against the SDK tables (sdkPython.ts, sdkJavaScript.ts; the vocabulary is sdkTypes.ts), or a
//     raw HTTP call against known endpoints (endpoints.ts)
//   fill in the model (literal / constant / default / env-default / bound / imported), prompt (prompt.ts),
//     parameters (params.ts), argument slots, loop context and volume annotation (context.ts)
//
// Adding an SDK = rows in the tables + a test row in test/unit/detectShapes.test.ts.
//
// Where the time goes (bench/probes/detectSpeed.ts with --cpu-prof, 2026-11-30): over the bench tree's 1,050
// candidates, parsing ~37 %, per-call resolution ~34 % (a third of it reading other workspace files), the file index's
// query pass ~20 %, the import check of mayHaveCalls ~5 %. On a warm 5,000-line Python file the query cursor's walk
// over ~64k nodes is ~40 % and the incremental parse ~12 %: both inside web-tree-sitter's WASM. Everything around
// them avoids JS <-> WASM round trips (`node.parent` descends from the root each time in web-tree-sitter 0.25;
// `.type`, `.endIndex`, `.text`, `childForFieldName` each cross into WASM and build Node objects).
import type { CancellationLike, DetectedCall, LanguageId, Logger } from '../types';
import { importsSdkModule } from './crossFile';
import { CompiledTable, detectInFile } from './detectFile';
import { FileIndex, disposeQueries } from './fileIndex';
import { grammarFor } from './languages';
import { hasDirectSdkMarkers } from './markers';
import { disposeParsers, getParser } from './parsers';
import { disposeTrees, parseDocument } from './treeCache';
import { JS_SDKS } from './sdkJavaScript';
import { PYTHON_SDKS } from './sdkPython';

export { languageFromPath } from './languages';
export { hasSdkMarkers } from './markers';

export interface DetectOptions {
  token?: CancellationLike;
  logger?: Logger;
  /** Absolute path of the file, for resolving imports of workspace constants and prompt files read by path. */
  file?: string;
  /** Reads another workspace file (imported constants, prompt files); absent = they are not followed. */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface DetectResult {
  calls: DetectedCall[];
  notes: string[];
}

let pythonTable: CompiledTable | undefined;
let jsTable: CompiledTable | undefined;

function tableFor(language: LanguageId): CompiledTable {
  if (language === 'python') return (pythonTable ??= new CompiledTable(PYTHON_SDKS));
  return (jsTable ??= new CompiledTable(JS_SDKS));
}

/**
 * Finds every LLM request sent in one file. Positions are 0-based lines and UTF-16 columns of `text` as an editor
 * shows it: a leading BOM is not counted (VS Code strips it from documents). Never throws for bad input: a file
 * that fails to parse yields no calls and a note.
 */
export async function detectCalls(text: string, language: LanguageId, options: DetectOptions = {}): Promise<DetectResult> {
  const notes: string[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (options.token?.isCancellationRequested) return { calls: [], notes };
  if (!mayHaveCalls(source, language, options)) return { calls: [], notes };
  const grammar = grammarFor(language);
  const parser = await getParser(grammar);
  const parsed = parseDocument(parser, grammar, source, options.file);
  if (!parsed) return { calls: [], notes: ['parser returned no tree'] };
  const tree = parsed.tree;
  try {
    const table = tableFor(language);
    const index = new FileIndex(source, grammar, tree, (seg) => table.lastSegments.has(seg));
    if (tree.rootNode.hasError) notes.push('syntax errors in file: calls were searched in the parts that parse');
    if (index.calls.length === 0) return { calls: [], notes };
    const calls = detectInFile(index, language, table, {
      ...(options.file ? { file: options.file } : {}),
      ...(options.readFile ? { readFile: options.readFile } : {}),
      ...(options.token ? { token: options.token } : {}),
      notes,
    });
    return { calls, notes };
  } catch (err) {
    options.logger?.error(`LLM Footprint: detection failed${options.file ? ` in ${options.file}` : ''}`, err);
    notes.push(`detection failed: ${err instanceof Error ? err.message : String(err)}`);
    return { calls: [], notes };
  } finally {
    parsed.release();
  }
}

/**
 * The second, sharper look before paying for a parse (most of detection's cost): a file that names no SDK itself
 * can only send a request through an object built in another workspace module (findForeignObject), so one of the
 * modules it imports must name an SDK. In a large tree this skips every tkinter `button.invoke()`.
 */
function mayHaveCalls(source: string, language: LanguageId, options: DetectOptions): boolean {
  if (hasDirectSdkMarkers(source)) return true;
  if (!options.file || !options.readFile) return false;
  return importsSdkModule(source, language === 'python', options.file, options.readFile, hasDirectSdkMarkers);
}

/** Frees parsers and compiled queries (deactivate, end of CLI run). Grammars load again on next use. */
export function disposeDetection(): void {
  disposeTrees();
  disposeQueries();
  disposeParsers();
}
