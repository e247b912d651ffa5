import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { applyEdits, mergeFixes } from '../../src/core/advice';
import { analyzeText } from '../../src/core/analyze';
import { languageFromPath } from '../../src/core/detect';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CallAnalysis, FileAnalysis, FindingCode, LanguageId } from '../../src/core/types';
import { FIXTURES } from './setup';

// Issue 7's safety promise, checked end to end: for every fixture file (the detection corpus and the advice shapes),
// run the real pipeline, apply EVERY fix of EVERY finding on its own, and check that (1) the edited file still parses
// — Python with ast.parse, TS/JS with the TypeScript parser's syntax diagnostics — and (2) re-analysing it shows the
// intended effect on that call: the finding is gone, or the call's typical energy went down.

interface Case {
  file: string;
  language: LanguageId;
  code: FindingCode;
  title: string;
  callIndex: number;
  before: CallAnalysis;
  text: string;
  fixed: string | null;
  applyError?: string;
}

function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (languageFromPath(full)) out.push(full);
    }
  };
  walk(path.join(FIXTURES, 'corpus'));
  walk(path.join(FIXTURES, 'advice'));
  return out.sort();
}

function readSource(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); // editors (and detection's positions) drop the BOM
}

/** Python syntax errors for many texts in one interpreter run (null = parses). */
function pythonErrors(texts: string[]): Array<string | null> {
  const script = [
    'import ast, json, sys, warnings',
    'warnings.simplefilter("ignore")',
    'out = []',
    'for t in json.load(sys.stdin):',
    '    try:',
    '        ast.parse(t)',
    '        out.append(None)',
    '    except SyntaxError as e:',
    '        out.append(f"{e.msg} (line {e.lineno})")',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<string | null>;
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function tsErrors(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

async function analyze(file: string, text: string, language: LanguageId): Promise<FileAnalysis> {
  return analyzeText(file, text, language, {
    settings: DEFAULT_SETTINGS,
    readFile: (p) => (fs.existsSync(p) ? readSource(p) : undefined),
  });
}

/** The same call after the edit: same index when the call count is unchanged, else the same callee nearest in line. */
function sameCall(after: FileAnalysis, before: CallAnalysis, index: number, countBefore: number): CallAnalysis | undefined {
  if (after.calls.length === countBefore) return after.calls[index];
  const candidates = after.calls.filter((c) => c.call.callee === before.call.callee);
  candidates.sort((a, b) => Math.abs(a.call.range.start.line - before.call.range.start.line) - Math.abs(b.call.range.start.line - before.call.range.start.line));
  return candidates[0];
}

describe('fix safety: every fix on every fixture parses and has its effect', function () {
  this.timeout(300_000);
  const cases: Case[] = [];
  const parseFailures: string[] = [];
  const effectFailures: string[] = [];
  const fixAllFailures: string[] = [];
  let fixAllFiles = 0;
  let fixAllApplied = 0;
  let fixAllSkipped = 0;
  const counts = new Map<FindingCode, { applied: number; parses: number; effect: number }>();
  const tally = (code: FindingCode) => {
    let entry = counts.get(code);
    if (!entry) counts.set(code, (entry = { applied: 0, parses: 0, effect: 0 }));
    return entry;
  };

  before(async () => {
    for (const file of fixtureFiles()) {
      const language = languageFromPath(file)!;
      const text = readSource(file);
      const analysis = await analyze(file, text, language);
      analysis.calls.forEach((call, callIndex) => {
        for (const finding of call.findings) {
          for (const fix of finding.fixes) {
            const c: Case = { file, language, code: finding.code, title: fix.title, callIndex, before: call, text, fixed: null };
            try {
              c.fixed = applyEdits(text, fix.edits);
            } catch (error) {
              c.applyError = (error as Error).message;
            }
            cases.push(c);
          }
        }
      });
    }

    // Parse: Python in one batch (originals too, so a fixture that is broken on purpose is judged against itself).
    const py = cases.filter((c) => c.language === 'python' && c.fixed !== null);
    const pyFiles = [...new Set(py.map((c) => c.file))];
    const originals = new Map<string, string | null>();
    const pyResults = pythonErrors([...pyFiles.map((f) => readSource(f)), ...py.map((c) => c.fixed!)]);
    pyFiles.forEach((f, i) => originals.set(f, pyResults[i] ?? null));
    py.forEach((c, i) => {
      const error = pyResults[pyFiles.length + i] ?? null;
      const original = originals.get(c.file) ?? null;
      // A fixture broken on purpose must fail with the same message (the fix did not add a second break first).
      const ok = error === null || (original !== null && error.replace(/\(line \d+\)/, '') === original.replace(/\(line \d+\)/, ''));
      if (ok) tally(c.code).parses++;
      else parseFailures.push(`${path.relative(FIXTURES, c.file)} [${c.code}] "${c.title}": ${error}`);
    });
    for (const c of cases.filter((x) => x.language !== 'python' && x.fixed !== null)) {
      const before = tsErrors(c.file, c.text);
      const after = tsErrors(c.file, c.fixed!);
      if (after.length <= before.length && after.every((m) => before.includes(m))) tally(c.code).parses++;
      else parseFailures.push(`${path.relative(FIXTURES, c.file)} [${c.code}] "${c.title}": ${after.filter((m) => !before.includes(m)).join('; ')}`);
    }
    for (const c of cases) {
      tally(c.code).applied++;
      if (c.applyError) parseFailures.push(`${path.relative(FIXTURES, c.file)} [${c.code}] "${c.title}": edits do not apply: ${c.applyError}`);
    }

    // Effect: re-analyse each edited file; the finding is gone for that call, or its typical energy dropped.
    const countsBefore = new Map<string, number>();
    for (const c of cases) {
      if (c.fixed === null) continue;
      if (!countsBefore.has(c.file)) countsBefore.set(c.file, (await analyze(c.file, c.text, c.language)).calls.length);
      const after = await analyze(c.file, c.fixed, c.language);
      const call = sameCall(after, c.before, c.callIndex, countsBefore.get(c.file)!);
      const gone = call !== undefined && !call.findings.some((f) => f.code === c.code);
      const e0 = c.before.footprint?.energyWh.typical;
      const e1 = call?.footprint?.energyWh.typical;
      const lower = e0 !== undefined && e1 !== undefined && e1 < e0;
      if (call && (gone || lower)) tally(c.code).effect++;
      else {
        effectFailures.push(`${path.relative(FIXTURES, c.file)}:${c.before.call.range.start.line + 1} [${c.code}] "${c.title}": `
          + (call ? `finding still there (energy ${e0} → ${e1})` : 'call no longer detected'));
      }
    }
  });

  // "Fix all in file": the first fix of every finding, merged (identical edits once, overlapping fixes skipped).
  before(async () => {
    const files = [...new Set(cases.map((c) => c.file))];
    const fixedAll: Array<{ file: string; language: LanguageId; text: string; fixed: string; fixable: number }> = [];
    for (const file of files) {
      const language = languageFromPath(file)!;
      const text = readSource(file);
      const analysis = await analyze(file, text, language);
      const firstFixes = analysis.calls.flatMap((call) => call.findings.flatMap((f) => (f.fixes[0] ? [f.fixes[0]] : [])));
      const merged = mergeFixes(firstFixes);
      fixAllApplied += merged.applied.length;
      fixAllSkipped += merged.skipped.length;
      try {
        fixedAll.push({ file, language, text, fixed: applyEdits(text, merged.edits), fixable: firstFixes.length });
      } catch (error) {
        fixAllFailures.push(`${path.relative(FIXTURES, file)}: merged edits do not apply: ${(error as Error).message}`);
      }
    }
    fixAllFiles = fixedAll.length;
    const py = fixedAll.filter((f) => f.language === 'python');
    const errors = pythonErrors([...py.map((f) => f.text), ...py.map((f) => f.fixed)]);
    py.forEach((f, i) => {
      const before = errors[i] ?? null;
      const after = errors[py.length + i] ?? null;
      if (after !== null && (before === null || after.replace(/\(line \d+\)/, '') !== before.replace(/\(line \d+\)/, ''))) {
        fixAllFailures.push(`${path.relative(FIXTURES, f.file)}: fix-all breaks parsing: ${after}`);
      }
    });
    for (const f of fixedAll.filter((x) => x.language !== 'python')) {
      const before = tsErrors(f.file, f.text);
      const after = tsErrors(f.file, f.fixed);
      if (after.length > before.length || !after.every((m) => before.includes(m))) {
        fixAllFailures.push(`${path.relative(FIXTURES, f.file)}: fix-all breaks parsing: ${after.join('; ')}`);
      }
    }
    for (const f of fixedAll) {
      const again = await analyze(f.file, f.fixed, f.language);
      const remaining = again.calls.flatMap((call) => call.findings.filter((x) => x.fixes.length > 0)).length;
      if (remaining >= f.fixable) fixAllFailures.push(`${path.relative(FIXTURES, f.file)}: fix-all left ${remaining} of ${f.fixable} fixable findings`);
    }
  });

  after(() => {
    const rows = [...counts].map(([code, n]) => `    ${code.padEnd(22)} applied ${n.applied}, parse ok ${n.parses}, effect ok ${n.effect}`);
    console.log(`    fixes checked on ${fixtureFiles().length} fixture files:\n${rows.join('\n')}`);
    console.log(`    fix-all on ${fixAllFiles} files: ${fixAllApplied} fixes merged, ${fixAllSkipped} skipped as overlapping`);
  });

  it('finds fixes for every code that has text edits', () => {
    for (const code of ['oversized-model', 'unbounded-output', 'cacheable-prompt', 'call-in-loop', 'high-reasoning-effort'] as const) {
      assert.ok((counts.get(code)?.applied ?? 0) > 0, `no ${code} fix was produced on the fixtures`);
    }
  });

  it('every fix applies cleanly and leaves a file that parses', () => {
    assert.deepEqual(parseFailures, []);
  });

  it('re-analysis of every fixed file shows the intended effect on that call', () => {
    assert.deepEqual(effectFailures, []);
  });

  it('fix-all in file (first fix of every finding, merged) parses and resolves findings', () => {
    assert.ok(fixAllFiles > 0);
    assert.deepEqual(fixAllFailures, []);
  });
});
