// The editor surfaces through VS Code's public API, on fixture files analysed by the real engine:
// CodeLens titles, diagnostics codes, hover content, live updates on edits and settings, and the commands behind them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate, closeAll, codeOf, hoverText, lensEnergyWh, lensTitles, openFixture, openUntitled, ourDiagnostics,
  replaceText, setUserSetting, waitFor, waitForLenses,
} from './editorHelpers';

const ENERGY = /(µWh|mWh|Wh|kWh|MWh)/;

describe('editor: CodeLens', function () {
  // Generous: cold WASM loading on a loaded machine; speed is the bench's job, not this suite's.
  this.timeout(180_000);
  before(activate);
  after(closeAll);

  it('shows energy, CO₂e, $ per call and tokens above each call of a Python file', async () => {
    const { document } = await openFixture('assistant.py');
    const lenses = await waitForLenses(document.uri, 3);
    assert.equal(lenses.length, 3, JSON.stringify(lenses));
    const [answer, summarize, legacy] = lenses;
    assert.ok(answer && summarize && legacy);
    // One lens per call, on the call's first line.
    assert.deepEqual(lenses.map((l) => document.lineAt(l.line).text.includes('.create(')), [true, true, true]);

    // `question` is only known at run time: the input count is a lower bound ("≥24+dyn in").
    assert.match(answer.title, /^⚡ [\d.,]+ (µWh|mWh|Wh|kWh) · [\d.,]+ (µg|mg|g|kg) CO₂e · \$[\d.,]+\/call · ≥\d+\+dyn in, ≤500 out$/);
    assert.ok(lensEnergyWh(answer.title) > 0);
    assert.equal(answer.command, 'llmFootprint.showCallDetails');

    // The annotated call (20k calls/day) also shows its per-day energy: more than one call's worth.
    const perDay = /· ([\d.,]+ (?:µWh|mWh|Wh|kWh|MWh))\/day$/.exec(summarize.title);
    assert.ok(perDay, summarize.title);
    assert.match(summarize.title, /~\d+ out/, 'no cap: the typical output length is shown with ~');

    assert.match(legacy.title, /^⚠ unknown model 'acme-llm-7b-internal' — map it…/);
    assert.equal(legacy.command, 'llmFootprint.mapModel');
  });

  it('works in a TypeScript file', async () => {
    const { document } = await openFixture('reply.ts');
    const [lens] = await waitForLenses(document.uri, 1);
    assert.ok(lens);
    assert.match(lens.title, ENERGY);
    assert.match(lens.title, /CO₂e/);
  });

  it('updates the lens when the model string is edited (debounced), and the smaller model costs less', async () => {
    const editor = await openUntitled('python', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'reply = client.chat.completions.create(',
      '    model="gpt-4o",',
      '    max_tokens=300,',
      '    messages=[{"role": "user", "content": "Write a haiku about autumn leaves."}],',
      ')',
      '',
    ].join('\n'));
    const uri = editor.document.uri;
    assert.equal(uri.scheme, 'untitled');
    const [before] = await waitForLenses(uri, 1);
    assert.ok(before);
    const energyBefore = lensEnergyWh(before.title);

    await replaceText(editor.document, '"gpt-4o"', '"gpt-4o-mini"');
    const after = await waitFor('the lens to change after the edit', async () => {
      const [lens] = await lensTitles(uri);
      return lens && lens.title !== before.title ? lens : undefined;
    });
    assert.ok(lensEnergyWh(after.title) < energyBefore, `${after.title} should be below ${before.title}`);

    await replaceText(editor.document, '"gpt-4o-mini"', '"no-such-model-xyz"');
    const unknown = await waitFor('the unknown-model lens', async () => {
      const [lens] = await lensTitles(uri);
      return lens?.title.startsWith('⚠') ? lens : undefined;
    });
    assert.match(unknown.title, /unknown model 'no-such-model-xyz'/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('applies llmFootprint.codeLens.parts and codeLens.enabled live', async () => {
    const { document } = await openFixture('assistant.py');
    await waitForLenses(document.uri, 3);
    const restoreParts = await setUserSetting('codeLens.parts', ['cost']);
    try {
      const [costOnly] = await waitFor('a cost-only lens', async () => {
        const titles = await lensTitles(document.uri);
        return titles[0] && /^⚡ \$[\d.,]+\/call$/.test(titles[0].title) ? titles : undefined;
      });
      assert.ok(costOnly);
    } finally {
      await restoreParts();
    }
    const restoreEnabled = await setUserSetting('codeLens.enabled', false);
    try {
      await waitFor('no lenses', async () => ((await lensTitles(document.uri)).length === 0 ? true : undefined));
    } finally {
      await restoreEnabled();
    }
    await waitForLenses(document.uri, 3);
  });

  it('re-analyses live when region and default calls/day change: a low-carbon grid lowers CO₂e, not energy', async () => {
    const { document } = await openFixture('reply.ts');
    const [before] = await waitForLenses(document.uri, 1);
    assert.ok(before);
    assert.doesNotMatch(before.title, /\/day/);
    const co2 = (t: string): number => {
      const m = /· ([\d.,]+) (µg|mg|g|kg) CO₂e/.exec(t);
      assert.ok(m, t);
      return Number((m[1] ?? '').replace(/,/g, '')) * ({ µg: 1e-6, mg: 1e-3, g: 1, kg: 1e3 }[m[2] as 'g'] ?? 1);
    };
    const restoreRegion = await setUserSetting('region', 'FR');
    const restoreVolume = await setUserSetting('defaultCallsPerDay', 1000);
    try {
      const after = await waitFor('the lens to show the new region and volume', async () => {
        const [lens] = await lensTitles(document.uri);
        return lens && /\/day$/.test(lens.title) && co2(lens.title) < co2(before.title) ? lens : undefined;
      });
      assert.equal(lensEnergyWh(after.title), lensEnergyWh(before.title), 'the grid changes CO₂e, not the energy');
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri,
        new vscode.Position(before.line, document.lineAt(before.line).text.indexOf('create'))));
      assert.match(text, /region FR/);
      assert.match(text, /\*\*Per day\*\* \(1,000 calls\/day, default setting\)/);
    } finally {
      await restoreVolume();
      await restoreRegion();
    }
  });

  it('an unknown region falls back to the provider default: the same lens and grid as with no region set', async () => {
    // The region is checked against the catalog only once the engine has loaded (settingsStore.ts); the check must
    // still reach every analysis. The warning it logs is asserted in test/unit/settingsStore.test.ts.
    const { document } = await openFixture('reply.ts');
    const [before] = await waitForLenses(document.uri, 1);
    assert.ok(before);
    const grid = async (): Promise<string> => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri,
        new vscode.Position(before.line, document.lineAt(before.line).text.indexOf('create'))));
      return /\*\*Grid\*\*: region [^\n]*/.exec(text)?.[0] ?? '';
    };
    const defaultGrid = await grid();
    assert.match(defaultGrid, /region \S+/);
    const restoreFr = await setUserSetting('region', 'FR');
    try {
      // First a known region, so that going back to the default's numbers is a visible change.
      await waitFor('the lens for region FR', async () => {
        const [lens] = await lensTitles(document.uri);
        return lens && lens.title !== before.title ? lens : undefined;
      });
      const restoreUnknown = await setUserSetting('region', 'XX-NOWHERE');
      try {
        await waitFor('the lens of the provider default again', async () => {
          const [lens] = await lensTitles(document.uri);
          return lens?.title === before.title ? lens : undefined;
        });
        assert.equal(await grid(), defaultGrid);
      } finally {
        await restoreUnknown();
      }
    } finally {
      await restoreFr();
    }
  });

  it('applies the team config (llm-footprint.config.json) like the CLI does, and follows its changes', async () => {
    const { document } = await openFixture('assistant.py');
    const lenses = await waitForLenses(document.uri, 3);
    const legacyLine = lenses[2]?.line;
    assert.match(lenses[2]?.title ?? '', /^⚠ unknown model 'acme-llm-7b-internal'/);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const configUri = vscode.Uri.joinPath(folder, 'llm-footprint.config.json');
    const existed = await vscode.workspace.fs.stat(configUri).then(() => true, () => false);
    assert.equal(existed, false, 'the fixture workspace must not have a config of its own');
    try {
      await vscode.workspace.fs.writeFile(configUri, Buffer.from(JSON.stringify({ modelMappings: { 'acme-llm-7b-internal': '70b' } })));
      const mapped = await waitFor('the config mapping to apply', async () => {
        const titles = await lensTitles(document.uri);
        const lens = titles.find((l) => l.line === legacyLine);
        return lens?.title.startsWith('⚡') ? lens : undefined;
      });
      assert.match(mapped.title, ENERGY);
      await waitFor('unknown-model to go', () => (ourDiagnostics(document.uri).some((d) => codeOf(d) === 'unknown-model') ? undefined : true));
    } finally {
      await vscode.workspace.fs.delete(configUri).then(undefined, () => undefined);
    }
    await waitFor('the unknown-model lens to come back', async () => {
      const lens = (await lensTitles(document.uri)).find((l) => l.line === legacyLine);
      return lens?.title.startsWith('⚠') ? true : undefined;
    });
  });

  it('maps an unknown model through llmFootprint.mapModel, and the lens then shows a footprint', async () => {
    const editor = await openUntitled('python', [
      'import openai',
      'client = openai.OpenAI()',
      'client.chat.completions.create(model="team-default-llm", max_tokens=100, messages=[{"role": "user", "content": "hi"}])',
      '',
    ].join('\n'));
    const uri = editor.document.uri;
    const [lens] = await waitForLenses(uri, 1);
    assert.match(lens?.title ?? '', /^⚠ unknown model 'team-default-llm'/);
    const config = vscode.workspace.getConfiguration('llmFootprint');
    const previous = config.inspect<Record<string, string>>('modelMappings');
    // The command writes workspace settings (mappings are per project); leave the fixture folder as it was.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const settingsDir = vscode.Uri.joinPath(folder, '.vscode');
    const hadSettingsDir = await vscode.workspace.fs.stat(settingsDir).then(() => true, () => false);
    try {
      const id = await vscode.commands.executeCommand<string>('llmFootprint.mapModel', 'team-default-llm', 'gpt-4o-mini');
      assert.equal(id, 'gpt-4o-mini');
      const mapped = vscode.workspace.getConfiguration('llmFootprint').get<Record<string, string>>('modelMappings');
      assert.equal(mapped?.['team-default-llm'], 'gpt-4o-mini');
      const [known] = await waitFor('a footprint lens after mapping', async () => {
        const titles = await lensTitles(uri);
        return titles[0]?.title.startsWith('⚡') ? titles : undefined;
      });
      assert.match(known?.title ?? '', ENERGY);
    } finally {
      await config.update('modelMappings', previous?.workspaceValue, vscode.ConfigurationTarget.Workspace);
      if (!hadSettingsDir) await vscode.workspace.fs.delete(settingsDir, { recursive: true }).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('editor: diagnostics', function () {
  // Generous: cold WASM loading on a loaded machine; speed is the bench's job, not this suite's.
  this.timeout(180_000);
  before(activate);
  after(closeAll);

  it('reports finding codes with source "LLM Footprint", configured severities and a docs link', async () => {
    const { document } = await openFixture('assistant.py');
    const diagnostics = await waitFor('diagnostics for assistant.py', () => {
      const d = ourDiagnostics(document.uri);
      return d.some((x) => codeOf(x) === 'unknown-model') && d.some((x) => codeOf(x) === 'unbounded-output') ? d : undefined;
    });
    const byCode = new Map(diagnostics.map((d) => [codeOf(d), d]));
    assert.equal(byCode.get('unbounded-output')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode.get('unknown-model')?.severity, vscode.DiagnosticSeverity.Information);
    // The unbounded call is the summarize() one (no max_tokens); the capped gpt-4o call has no unbounded-output.
    const unbounded = diagnostics.filter((d) => codeOf(d) === 'unbounded-output');
    assert.equal(unbounded.length, 1);
    const summarizeLine = document.getText().split('\n').findIndex((l) => l.startsWith('def summarize'));
    const legacyLine = document.getText().split('\n').findIndex((l) => l.startsWith('def legacy'));
    const line = unbounded[0]!.range.start.line;
    assert.ok(line > summarizeLine && line < legacyLine, `unbounded-output on line ${line + 1}, expected inside summarize()`);
    for (const d of diagnostics) {
      assert.ok(d.message.length > 20, d.message);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(code.target.fragment, code.value);
      assert.match(code.target.path, /\/docs\/findings\.md$/);
    }
  });

  it('a severity set to "off" removes that code; other codes stay', async () => {
    const { document } = await openFixture('assistant.py');
    await waitFor('unknown-model diagnostic', () => (ourDiagnostics(document.uri).some((d) => codeOf(d) === 'unknown-model') ? true : undefined));
    const restore = await setUserSetting('severity', { 'unknown-model': 'off', 'unbounded-output': 'error' });
    try {
      const d = await waitFor('unknown-model to disappear', () => {
        const all = ourDiagnostics(document.uri);
        return all.length > 0 && !all.some((x) => codeOf(x) === 'unknown-model') ? all : undefined;
      });
      assert.equal(d.find((x) => codeOf(x) === 'unbounded-output')?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await restore();
    }
    await waitFor('unknown-model to come back', () => (ourDiagnostics(document.uri).some((x) => codeOf(x) === 'unknown-model') ? true : undefined));
  });

  it('a bad setting value falls back to the default instead of breaking anything', async () => {
    const { document } = await openFixture('reply.ts');
    await waitForLenses(document.uri, 1);
    const restore = await setUserSetting('oversizedModel.maxInputTokens', 'lots');
    try {
      await new Promise((r) => setTimeout(r, 500));
      const [lens] = await waitForLenses(document.uri, 1);
      assert.match(lens?.title ?? '', ENERGY);
    } finally {
      await restore();
    }
  });
});

describe('editor: hover', function () {
  // Generous: cold WASM loading on a loaded machine; speed is the bench's job, not this suite's.
  this.timeout(180_000);
  before(activate);
  after(closeAll);

  it('shows the breakdown, region and grid intensity, assumptions, data date and a methodology command link', async () => {
    const { document } = await openFixture('assistant.py');
    const [lens] = await waitForLenses(document.uri, 3);
    assert.ok(lens);
    const line = document.lineAt(lens.line).text;
    const position = new vscode.Position(lens.line, line.indexOf('create'));
    const text = await waitFor('a hover on the call', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
      return t.includes('LLM call') ? t : undefined;
    });
    assert.match(text, /\| Energy \| [\d.,]+ (µWh|mWh|Wh|kWh) \| [\d.,]+ (µWh|mWh|Wh|kWh) – [\d.,]+ (µWh|mWh|Wh|kWh) \|/);
    assert.match(text, /\| CO₂e \|/);
    assert.match(text, /\| Water \|/);
    assert.match(text, /\| Cost \| \$/);
    assert.match(text, /region .* · [\d,]+ g CO₂e\/kWh/);
    assert.match(text, /Input: /);
    assert.match(text, /Output: .*max\\_tokens/);
    assert.match(text, /\*\*Assumptions\*\*/);
    assert.match(text, /Data as of \d{4}\\-\d{2}\\-\d{2}/);
    assert.ok(text.includes('command:llmFootprint.openMethodology'));
  });

  it('no hover away from calls', async () => {
    const { document } = await openFixture('assistant.py');
    await waitForLenses(document.uri, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 3));
    assert.doesNotMatch(hoverText(hovers), /LLM call/);
  });
});

describe('editor: commands', function () {
  // Generous: cold WASM loading on a loaded machine; speed is the bench's job, not this suite's.
  this.timeout(180_000);
  before(activate);
  after(closeAll);

  it('llmFootprint.showCallDetails returns and shows the details of the call', async () => {
    const { document } = await openFixture('assistant.py');
    const [lens] = await waitForLenses(document.uri, 3);
    assert.ok(lens);
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = all.find((l) => l.command?.command === 'llmFootprint.showCallDetails');
    assert.ok(ours?.command?.arguments);
    const markdown = await vscode.commands.executeCommand<string>('llmFootprint.showCallDetails', ...ours.command.arguments);
    assert.match(markdown, /^# LLM call at editor\/assistant\\\.py:\d+/);
    assert.match(markdown, /gpt\\-4o/);
    assert.match(markdown, ENERGY);
    assert.match(markdown, /max_tokens` = 500/);
  });

  it('llmFootprint.openMethodology opens docs/methodology.md from the extension', async () => {
    const uri = await vscode.commands.executeCommand<string | undefined>('llmFootprint.openMethodology');
    assert.ok(uri, 'the command found no docs/methodology.md in the extension folder');
    assert.match(uri, /docs\/methodology\.md$/);
  });

  it('llmFootprint.showLog runs', async () => {
    await vscode.commands.executeCommand('llmFootprint.showLog');
  });

  it('a file in another language gets no lens and no diagnostics', async () => {
    const editor = await openUntitled('plaintext', 'client.chat.completions.create(model="gpt-4o")\n');
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(await lensTitles(editor.document.uri), []);
    assert.deepEqual(ourDiagnostics(editor.document.uri), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file with a syntax error still gets lenses for the calls that parse', async () => {
    const editor = await openUntitled('python', [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def broken(:',
      '    pass',
      'client.chat.completions.create(model="gpt-4o", max_tokens=50, messages=[{"role": "user", "content": "hi"}])',
      '',
    ].join('\n'));
    const [lens] = await waitForLenses(editor.document.uri, 1);
    assert.match(lens?.title ?? '', ENERGY);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

