import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { DetectedCall } from '../../src/core/types';
import { cpuSince, elapsed, emit, fail } from './probe';

// Issue 4: the first countInputTokens result in a fresh process — module load, lazy tiktoken WASM + ranks, one count.
// The call is built by hand (what detection would hand over for a typical chat call) so only counting is timed.

async function main(): Promise<void> {
  const t0 = performance.now();
  const tokens = await import('../../src/core/tokens');
  const footprint = await import('../../src/core/footprint');
  const requireMs = elapsed(t0);
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
  const t2 = performance.now();
  await tokens.countInputTokens(call, model, DEFAULT_SETTINGS);
  const secondCountMs = elapsed(t2);
  tokens.disposeEncoders();
  emit({ requireMs, firstCountMs, firstCountCpuMs, secondCountMs, sinceProcessStartMs: performance.now(), count: counted.count,
    exact: counted.exact, encoding: counted.encoding });
}

main().catch(fail);
