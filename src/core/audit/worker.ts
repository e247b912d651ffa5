import { parentPort, workerData } from 'node:worker_threads';
import { setAssetsDir } from '../assets';
import type { Logger } from '../types';
import { analyzeFile, ReadCache } from './analyzeFile';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol';

// Entry of dist/auditWorker.js: analyses batches of files sent by the runner (pool.ts) and posts the outcomes back.
// Each worker loads its own parser and tokenizer lazily, exactly like the main thread would.

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
  // Batches are handled one at a time, in order: the runner keeps two in flight per worker so none waits idle.
  let queue: Promise<void> = Promise.resolve();
  // A worker serves one audit: its cache of imported workspace modules lives as long as it does.
  const cache = new ReadCache(init.maxBytes);
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'jobs') return;
    queue = queue.then(async () => {
      const outcomes = [];
      for (const job of message.jobs) outcomes.push(await analyzeFile(job, init.settings, init.maxBytes, undefined, logger, cache));
      post({ type: 'results', id: message.id, outcomes });
    });
  });
}
