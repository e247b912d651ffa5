import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { get_encoding, type Tiktoken as ReferenceTiktoken } from 'tiktoken';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  countInputTokens, countTexts, disposeEncoders, ENCODINGS, IN_THREAD_COUNTER, setTokenCounter, WorkerTokenCounter,
  type EncodingName, type TokenCounter,
} from '../../src/core/tokens';
import { REPO_ROOT } from './setup';
import { TEXT_FIXTURES, makeCall, msg, readTokenFixture, text } from './tokensFixtures';

// The counting port (core/tokens/tokenCounter.ts): the in-thread counter and the tokenizer thread
// (WorkerTokenCounter + dist/tokenizerWorker.js, built by `npm run build`) must give identical counts, equal to the
// full tiktoken build; requests coalesce; a dying thread falls back to this thread; dispose ends the thread.

const DIST = path.join(REPO_ROOT, 'dist');
const SCRIPT = path.join(DIST, 'tokenizerWorker.js');

const references = new Map<EncodingName, ReferenceTiktoken>();
function reference(encoding: EncodingName, t: string): number {
  let enc = references.get(encoding);
  if (!enc) { enc = get_encoding(encoding); references.set(encoding, enc); }
  return enc.encode_ordinary(t).length;
}

function workerCounter(over: {
  script?: string; assetsDir?: string; fallback?: () => TokenCounter; threadPerEncoding?: boolean;
} = {}): { counter: WorkerTokenCounter; logged: string[] } {
  const logged: string[] = [];
  const counter = new WorkerTokenCounter({
    script: over.script ?? SCRIPT, assetsDir: over.assetsDir ?? DIST,
    fallback: over.fallback ?? (() => IN_THREAD_COUNTER), log: (line) => logged.push(line),
    ...(over.threadPerEncoding === undefined ? {} : { threadPerEncoding: over.threadPerEncoding }),
  });
  return { counter, logged };
}

/** A tokenizer thread that dies on the first message it gets, as one would on a bug or out of memory. */
function crashingScript(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'llm-footprint-tokenizer-')), 'crash.js');
  fs.writeFileSync(file, "require('node:worker_threads').parentPort.on('message', () => process.exit(7));\n");
  return file;
}

const TEXTS = [...TEXT_FIXTURES.map(readTokenFixture), '<|endoftext|>', '<|endoftext|> and <|fim_prefix|>', '', 'hello', 'hello'];

describe('tokens: the counting port', function () {
  // Each test may build a fresh encoder in a fresh thread (~0.5 s; seconds on a loaded machine).
  this.timeout(60_000);
  const counters: WorkerTokenCounter[] = [];
  const track = (c: WorkerTokenCounter): WorkerTokenCounter => { counters.push(c); return c; };

  afterEach(async () => {
    setTokenCounter(undefined);
    for (const c of counters.splice(0)) { c.dispose(); await c.stopped; }
  });
  after(() => {
    for (const enc of references.values()) enc.free();
    disposeEncoders();
  });

  for (const [encoding, threadPerEncoding] of ENCODINGS.flatMap((e) => [[e, false], [e, true]] as const)) {
    const layout = threadPerEncoding ? 'a thread per encoding' : 'one thread for both';
    it(`in-thread and tokenizer thread (${layout}) give identical counts, equal to tiktoken (${encoding}, incl. <|endoftext|>, emoji, non-English)`, async () => {
      const counter = track(workerCounter({ threadPerEncoding }).counter);
      const [inThread, threaded] = await Promise.all([
        IN_THREAD_COUNTER.countTexts(encoding, TEXTS), counter.countTexts(encoding, TEXTS),
      ]);
      assert.deepEqual(threaded, inThread);
      assert.deepEqual(inThread, TEXTS.map((t) => reference(encoding, t)));
      assert.equal(inThread[TEXTS.indexOf('')], 0);
      assert.ok((inThread[TEXTS.indexOf('<|endoftext|>')] ?? 0) > 1, 'a special-token string counts as plain text');
    });
  }

  it('countInputTokens gives the same result through the tokenizer thread as in this thread', async () => {
    const calls = TEXT_FIXTURES.flatMap((fixture) => ['gpt-4o', 'gpt-4', 'claude-3-5-sonnet'].map((model) => makeCall({
      model, prompt: { messages: [msg('system', text('You are terse.')), msg('user', text(readTokenFixture(fixture)))] },
    })));
    const inThread = await Promise.all(calls.map((c) => countInputTokens(c, null, DEFAULT_SETTINGS)));
    setTokenCounter(track(workerCounter().counter));
    const threaded = await Promise.all(calls.map((c) => countInputTokens(c, null, DEFAULT_SETTINGS)));
    assert.deepEqual(threaded, inThread);
  });

  for (const threadPerEncoding of [false, true]) {
    const layout = threadPerEncoding ? 'a thread per encoding' : 'one thread for both';
    it(`requests made in the same tick go as one message per encoding, repeated texts once (${layout})`, async () => {
      const counter = track(workerCounter({ threadPerEncoding }).counter);
      const asked = Array.from({ length: 30 }, (_, i) => [`call ${i % 10}`, 'system', 'user'] as const);
      const pending = asked.map((texts, i) => counter.countTexts(i % 3 === 0 ? 'cl100k_base' : 'o200k_base', texts));
      const counts = await Promise.all(pending);
      assert.equal(counter.requestsSent, 2);
      counts.forEach((c, i) => {
        const encoding = i % 3 === 0 ? 'cl100k_base' : 'o200k_base';
        assert.deepEqual(c, (asked[i] ?? []).map((t) => reference(encoding, t)));
      });
      await counter.countTexts('o200k_base', ['a later tick']);
      assert.equal(counter.requestsSent, 3);
    });
  }

  it('counts the editor has seen need no round trip: the main-side cache answers them', async () => {
    const counter = track(workerCounter().counter);
    setTokenCounter(counter);
    const texts = ['You are a helpful assistant.', readTokenFixture('multilingual.txt')];
    const first = await countTexts('o200k_base', texts);
    const sent = counter.requestsSent;
    assert.ok(sent >= 1);
    assert.deepEqual(await countTexts('o200k_base', texts), first);
    assert.equal(counter.requestsSent, sent);
  });

  for (const threadPerEncoding of [false, true]) {
    it(`one encoder per encoding (${threadPerEncoding ? 'a thread per encoding' : 'one thread for both'}), however many first requests race`, async () => {
      const counter = track(workerCounter({ threadPerEncoding }).counter);
      counter.warmUp('o200k_base');
      counter.warmUp('o200k_base');
      await Promise.all(Array.from({ length: 20 }, (_, i) => counter.countTexts(i % 2 ? 'o200k_base' : 'cl100k_base', [`text ${i}`])));
      assert.equal(await counter.liveEncoders(), 2);
    });
  }

  it('a tokenizer thread that dies mid-request: the counts still come back (from this thread), with one log line', async () => {
    let fallbackCounts = 0;
    const fallback: TokenCounter = {
      ...IN_THREAD_COUNTER,
      countTexts: (encoding, texts) => { fallbackCounts++; return IN_THREAD_COUNTER.countTexts(encoding, texts); },
    };
    const { counter, logged } = workerCounter({ script: crashingScript(), fallback: () => fallback });
    track(counter);
    const t = readTokenFixture('emoji.txt');
    assert.deepEqual(await counter.countTexts('o200k_base', [t, 'hi']), [reference('o200k_base', t), reference('o200k_base', 'hi')]);
    assert.equal(counter.isRunning, false);
    assert.deepEqual(await counter.countTexts('cl100k_base', [t]), [reference('cl100k_base', t)]);
    assert.equal(fallbackCounts, 2);
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /Tokenizer thread stopped \(exited with code 7\); counting tokens on the main thread/);
  });

  it('a tokenizer thread that cannot start falls back as well', async () => {
    const { counter, logged } = workerCounter({ script: path.join(DIST, 'no-such-worker.js') });
    track(counter);
    assert.deepEqual(await counter.countTexts('o200k_base', ['hello world']), [reference('o200k_base', 'hello world')]);
    assert.equal(logged.length, 1);
  });

  it('a missing asset rejects with the same message as in this thread, and the thread keeps serving', async () => {
    const counter = track(workerCounter({ assetsDir: path.join(REPO_ROOT, 'no-such-dist') }).counter);
    await assert.rejects(counter.countTexts('o200k_base', ['hello']), /cannot load the o200k_base tokenizer from the assets folder/);
    assert.equal(counter.isRunning, true);
  });

  it('dispose ends the thread (its encoders go with it); counting afterwards starts a new one', async () => {
    const counter = track(workerCounter().counter);
    assert.deepEqual(await counter.countTexts('o200k_base', ['before']), [reference('o200k_base', 'before')]);
    assert.equal(counter.isRunning, true);
    assert.equal(await counter.liveEncoders(), 1);
    counter.dispose();
    assert.equal(counter.isRunning, false);
    await counter.stopped;
    assert.equal(await counter.liveEncoders(), 0);
    assert.deepEqual(await counter.countTexts('o200k_base', ['after']), [reference('o200k_base', 'after')]);
    assert.equal(counter.isRunning, true);
  });

  it('dispose while counts are in flight rejects them instead of leaving them pending', async () => {
    const counter = track(workerCounter().counter);
    const pending = counter.countTexts('o200k_base', ['in flight']);
    counter.dispose();
    await assert.rejects(pending, /tokenizer disposed while counting/);
  });

  it('disposeEncoders() also ends an installed tokenizer thread', async () => {
    const counter = track(workerCounter().counter);
    setTokenCounter(counter);
    await countTexts('o200k_base', ['installed']);
    assert.equal(counter.isRunning, true);
    disposeEncoders();
    assert.equal(counter.isRunning, false);
  });
});
