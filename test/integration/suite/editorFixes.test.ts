// Quick fixes through VS Code's public API: the code actions attached to our diagnostics, applied with
// workspace.applyEdit, and the "fix all" source action — then the real engine's lens and diagnostics must follow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, codeOf, lensTitles, openUntitled, ourDiagnostics, waitFor, waitForLenses } from './editorHelpers';

const UNCAPPED_TS = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function draft(ticket: string) {',
  '  const completion = await client.chat.completions.create({',
  "    model: 'gpt-4o',",
  '    messages: [',
  "      { role: 'system', content: 'Draft a short, polite reply to this support ticket.' },",
  "      { role: 'user', content: ticket },",
  '    ],',
  '  });',
  "  return completion.choices[0]?.message.content ?? '';",
  '}',
  '',
].join('\n');

const REASONING_PY = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  '',
  '',
  'def analyse_incident(timeline: str) -> str:',
  '    response = client.responses.create(',
  '        model="o3",',
  '        reasoning={"effort": "high"},',
  '        input=f"Find the most likely root cause of this incident and list the evidence:\\n{timeline}",',
  '    )',
  '    return response.output_text',
  '',
].join('\n');

async function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  try {
    return await waitFor(`a ${code} diagnostic`, () => ourDiagnostics(uri).find((d) => codeOf(d) === code));
  } catch (e) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const lenses = await lensTitles(uri);
    throw new Error(`${String(e)}; ${uri.toString()} v${doc?.version} closed=${doc?.isClosed}: diagnostics [${ourDiagnostics(uri).map(codeOf).join(', ')}], lenses [${lenses.map((l) => l.title).join(' | ')}]`);
  }
}

describe('editor: quick fixes', function () {
  // Generous: cold WASM loading on a loaded machine; speed is the bench's job, not this suite's.
  this.timeout(180_000);
  before(activate);
  after(closeAll);

  it('a multi-line TS call: the preferred unbounded-output fix adds a cap, then the diagnostic goes and the lens shows the cap', async () => {
    const editor = await openUntitled('typescript', UNCAPPED_TS);
    const uri = editor.document.uri;
    const [lensBefore] = await waitForLenses(uri, 1);
    assert.match(lensBefore?.title ?? '', /~\d+ out$/);
    const diagnostic = await diagnosticWithCode(uri, 'unbounded-output');

    // executeCodeActionProvider does not hand back CodeAction.diagnostics; ours are the quick fixes whose title
    // names the cap (the language server's own refactors are of other kinds).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && /cap|max_tokens/i.test(a.title));
    assert.ok(fixes.length > 0, `no quick fix for unbounded-output among: ${actions.map((a) => a.title).join(' | ')}`);
    const preferred = fixes.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, 'the fix carries a WorkspaceEdit');
    assert.match(preferred.title, /%/, `the title shows the saving: ${preferred.title}`);

    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.match(editor.document.getText(), /max_tokens|max_completion_tokens/);

    await waitFor('unbounded-output to disappear', () => (ourDiagnostics(uri).some((d) => codeOf(d) === 'unbounded-output') ? undefined : true));
    const [lensAfter] = await waitFor('the lens to show the cap', async () => {
      const titles = await lensTitles(uri);
      return titles[0] && /≤\d[\d.,k]* out$/.test(titles[0].title) ? titles : undefined;
    });
    assert.notEqual(lensAfter?.title, lensBefore?.title);
    // Still one call, still estimated: the edit left a well-formed request behind.
    assert.equal((await lensTitles(uri)).length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lowering the reasoning effort lowers the lens energy', async () => {
    const editor = await openUntitled('python', REASONING_PY);
    const uri = editor.document.uri;
    const [lensBefore] = await waitForLenses(uri, 1);
    const diagnostic = await diagnosticWithCode(uri, 'high-reasoning-effort');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && /reasoning effort/i.test(a.title) && a.edit);
    assert.ok(fix?.edit, `no fix for high-reasoning-effort among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.doesNotMatch(editor.document.getText(), /"effort": "high"/);
    const [lensAfter] = await waitFor('the lens to change', async () => {
      const titles = await lensTitles(uri);
      return titles[0] && titles[0].title !== lensBefore?.title ? titles : undefined;
    });
    const wh = (t: string): number => {
      const m = /^⚡ ([\d.,]+) (µWh|mWh|Wh|kWh)/.exec(t);
      assert.ok(m, t);
      return Number((m[1] ?? '').replace(/,/g, '')) * ({ µWh: 1e-6, mWh: 1e-3, Wh: 1, kWh: 1e3 }[m[2] as 'Wh'] ?? 1);
    };
    assert.ok(wh(lensAfter?.title ?? '') < wh(lensBefore?.title ?? ''), `${lensAfter?.title} vs ${lensBefore?.title}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Fix all" applies the preferred fix of each finding in one edit', async () => {
    const editor = await openUntitled('python', REASONING_PY);
    const uri = editor.document.uri;
    await waitForLenses(uri, 1);
    await diagnosticWithCode(uri, 'unbounded-output');
    await diagnosticWithCode(uri, 'high-reasoning-effort');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.llmFootprint');
    const fixAll = actions.find((a) => a.title.startsWith('Fix all LLM Footprint issues in file'));
    assert.ok(fixAll?.edit, `no fix-all action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fixAll.kind?.value, 'source.fixAll.llmFootprint');
    const before = ourDiagnostics(uri).map(codeOf);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = await waitFor('fewer findings after fix all', () => {
      const codes = ourDiagnostics(uri).map(codeOf);
      return codes.length < before.length ? codes : undefined;
    });
    assert.ok(!after.includes('unbounded-output'), `still there: ${after.join(', ')}`);
    assert.equal((await lensTitles(uri)).length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers no fixes from a stale result while an edit is pending', async () => {
    const editor = await openUntitled('typescript', UNCAPPED_TS);
    const uri = editor.document.uri;
    const diagnostic = await diagnosticWithCode(uri, 'unbounded-output');
    // Insert a line above the call: the old ranges would now point one line too high.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(2, 0), '// a new comment line\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shifted = new vscode.Range(diagnostic.range.start.translate(1), diagnostic.range.end.translate(1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, shifted);
    const fix = actions.find((a) => a.title.includes('%') && a.edit);
    assert.ok(fix?.edit, 'the provider waits for the new analysis and offers fixes for the current text');
    const entries = fix.edit.entries().flatMap(([, edits]) => edits);
    // Every edit lands on or below the call's new first line.
    for (const e of entries) assert.ok(e.range.start.line >= shifted.start.line, `edit at line ${e.range.start.line}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
