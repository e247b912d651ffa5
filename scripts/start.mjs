// npm start: build, then open the bundled demo/ workspace in a real VS Code with this extension loaded.
//  - `code` (desktop VS Code) on PATH → `code --extensionDevelopmentPath=<repo> demo/`.
//  - otherwise (or LLM_FOOTPRINT_VSCODE=code-server) → code-server 4.100.3 on 127.0.0.1 (PORT, default 8080
//    or a free one), printing the URL to open; runs until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, startCodeServer, workbenchUrl } from './vscode/codeServer.mjs';
import { CACHE_DIR, REPO_ROOT, ensureVsCodeTooling } from './vscode/install.mjs';

const DEMO = path.join(REPO_ROOT, 'demo');

function build() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function hasDesktopCode() {
  if (process.env.LLM_FOOTPRINT_VSCODE === 'code-server') return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function portToUse() {
  const wanted = Number(process.env.PORT ?? 8080);
  const probe = await import('node:net').then((net) => new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(wanted, '127.0.0.1', () => srv.close(() => resolve(true)));
  }));
  return probe ? wanted : freePort();
}

async function main() {
  build();
  if (hasDesktopCode()) {
    console.log('Opening demo/ in VS Code with the extension under development…');
    const r = spawnSync('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, DEMO], { stdio: 'inherit' });
    process.exit(r.status ?? 0);
  }

  ensureVsCodeTooling({ browser: false });
  // A persistent profile under .cache/, so window layout and settings survive restarts.
  const scratch = path.join(CACHE_DIR, 'start');
  mkdirSync(scratch, { recursive: true });
  const server = await startCodeServer({ scratchDir: scratch, port: await portToUse() });
  const url = workbenchUrl({ origin: server.origin, folder: DEMO, extensionDevelopmentPath: REPO_ROOT });
  console.log(`\nLLM Footprint is running in code-server ${server.origin} on demo/.`);
  console.log('Open this URL in a browser (the extension under development is loaded through it):\n');
  console.log(`  ${url}\n`);
  console.log('After changing the code: run `npm run build` and reload the browser tab. Ctrl-C stops the server.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`code-server exited (${code})`);
      process.exit(1);
    }
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
