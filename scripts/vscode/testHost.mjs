#!/usr/bin/env node
// The `vscodeExecutablePath` that @vscode/test-electron's runTests() spawns when desktop VS Code cannot be
// downloaded (offline machines, CI). It accepts the same arguments as the `code` binary, runs the suite
// inside code-server 4.100.3's extension host, forwards that host's console output, and exits with the
// suite's exit code — so runTests() resolves or rejects exactly as with desktop VS Code.
//
// How: code-server ignores --extensionDevelopmentPath, but its workbench reads the `payload` URL parameter;
// a headless Chromium opens that URL and the workbench reports back through window.codeAutomationLog /
// window.codeAutomationExit (../shared/TESTING-VSCODE.md).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureVsCodeTooling } from './install.mjs';

const TIMEOUT_MS = Number(process.env.LLM_FOOTPRINT_TEST_TIMEOUT_MS ?? 10 * 60_000);
const verbose = Boolean(process.env.LLM_FOOTPRINT_TEST_VERBOSE);

function parseArgs(argv) {
  const out = { folder: undefined, extensionDevelopmentPath: undefined, extensionTestsPath: undefined,
    userDataDir: undefined, extensionsDir: undefined };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) {
      const [, k, v] = m;
      if (k === 'extensionDevelopmentPath') out.extensionDevelopmentPath = v;
      else if (k === 'extensionTestsPath') out.extensionTestsPath = v;
      else if (k === 'user-data-dir') out.userDataDir = v;
      else if (k === 'extensions-dir') out.extensionsDir = v;
    } else if (!a.startsWith('-')) {
      out.folder = a; // like `code <folder>`
    }
  }
  return out;
}

// The workbench's own log lines arrive through the same channel as the suite's output, with the same
// types; these are start-up chatter and offline lookups (open-vsx) that say nothing about the tests.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Creation of workbench contribution|Updating additional builtin extensions|\[Service Worker\]|ChatSessionStore:|getaddrinfo ENOTFOUND|.*\bopen-vsx\.org\b)/;

// The workbench forwards console calls as (type, [format, ...args]) — printf-style, like console.log.
function formatLogArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list.map((a) => (a !== null && typeof a === 'object' ? JSON.stringify(a) : a)));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.extensionDevelopmentPath || !opts.extensionTestsPath) {
    console.error('testHost: need --extensionDevelopmentPath=… and --extensionTestsPath=…');
    return 2;
  }
  ensureVsCodeTooling();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'llm-footprint-vscode-'));
  let server;
  let browser;
  try {
    server = await startCodeServer({
      scratchDir: scratch,
      // Fresh per run: test-electron's default profile dirs are shared between runs and meant for Electron.
      onOutput: (line) => { if (verbose) console.error(`[code-server] ${line}`); },
    });
    const url = workbenchUrl({
      origin: server.origin,
      folder: opts.folder ?? opts.extensionDevelopmentPath,
      extensionDevelopmentPath: opts.extensionDevelopmentPath,
      extensionTestsPath: opts.extensionTestsPath,
    });
    console.log(`testHost: code-server ${server.origin} (pid ${server.pid}), running ${opts.extensionTestsPath}`);
    browser = await launchChromium();
    const page = await browser.newPage();
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLogArgs(args);
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      if (type === 'error' || type === 'warn') console.error(text);
      else console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('crash', () => resolveExit(-1));
    if (verbose) page.on('console', (m) => console.error(`[page] ${m.text()}`));
    await page.goto(url);
    const timer = new Promise((r) => setTimeout(() => r(-2), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timer]);
    if (code === -1) { console.error('testHost: the workbench page crashed'); return 1; }
    if (code === -2) { console.error(`testHost: no result within ${TIMEOUT_MS / 1000} s`); return 1; }
    return code;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => { console.error(`testHost: ${e instanceof Error ? e.stack : e}`); process.exit(1); },
);
