// Installs what running the extension in a real VS Code needs offline: Debian's chromium, ripgrep and
// libkrb5-dev (apt), and code-server 4.100.3 (VS Code 1.100.3, runs on Node 20) into .cache/ — never as a
// package.json dependency, it is ≈300 MB. Idempotent: a second call only checks a marker file and returns.
// Recipe and measured pitfalls: ../shared/TESTING-VSCODE.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache');
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

const csDir = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const marker = path.join(csDir, '.installed');
export const CODE_SERVER_BIN = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// @vscode/ripgrep (a code-server dependency) downloads rg from GitHub in its postinstall unless this exact
// archive already sits in its cache under os.tmpdir() — https://github.com/microsoft/vscode-ripgrep (postinstall.js).
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const APT_PACKAGES = [
  { pkg: 'chromium', browser: true, check: () => existsSync(CHROMIUM) },
  { pkg: 'ripgrep', check: () => existsSync('/usr/bin/rg') },
  // code-server's kerberos module builds from source against these headers.
  { pkg: 'libkrb5-dev', check: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') },
];

function log(msg) {
  process.stderr.write(`[vscode-install] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

/** @param {{ browser?: boolean }} [opts] browser: false when only code-server is needed (npm start). */
export function ensureAptPackages({ browser = true } = {}) {
  const missing = APT_PACKAGES.filter((p) => (browser || !p.browser) && !p.check()).map((p) => p.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')} — run: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

export function isCodeServerInstalled() {
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(CODE_SERVER_BIN);
}

export function ensureCodeServer() {
  if (isCodeServerInstalled()) return CODE_SERVER_BIN;
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, csDir)} (≈2–3 min, once)`);
  rmSync(csDir, { recursive: true, force: true });
  const tmp = path.join(csDir, 'tmp');
  mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
  run('tar', ['czf', path.join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', '/usr/bin', 'rg']);
  writeFileSync(path.join(csDir, 'package.json'), JSON.stringify({
    name: 'llm-footprint-code-server',
    private: true,
    // npm 11 lists packages whose install scripts are not approved and says it will skip them; code-server's
    // postinstall (VS Code's own node_modules, node-pty) and argon2's native build are required.
    allowScripts: { 'code-server': true, argon2: true },
  }));
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // The machine's npmrc sets yes=false, which cancels node-pty's `npx node-gyp`.
    npm_config_yes: 'true',
    // As root, npm would run lifecycle scripts as nobody, who cannot write into our cache.
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: csDir, env });
  if (!existsSync(CODE_SERVER_BIN)) throw new Error(`code-server installed but ${CODE_SERVER_BIN} is missing`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(marker, CODE_SERVER_VERSION);
  log(`code-server ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return CODE_SERVER_BIN;
}

/** Everything a run needs; returns the code-server entry point. */
export function ensureVsCodeTooling({ browser = true } = {}) {
  ensureAptPackages({ browser });
  return ensureCodeServer();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--apt-only')) {
      ensureAptPackages();
      log('ok: system packages present');
    } else {
      const bin = ensureVsCodeTooling();
      log(`ok: ${bin}`);
    }
  } catch (e) {
    log(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
}
