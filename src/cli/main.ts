import * as path from 'node:path';
import { setAssetsDir } from '../core/assets';
import { disposeDetection } from '../core/detect';
import { disposeEncoders } from '../core/tokens';
import { runCli } from './run';

// The bundle's own folder holds the WASM and tokenizer ranks (copied there by esbuild.mjs).
setAssetsDir(path.resolve(__dirname));

// SIGINT stops a running audit, which still prints what it has; a second Ctrl-C exits at once.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), signal: interrupt.signal })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`llm-footprint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  })
  .finally(() => {
    disposeEncoders();
    disposeDetection();
  });
