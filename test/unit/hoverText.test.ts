import * as assert from 'node:assert/strict';
import { callDetailsMarkdown } from '../../src/core/present/callDetails';
import { HOVER_COMMANDS, hoverMarkdown } from '../../src/core/present/hoverText';
import { escapeMarkdown, inlineCode } from '../../src/core/present/markdown';
import { analysis, detected } from './presentFixtures';

const opts = { units: 'auto' as const, dataAsOf: '2026-11-30' };

describe('hover text', () => {
  it('has the ranges, region with grid intensity, tokens with basis, assumptions and the data date', () => {
    const md = hoverMarkdown(analysis(), opts);
    assert.match(md, /\| Energy \| 0\.31 Wh \| 0\.1 Wh – 0\.9 Wh \|/);
    assert.match(md, /\| CO₂e \| 0\.12 g CO₂e \| 0\.04 g CO₂e – 0\.4 g CO₂e \|/);
    assert.match(md, /\| Water \| 1\.1 mL \|/);
    assert.match(md, /\| Cost \| \$0\.0021 \| \$0\.001 – \$0\.005 \|/);
    assert.match(md, /region US · 384 g CO₂e\/kWh/);
    assert.match(md, /Input: 1,234 \(o200k\\_base; exact\)/);
    assert.match(md, /Output: 1 – 500, typical 300 — max\\_tokens=500/);
    assert.match(md, /PUE 1\\\.1–1\\\.4/);
    assert.match(md, /Data as of 2026\\-11\\-30/);
  });

  it('links only to our own commands', () => {
    const md = hoverMarkdown(analysis(), { ...opts, detailsArgs: ['file:///a.py', 4, 4] });
    const targets = [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
    assert.ok(targets.length >= 2);
    for (const t of targets) {
      const id = /^command:([\w.]+)/.exec(t)?.[1];
      assert.ok(id && HOVER_COMMANDS.includes(id), t);
    }
    assert.ok(md.includes(`command:llmFootprint.showCallDetails?${encodeURIComponent(JSON.stringify(['file:///a.py', 4, 4]))}`));
  });

  it('shows reasoning tokens and per-day figures when present', () => {
    const md = hoverMarkdown(analysis({
      callsPerDay: 20000,
      outputTokens: { min: 100, typical: 2000, max: 8000, reasoning: { min: 50, typical: 1500, max: 6000 }, basis: ['reasoning_effort=high'] },
    }), opts);
    assert.match(md, /Reasoning .*50 – 6,000, typical 1,500/);
    assert.match(md, /\*\*Per day\*\* \(20,000 calls\/day, default setting\): 6\.2 kWh · 2\.4 kg CO₂e · \$42/);
  });

  it('an unknown model explains why and links to mapping it', () => {
    const md = hoverMarkdown(analysis({ call: detected({ model: 'acme-7b' }), footprint: null, unknownModelReason: 'not in the catalog' }), opts);
    assert.match(md, /No footprint data for this model: not in the catalog/);
    assert.ok(md.includes(`command:llmFootprint.mapModel?${encodeURIComponent(JSON.stringify(['acme-7b']))})`));
    assert.doesNotMatch(md, /\| Energy/);
  });

  it('escapes text from the code so it cannot inject links or HTML', () => {
    const hostile = 'x](command:workbench.action.terminal.new)<img src=x onerror=alert(1)>';
    const md = hoverMarkdown(analysis({ call: detected({ callee: 'a`b', model: hostile }), footprint: null, unknownModelReason: hostile }), opts);
    // Inside a code span markdown is literal text; outside of code spans the hostile text must be escaped.
    const outsideCode = md.replace(/(`+)[\s\S]*?\1/g, '');
    assert.doesNotMatch(outsideCode, /(^|[^\\])\]\(command:workbench/);
    assert.doesNotMatch(outsideCode, /(^|[^\\])<img/);
    assert.match(outsideCode, /\\<img/, 'shown as text');
    assert.ok(md.includes(inlineCode('a`b')));
    // The mapModel link carries the name as an argument: every link target stays one unbroken token.
    for (const m of md.matchAll(/\]\(command:([^)\s]*)\)/g)) assert.doesNotMatch(m[1] ?? '', /[()<>[\]]/);
    const mapArgs = /command:llmFootprint\.mapModel\?([^)\s]*)\)/.exec(md)?.[1];
    assert.deepEqual(JSON.parse(decodeURIComponent(mapArgs ?? '')), [hostile]);
  });

  it('escapeMarkdown and inlineCode round-trip awkward text', () => {
    assert.equal(escapeMarkdown('a_b*[c]'), 'a\\_b\\*\\[c\\]');
    assert.equal(inlineCode('plain'), '`plain`');
    assert.equal(inlineCode('has ` tick'), '``has ` tick``');
    assert.equal(inlineCode('`edge'), '`` `edge ``');
  });

  it('the details document has no command links or icons (a markdown preview shows neither)', () => {
    const md = callDetailsMarkdown(analysis({ call: detected({ loop: { kind: 'for', range: detected().range, iterable: 'documents' } }) }), { ...opts, location: 'app.py:5' });
    assert.doesNotMatch(md, /command:/);
    assert.doesNotMatch(md, /\$\(/);
    assert.match(md, /^# LLM call at app\\\.py:5/);
    assert.match(md, /Inside a for over `documents`/);
    assert.match(md, /max_tokens` = 500/);
  });
});
