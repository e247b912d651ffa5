// Regenerates the settings table in README.md (between <!-- settings:start --> and <!-- settings:end -->)
// from package.json's contributes.configuration, so the two cannot drift; test/unit/readme.test.ts checks it.
//   node scripts/readmeSettings.mjs          rewrite README.md
//   node scripts/readmeSettings.mjs --check  exit 1 if README.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- settings:start -->';
const END = '<!-- settings:end -->';

function firstSentence(text) {
  const clean = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at . or … followed by a capital letter or the end ("e.g. `x`" does not end one).
  const m = /^(.+?[.…])(?=\s+[A-Z*]|$)/.exec(clean);
  return (m ? m[1] : clean).replace(/\|/g, '\\|');
}

function defaultCell(value) {
  if (value === undefined) return '';
  const json = JSON.stringify(value);
  return json.length > 40 ? (Array.isArray(value) ? '(list)' : '(per key)') : `\`${json}\``;
}

export function settingsTable(manifest) {
  const props = manifest.contributes?.configuration?.properties ?? {};
  const rows = Object.entries(props).map(([key, p]) =>
    `| \`${key}\` | ${defaultCell(p.default)} | ${firstSentence(p.markdownDescription ?? p.description ?? '')} |`);
  return ['| Setting | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function updatedReadme(readme, manifest) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${settingsTable(manifest)}\n${readme.slice(b)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = updatedReadme(readme, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md settings table is out of date: run node scripts/readmeSettings.mjs');
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log('README.md settings table updated');
  }
}
