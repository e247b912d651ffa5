import { parentPort, workerData } from 'node:worker_threads';
import { setAssetsDir } from '../assets';
import { IN_THREAD_COUNTER, liveEncoderCount } from './encoders';
import type { FromTokenizer, TokenizerInit, ToTokenizer } from './tokenizerProtocol';

// Entry of dist/tokenizerWorker.js: owns the tiktoken encoders of the extension host (one per encoding, built on
// the first warm-up or count) so that loading them (~0.15 s) and every count run off the host's only thread.
// Terminating the thread (deactivate) frees the encoders with it.

const init = workerData as TokenizerInit | undefined;
const port = parentPort;

if (port && init) {
  setAssetsDir(init.assetsDir);
  const post = (message: FromTokenizer): void => port.postMessage(message);
  port.on('message', (message: ToTokenizer) => {
    switch (message.type) {
      case 'warmUp':
        IN_THREAD_COUNTER.warmUp(message.encoding);
        break;
      case 'count':
        IN_THREAD_COUNTER.countTexts(message.encoding, message.texts).then(
          (counts) => post({ type: 'counts', id: message.id, counts }),
          (error: unknown) => post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
        );
        break;
      case 'stats':
        post({ type: 'stats', id: message.id, encoders: liveEncoderCount() });
        break;
    }
  });
}
