// Headless Debian Chromium driven by playwright-core (which downloads no browser of its own).
import { chromium } from 'playwright-core';
import { CHROMIUM } from './install.mjs';

// Flags from ../shared/TESTING-VSCODE.md: no sandbox as root, no GPU, and nothing that phones home.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** A fresh browser (playwright gives each launch a new temporary profile). */
export function launchChromium({ headless = true } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless, args: ARGS });
}
