import { parentPort, workerData } from 'node:worker_threads';
import { setAssetsDir } from '../assets';
import type { Logger } from '../types';
import { detectFile, ReadCache, type DetectOutcome } from './analyzeFile';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol';

// Entry of dist/auditWorker.js: detects the LLM calls of batches of candidate texts sent by the runner (pool.ts) and
// posts them back. Only the parser loads here; tokens and footprints are estimated by the runner, so no worker builds
// a tokenizer (each would load the vocabularies and compile tiktoken's WASM again).

const init = workerData as WorkerInit | undefined;
const port = parentPort;

if (port && init) {
  setAssetsDir(init.assetsDir);
  const post = (message: FromWorker): void => port.postMessage(message);
  const logger: Logger = {
    info: (message) => post({ type: 'log', level: 'info', message }),
    warn: (message) => post({ type: 'log', level: 'warn', message }),
    error: (message, error) => post({
      type: 'log', level: 'error', message: error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message,
    }),
  };
  // Batches are handled one at a time, in order: the runner keeps several in flight per worker so none waits idle.
  let queue: Promise<void> = Promise.resolve();
  // A worker serves one audit: its cache of imported workspace modules lives as long as it does.
  const cache = new ReadCache(init.maxBytes);
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'detect') return;
    queue = queue.then(async () => {
      const outcomes: DetectOutcome[] = [];
      for (const job of message.jobs) outcomes.push(await detectFile(job, job.text, cache, undefined, logger));
      post({ type: 'detected', id: message.id, outcomes });
    });
  });
}
