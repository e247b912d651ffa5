// Takes the README screenshot (and checks `npm start`'s set-up end to end): code-server on demo/ with the
// extension under development, a demo file opened through Quick Open, CodeLens awaited, PNG written.
//   node scripts/screenshot.mjs [out.png] [file in demo/]   (defaults: media/screenshot.png, python-service/triage.py)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './vscode/browser.mjs';
import { startCodeServer, workbenchUrl } from './vscode/codeServer.mjs';
import { REPO_ROOT, ensureVsCodeTooling } from './vscode/install.mjs';

const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'media', 'screenshot.png'));
const file = process.argv[3] ?? 'python-service/triage.py';

async function main() {
  ensureVsCodeTooling();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'llm-footprint-shot-'));
  const server = await startCodeServer({ scratchDir: scratch });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = workbenchUrl({ origin: server.origin, folder: path.join(REPO_ROOT, 'demo'), extensionDevelopmentPath: REPO_ROOT });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(3000);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(path.basename(file));
    // Enter only once the file search has answered, else it lands on an empty list.
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(file)}"]`, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    const lens = await page.waitForSelector('.codelens-decoration', { timeout: 30_000 }).catch(() => null);
    console.log(lens ? `CodeLens shown: ${(await lens.innerText()).trim()}` : 'warning: no CodeLens within 30 s');
    if (lens && !process.env.NO_HOVER) {
      // Show the hover of the first call (cursor onto it, then "Show Hover") so the picture has the
      // breakdown card as well as the lenses.
      await page.keyboard.press('Control+G');
      await page.keyboard.type(process.env.HOVER_AT ?? '31:35');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 10_000 }).catch(() => null);
    }
    await page.waitForTimeout(1500);
    await page.screenshot({ path: out });
    console.log(`screenshot: ${out}`);
    return lens ? 0 : 1;
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: `${out}.failed.png` }).catch(() => {});
    throw e;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
