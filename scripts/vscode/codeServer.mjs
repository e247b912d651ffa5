// Starts code-server (installed by ./install.mjs) on 127.0.0.1 with a free port and builds workbench URLs.
// code-server refuses --extensionDevelopmentPath on its command line, but its web workbench reads the same
// options from the `payload` URL parameter (../shared/TESTING-VSCODE.md), so the caller opens that URL.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER_BIN } from './install.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ scratchDir: string, userDataDir?: string, extensionsDir?: string, port?: number,
 *           onOutput?: (line: string) => void }} opts
 */
export async function startCodeServer(opts) {
  const port = opts.port ?? (await freePort());
  const scratch = path.resolve(opts.scratchDir);
  const dirs = {
    home: path.join(scratch, 'home'),
    tmp: path.join(scratch, 'tmp'),
    config: path.join(scratch, 'xdg-config'),
    data: path.join(scratch, 'xdg-data'),
    userData: opts.userDataDir ?? path.join(scratch, 'user-data'),
    extensions: opts.extensionsDir ?? path.join(scratch, 'extensions'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // Our own config file, so a user's ~/.config/code-server/config.yaml (password auth) never applies.
  const configFile = path.join(scratch, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // Settings that keep the test window quiet and deterministic.
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'update.mode': 'none',
      // The repo's own .git sits above demo/ and the test workspace: no "open the parent repository?" prompt.
      'git.openRepositoryInParentFolders': 'never',
      'workbench.tips.enabled': false,
    }, null, 2),
  );

  const args = [
    CODE_SERVER_BIN,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
  };
  // Own process group: code-server forks the extension host and file watchers; killing only the parent
  // leaves them running, so stop() kills the whole group.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) opts.onOutput?.(line);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  let exited = false;
  child.on('exit', () => { exited = true; });

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up (exit ${child.exitCode})`);
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      killGroup(child.pid);
      throw new Error('code-server did not answer /healthz within 90 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  async function stop() {
    if (exited) return;
    killGroup(child.pid, 'SIGTERM');
    const until = Date.now() + 5000;
    while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    killGroup(child.pid, 'SIGKILL');
  }

  return { port, origin, pid: child.pid, child, stop, dirs };
}

function killGroup(pid, signal = 'SIGKILL') {
  if (!pid) return;
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/**
 * The workbench URL that opens `folder` with the extension under development (and optionally a test suite).
 * @param {{ origin: string, folder: string, extensionDevelopmentPath: string, extensionTestsPath?: string }} o
 */
export function workbenchUrl(o) {
  const host = new URL(o.origin).host;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]];
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  const q = new URLSearchParams({ folder: path.resolve(o.folder), payload: JSON.stringify(payload) });
  return `${o.origin}/?${q.toString()}`;
}
