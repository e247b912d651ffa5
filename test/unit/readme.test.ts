// The README is the first thing a user reads: it must list every setting and every palette command that
// package.json contributes, and its settings table must be the one scripts/readmeSettings.mjs generates.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './setup';

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, unknown> };
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('documents every setting in package.json', () => {
    const missing = Object.keys(manifest.contributes.configuration.properties).filter((k) => !readme.includes(`\`${k}\``));
    assert.deepEqual(missing, [], 'run: node scripts/readmeSettings.mjs');
  });

  it('has the generated settings table (scripts/readmeSettings.mjs --check)', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'readmeSettings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('lists every command shown in the Command Palette by its title', () => {
    const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    const missing = manifest.contributes.commands
      .filter((c) => !hidden.has(c.command))
      .filter((c) => !readme.includes(`LLM Footprint: ${c.title}`))
      .map((c) => c.title);
    assert.deepEqual(missing, []);
  });

  it('shows a screenshot that exists and gives the two newcomer commands', () => {
    assert.match(readme, /!\[[^\]]+\]\(media\/screenshot\.png\)/);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'media', 'screenshot.png')), 'media/screenshot.png is missing');
    assert.ok(readme.includes('npm install && npm start'));
    assert.ok(readme.includes('npm test'));
  });
});
