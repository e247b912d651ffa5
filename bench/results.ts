import type { Machine } from './machine';

export interface Line {
  what: string;
  value: string;
  /** Lines without a target are context (sizes, counts); lines with one say PASS or MISS. */
  target?: string;
  pass?: boolean;
}

export interface Section {
  title: string;
  lines: Line[];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function renderResults(machine: Machine, sections: Section[], notes: string[], markers: string): string {
  const out: string[] = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` (bench/run.ts) on ${machine.date}.`,
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory} RAM, ${machine.os}; Node ${machine.node}; ` +
      `${machine.ripgrep}. Load average at start: ${machine.loadAverage.toFixed(2)} ` +
      '(the machine is shared with other jobs, so timings are noisy; best or median of several runs is shown, and ' +
      'CPU time beside wall time: with a load average above the core count, wall time is mostly waiting for a core). ' +
      'Verdicts are on wall time, as the targets are stated.',
    '',
  ];
  for (const section of sections) {
    out.push(`## ${section.title}`, '', '| Measure | Result | Target | Verdict |', '|---|---|---|---|');
    for (const l of section.lines) {
      const verdict = l.target === undefined ? '' : l.pass ? '**PASS**' : '**MISS**';
      out.push(`| ${cell(l.what)} | ${cell(l.value)} | ${cell(l.target ?? '')} | ${verdict} |`);
    }
    out.push('');
  }
  out.push('## How it was measured', '',
    '- The tree (bench/tree, gitignored, built once and reused) is real source copied from the installed Python ' +
      'standard library and site-packages and from node_modules, plus copies of test/fixtures/corpus. Only files the ' +
      'audit reads are copied (no .d.ts, *.min.js or files > 2 MB; folders the walker always skips are renamed), so ' +
      'both tools see the same files.',
    `- ripgrep: \`rg -l -e '${markers}' bench/tree\`. Audit: \`node dist/cli.js audit bench/tree --format json\` ` +
      '(automatic worker threads). One untimed run of each first (warm page cache), then timed runs alternating ' +
      'between the two; wall time around the whole process; peak RSS from GNU time (`/usr/bin/time -v`).',
    '- Token counting, direct: bench/probes/auditCounting.ts runs the same audit (auditPaths with the real worker ' +
      'script, a fresh process each time) with and without the estimation\'s token counting (a bench-only ' +
      'AuditOptions field, not a CLI flag: input tokens are 0, so findings that depend on them change too), ' +
      'alternating, 7 runs each; "adds" is (with − without) ÷ without, for the best runs and for the medians, and ' +
      'the verdict needs both within the target. ' +
      'Indirect, for comparison: a probe replays walk → read → prefilter → detect in one thread, then times ' +
      'countInputTokens + estimateOutputTokens for every call, over the audit\'s wall time.',
    '- Fresh-process numbers (first count, cold analysis, activation) each start a new `node`; activation loads ' +
      'dist/extension.js with `require(\'vscode\')` resolved to bench/probes/fakeVscode.ts, whose configuration serves ' +
      'nothing (every default) or `llmFootprint.region` and `modelMappings` (the settings checked against the engine\'s ' +
      'catalog); the probe reports whether dist/engine.js was loaded.',
    '- Warm analysis edits the text slightly before every run (a comment line), as typing would, so a whole-text ' +
      'cache cannot answer it.',
    '');
  if (notes.length) out.push('## Notes', '', ...notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
