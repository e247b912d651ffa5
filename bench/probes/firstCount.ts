import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { DetectedCall } from '../../src/core/types';
import { DIST } from '../paths';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 4: the first countInputTokens result in a fresh process — module load, vocabulary, lazy tiktoken WASM, one count.
// The call is built by hand (what detection would hand over for a typical chat call) so only counting is timed.
// `thread` (the default) counts in this thread, as the CLI does; `editor` counts through the tokenizer thread the
// extension installs (dist/tokenizerWorker.js, started by the count itself: thread start included).

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'thread';
  if (mode !== 'thread' && mode !== 'editor') throw new Error('usage: firstCount [thread|editor]');
  const t0 = performance.now();
  const tokens = await import('../../src/core/tokens');
  const footprint = await import('../../src/core/footprint');
  const requireMs = elapsed(t0);
  const counter = mode === 'editor'
    ? new tokens.WorkerTokenCounter({
      script: path.join(DIST, 'tokenizerWorker.js'), assetsDir: DIST, fallback: () => tokens.IN_THREAD_COUNTER,
      log: (line) => process.stderr.write(`${line}\n`),
    })
    : undefined;
  tokens.setTokenCounter(counter);
  const call: DetectedCall = {
    language: 'python',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
    provider: 'openai', sdk: 'openai', api: 'chat', callee: 'client.chat.completions.create',
    model: 'gpt-4o', modelSource: 'literal',
    prompt: {
      messages: [
        { role: 'system', parts: [{ kind: 'static', text: 'You are a support triage assistant. Answer with one label.' }] },
        { role: 'user', parts: [{ kind: 'static', text: 'My invoice shows the wrong VAT number — can you fix it? 🙏' }] },
      ],
      tools: [], images: 0, audio: false, opaque: false,
    },
    params: { maxOutputTokens: { name: 'max_tokens', value: 5 } },
  };
  const model = footprint.resolveModel(call.model, DEFAULT_SETTINGS).model;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const counted = await tokens.countInputTokens(call, model, DEFAULT_SETTINGS);
  const firstCountMs = elapsed(t1);
  const firstCountCpuMs = cpuSince(c1);
  // A new text, so the count cache cannot answer: the time of a real second count (a round trip in `editor` mode).
  const t2 = performance.now();
  await tokens.countText('A second, different prompt.', 'o200k_base');
  const secondCountMs = elapsed(t2);
  tokens.disposeEncoders();
  emit({ mode, requireMs, firstCountMs, firstCountCpuMs, secondCountMs, sinceProcessStartMs: performance.now(), count: counted.count,
    exact: counted.exact, encoding: counted.encoding });
}

main().catch(fail);
