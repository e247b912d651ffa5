import * as assert from 'node:assert/strict';
import type { LanguageId } from '../../src/core/types';
import { code, detect } from './detectHelpers';

// Code that mentions an SDK but sends no request must stay silent. Each row is something a naive regex would flag.

interface Trap {
  name: string;
  language: LanguageId;
  src: string;
}

const py = (name: string, src: string): Trap => ({ name, language: 'python', src });
const ts = (name: string, src: string): Trap => ({ name, language: 'typescript', src });

const TRAPS: Trap[] = [
  py('client construction only', code`
    from openai import OpenAI, AsyncOpenAI
    client = OpenAI(api_key="k")
    aclient = AsyncOpenAI()
  `),
  py('models.list and retrieve', code`
    from openai import OpenAI
    c = OpenAI()
    for m in c.models.list():
        print(m.id)
    c.models.retrieve("gpt-4o")
  `),
  py('token counting', code`
    import anthropic
    from google import genai
    a = anthropic.Anthropic()
    a.messages.count_tokens(model="claude-3-5-sonnet-latest", messages=[])
    g = genai.Client()
    g.models.count_tokens(model="gemini-2.0-flash", contents="x")
  `),
  py('file uploads, fine-tuning, batch objects, caches', code`
    from openai import OpenAI
    from google import genai
    c = OpenAI()
    f = c.files.create(file=open("d.jsonl", "rb"), purpose="fine-tune")
    c.fine_tuning.jobs.create(training_file=f.id, model="gpt-4o-mini-2024-07-18")
    c.batches.create(input_file_id=f.id, endpoint="/v1/chat/completions", completion_window="24h")
    g = genai.Client()
    g.caches.create(model="gemini-1.5-flash-001", config={})
    g.files.upload(file="a.pdf")
  `),
  py('chat session creation sends nothing', code`
    from google import genai
    client = genai.Client()
    chat = client.chats.create(model="gemini-2.0-flash")
  `),
  py('mocks in tests', code`
    from unittest.mock import MagicMock, patch
    from openai import OpenAI
    def test_x():
        client = MagicMock()
        client.chat.completions.create.return_value = make_response("hi")
        client.chat.completions.create(model="gpt-4o", messages=[])
        client.chat.completions.create.assert_called_once()
    @patch("openai.OpenAI")
    def test_y(mock_openai):
        c = OpenAI()
        c.chat.completions.create(model="gpt-4o", messages=[])
    def test_z():
        with patch.object(OpenAI, "chat"):
            OpenAI().chat.completions.create(model="gpt-4o", messages=[])
  `),
  py('pytest mocker / monkeypatch / responses around a real-looking call', code`
    from openai import OpenAI
    client = OpenAI()
    def test_summary(mocker):
        mocker.patch.object(client.chat.completions, "create", return_value=fake)
        assert client.chat.completions.create(model="gpt-4o", messages=[]) is fake
    @responses.activate
    def test_http():
        responses.add(responses.POST, "https://api.openai.com/v1/chat/completions", json={})
        client.chat.completions.create(model="gpt-4o", messages=[])
  `),
  ts('jest.spyOn inside the test', code`
    import OpenAI from 'openai';
    const client = new OpenAI();
    it('summarizes', async () => {
      jest.spyOn(client.chat.completions, 'create').mockResolvedValue(fake as never);
      await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
    });
  `),
  py('commented-out code and strings', code`
    from openai import OpenAI
    client = OpenAI()
    # client.chat.completions.create(model="gpt-4o", messages=[])
    DOC = """
    Example: client.chat.completions.create(model="gpt-4o", messages=[])
    """
    s = 'client.chat.completions.create(model="gpt-4o")'
  `),
  py('local function that shares a name', code`
    def completion(model, messages):
        return {"model": model}
    completion(model="gpt-4o", messages=[])
    def generate_content(x):
        return x
    generate_content("hello")
  `),
  py('twilio messages.create', code`
    from twilio.rest import Client
    client = Client(sid, token)
    client.messages.create(body="hi", from_="+1", to="+2")
  `),
  py('non-LLM HTTP', code`
    import requests
    requests.post("https://hooks.slack.com/services/x", json={"text": "done"})
    requests.get("https://api.openai.com/v1/models")
    requests.post("https://api.anthropic.com/v1/messages/count_tokens", json={})
  `),
  py('boto3 non-runtime clients', code`
    import boto3
    s3 = boto3.client("s3")
    s3.invoke_model(Bucket="b")
    bedrock = boto3.client("bedrock")
    bedrock.list_foundation_models()
  `),
  py('syntax-looking dict keys', code`
    config = {"chat": {"completions": {"create": lambda **k: None}}}
    payload = {"model": "gpt-4o", "messages": []}
  `),
  ts('construction, list, count tokens', code`
    import OpenAI from 'openai';
    import Anthropic from '@anthropic-ai/sdk';
    const openai = new OpenAI();
    const anthropic = new Anthropic();
    const models = await openai.models.list();
    await anthropic.messages.countTokens({ model: 'claude-3-5-sonnet-latest', messages: [] });
    await openai.files.create({ file, purpose: 'batch' });
    await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: 'f' });
  `),
  ts('jest mocks', code`
    import OpenAI from 'openai';
    jest.mock('openai');
    const create = jest.fn();
    const client = { chat: { completions: { create } } };
    test('x', async () => {
      await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
      const real = new OpenAI();
      await real.chat.completions.create({ model: 'gpt-4o', messages: [] });
    });
  `),
  ts('vitest fake client', code`
    import { vi } from 'vitest';
    const fakeClient = { messages: { create: vi.fn() } };
    await fakeClient.messages.create({ model: 'claude-3-haiku-20240307', max_tokens: 1, messages: [] });
  `),
  ts('local generateText not from the SDK', code`
    function generateText(opts: { model: string; prompt: string }) { return opts.prompt; }
    generateText({ model: 'gpt-4o', prompt: 'x' });
  `),
  ts('comments and template text', code`
    import OpenAI from 'openai';
    const client = new OpenAI();
    // await client.chat.completions.create({ model: 'gpt-4o' });
    /* client.responses.create({ model: 'gpt-4o' }) */
    const doc = \`client.chat.completions.create({ model: 'gpt-4o' })\`;
  `),
  ts('fetch to a non-LLM endpoint', code`
    await fetch('/api/history', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o' }) });
    await fetch('https://api.openai.com/v1/models');
  `),
  ts('vercel provider factory alone', code`
    import { openai } from '@ai-sdk/openai';
    const model = openai('gpt-4o');
  `),
];

describe('detect: traps stay silent', () => {
  for (const t of TRAPS) {
    it(`${t.language}: ${t.name}`, async () => {
      const calls = await detect(t.src, t.language);
      assert.deepEqual(calls.map((c) => `${c.callee}@${c.range.start.line + 1}`), []);
    });
  }
});
