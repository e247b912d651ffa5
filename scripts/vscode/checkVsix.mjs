// Checks the packaged extension end to end: the .vsix holds the bundles, every .wasm and .vocab, but no node_modules,
// sources or source maps; it installs into code-server with --install-extension; and, installed (not under
// development), it activates when a Python file with an LLM call is opened and shows CodeLens.
//   node scripts/vscode/checkVsix.mjs [path.vsix]   (default: llm-footprint-<version>.vsix, packaged if missing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { CODE_SERVER_BIN, REPO_ROOT, ensureVsCodeTooling } from './install.mjs';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const extId = `${manifest.publisher}.${manifest.name}`;
const vsix = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));
const problems = [];

/** Entry names from the zip's central directory (a .vsix is a zip; no unzip tool needed). */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function checkContents() {
  const names = zipEntries(readFileSync(vsix));
  const wasm = names.filter((n) => n.endsWith('.wasm'));
  // Every WASM and tokenizer vocabulary the build put in dist/ (o200k/cl100k ship as .vocab, see esbuild.mjs).
  const expectedAssets = readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => /\.(wasm|vocab)$/.test(f));
  for (const a of expectedAssets) if (!names.includes(`extension/dist/${a}`)) problems.push(`missing extension/dist/${a}`);
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    if (!names.includes(`extension/dist/${encoding}.vocab`)) problems.push(`missing extension/dist/${encoding}.vocab`);
  }
  // extension.js requires engine.js on first use and starts tokenizerWorker.js: all three must ship.
  const bundles = ['extension.js', 'engine.js', 'tokenizerWorker.js', 'cli.js', 'auditWorker.js'].map((b) => `extension/dist/${b}`);
  for (const f of ['extension/package.json', ...bundles]) {
    if (!names.includes(f)) problems.push(`missing ${f}`);
  }
  const unwanted = names.filter((n) => /(^|\/)node_modules\/|^extension\/(src|test|out|demo|scripts)\/|\.map$|\.ts$/.test(n));
  if (unwanted.length) problems.push(`unwanted files: ${unwanted.slice(0, 5).join(', ')}${unwanted.length > 5 ? ' …' : ''}`);
  const vocabularies = names.filter((n) => n.endsWith('.vocab')).length;
  console.log(`contents: ${names.length} entries, ${wasm.length} .wasm (${wasm.map((w) => path.basename(w)).join(', ')}), `
    + `${vocabularies} .vocab, no node_modules: ${!names.some((n) => n.includes('node_modules/'))}`);
}

async function checkInstallAndActivation() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'llm-footprint-vsix-'));
  const extensionsDir = path.join(scratch, 'extensions');
  const userDataDir = path.join(scratch, 'user-data');
  const ws = path.join(scratch, 'workspace');
  mkdirSync(ws, { recursive: true });
  writeFileSync(path.join(ws, 'bot.py'), [
    'from openai import OpenAI', '', 'client = OpenAI()', '',
    'def answer(question: str) -> str:',
    '    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}], max_tokens=200)',
    '    return r.choices[0].message.content', '',
  ].join('\n'));
  const env = { ...process.env, HOME: path.join(scratch, 'home'), TMPDIR: os.tmpdir() };
  const install = spawnSync(process.execPath, [CODE_SERVER_BIN, '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir, '--install-extension', vsix], { env, encoding: 'utf8' });
  console.log(`install: ${(install.stdout + install.stderr).trim().split('\n').filter((l) => /install/i.test(l)).join(' | ')}`);
  if (install.status !== 0) { problems.push(`--install-extension exited ${install.status}`); return; }
  const installed = readdirSync(extensionsDir).filter((d) => d.startsWith(extId));
  if (installed.length === 0) { problems.push(`${extId} not in ${extensionsDir} after install`); return; }

  const server = await startCodeServer({ scratchDir: scratch, extensionsDir, userDataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(2000);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('bot.py');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="bot.py"]', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    const lens = await page.waitForSelector('.codelens-decoration', { timeout: 30_000 }).catch(() => null);
    const lensText = lens ? (await lens.innerText()).trim() : '';
    console.log(lens ? `codelens: ${lensText}` : 'codelens: none within 30 s');
    await page.screenshot({ path: path.join(os.tmpdir(), 'llm-footprint-vsix.png') });
    const logs = spawnSync('grep', ['-rh', extId, path.join(userDataDir, 'logs')], { encoding: 'utf8' }).stdout;
    const activated = logs.split('\n').find((l) => l.includes(`_doActivateExtension ${extId}`));
    console.log(`activation: ${activated ? activated.replace(/^.*_doActivateExtension /, '') : 'not seen in the extension host log'}`);
    if (!activated) problems.push('the installed extension did not activate');
    if (/Activating extension .* failed/.test(logs)) problems.push('activation failed (see the extension host log)');
    if (!lens) problems.push('no CodeLens on a Python file with an OpenAI call');
    // The lens's tokens were counted in the tokenizer thread: had it failed to start, the log would say so.
    const fallback = spawnSync('grep', ['-rl', 'Tokenizer thread stopped', path.join(userDataDir, 'logs')], { encoding: 'utf8' }).stdout;
    if (fallback.trim()) problems.push('the tokenizer thread did not run in the installed extension (see the LLM Footprint log)');
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  ensureVsCodeTooling();
  if (!existsSync(vsix)) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) return 1;
  }
  console.log(`checking ${path.relative(REPO_ROOT, vsix)}`);
  checkContents();
  await checkInstallAndActivation();
  for (const p of problems) console.error(`✗ ${p}`);
  console.log(problems.length ? `vsix check: ${problems.length} problem(s)` : 'vsix check: ok');
  return problems.length ? 1 : 0;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
