import * as assert from 'node:assert/strict';
import type { ApiKind, LanguageId, ModelSource, Provider } from '../../src/core/types';
import { code, detect, lineOf } from './detectHelpers';

// One row per SDK call shape: a realistic snippet, the line that sends the request, and what a reviewer would say
// about it. The expectation is written from the SDK's documentation, not from the engine's output.

interface Row {
  name: string;
  language: LanguageId;
  src: string;
  /** Text on the line where the request call starts. */
  at: string;
  provider: Provider;
  api: ApiKind;
  model: string | null;
  source?: ModelSource;
  sdk?: string;
}

const py = (name: string, src: string, at: string, provider: Provider, api: ApiKind, model: string | null, source?: ModelSource, sdk?: string): Row =>
  ({ name, language: 'python', src, at, provider, api, model, ...(source ? { source } : {}), ...(sdk ? { sdk } : {}) });
const ts = (name: string, src: string, at: string, provider: Provider, api: ApiKind, model: string | null, source?: ModelSource, sdk?: string): Row =>
  ({ name, language: 'typescript', src, at, provider, api, model, ...(source ? { source } : {}), ...(sdk ? { sdk } : {}) });

const ROWS: Row[] = [
  // ── OpenAI, Python ──
  py('openai chat', code`
    from openai import OpenAI
    client = OpenAI()
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
  `, 'r = client', 'openai', 'chat', 'gpt-4o-mini', 'literal', 'openai'),
  py('openai responses (async client)', code`
    import openai
    aclient = openai.AsyncOpenAI()
    async def go():
        return await aclient.responses.create(model="gpt-4.1", input="hello")
  `, 'return await', 'openai', 'responses', 'gpt-4.1', 'literal'),
  py('openai legacy completions', code`
    from openai import OpenAI
    c = OpenAI()
    c.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say this")
  `, 'c.completions', 'openai', 'completion', 'gpt-3.5-turbo-instruct'),
  py('openai embeddings', code`
    from openai import OpenAI
    c = OpenAI()
    c.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
  `, 'c.embeddings', 'openai', 'embeddings', 'text-embedding-3-small'),
  py('openai images', code`
    from openai import OpenAI
    c = OpenAI()
    c.images.generate(model="dall-e-3", prompt="a cat", n=1)
  `, 'c.images', 'openai', 'image', 'dall-e-3'),
  py('openai audio transcription', code`
    from openai import OpenAI
    c = OpenAI()
    c.audio.transcriptions.create(model="whisper-1", file=open("a.mp3", "rb"))
  `, 'c.audio', 'openai', 'audio', 'whisper-1'),
  // Realtime: one call per session, where the connection opens on a model.
  py('openai realtime session (async with)', code`
    from openai import AsyncOpenAI
    async def main():
        client = AsyncOpenAI()
        async with client.beta.realtime.connect(model="gpt-4o-realtime-preview") as conn:
            await conn.session.update(session={"modalities": ["text"]})
            await conn.response.create()
  `, 'async with', 'openai', 'audio', 'gpt-4o-realtime-preview', 'literal', 'openai'),
  py('openai realtime GA path on Azure', code`
    from openai import AsyncAzureOpenAI
    az = AsyncAzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2025-04-01-preview")
    async def main():
        async with az.realtime.connect(model="gpt-realtime-eu") as conn:
            await conn.response.create()
  `, 'async with', 'azure-openai', 'audio', 'gpt-realtime-eu'),
  py('openai module-level client', code`
    import openai
    openai.chat.completions.create(model="gpt-4o", messages=[])
  `, 'openai.chat', 'openai', 'chat', 'gpt-4o'),
  py('openai v0 ChatCompletion', code`
    import openai
    openai.ChatCompletion.create(engine="gpt-35-turbo", messages=[])
  `, 'openai.Chat', 'openai', 'chat', 'gpt-35-turbo'),
  py('openai with_raw_response', code`
    from openai import OpenAI
    c = OpenAI()
    c.chat.completions.with_raw_response.create(model="gpt-4o", messages=[])
  `, 'c.chat', 'openai', 'chat', 'gpt-4o'),
  py('beta parse', code`
    from openai import OpenAI
    c = OpenAI()
    c.beta.chat.completions.parse(model="gpt-4o-2024-08-06", messages=[], response_format=Answer)
  `, 'c.beta', 'openai', 'chat', 'gpt-4o-2024-08-06'),
  py('azure deployment as model', code`
    from openai import AzureOpenAI
    az = AzureOpenAI(api_version="2024-06-01", azure_endpoint="https://x.openai.azure.com")
    az.chat.completions.create(model="my-gpt4o-deployment", messages=[])
  `, 'az.chat', 'azure-openai', 'chat', 'my-gpt4o-deployment'),
  py('openai-compatible base_url → groq', code`
    from openai import OpenAI
    g = OpenAI(base_url="https://api.groq.com/openai/v1", api_key="k")
    g.chat.completions.create(model="llama-3.1-8b-instant", messages=[])
  `, 'g.chat', 'groq', 'chat', 'llama-3.1-8b-instant'),
  py('openai-compatible base_url → ollama', code`
    from openai import OpenAI
    local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
    local.chat.completions.create(model="llama3", messages=[])
  `, 'local.chat', 'ollama', 'chat', 'llama3'),
  py('client passed in: the imported SDK decides the vendor', code`
    from groq import Groq
    def summarize(client, text):
        return client.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])
  `, 'return client', 'groq', 'chat', 'llama-3.3-70b-versatile'),
  py('OpenAI client asked for another vendor model (base URL from env)', code`
    import os
    from openai import OpenAI
    gw = OpenAI(base_url=os.environ["GATEWAY_URL"])
    gw.chat.completions.create(model="gemini-2.0-flash", messages=[])
  `, 'gw.chat', 'google', 'chat', 'gemini-2.0-flash'),
  py('client in a context manager', code`
    from openai import OpenAI
    with OpenAI() as client:
        client.chat.completions.create(model="gpt-4o", messages=[])
  `, 'client.chat', 'openai', 'chat', 'gpt-4o'),
  py('client passed as a typed parameter', code`
    from openai import AsyncOpenAI
    async def summarize(client: AsyncOpenAI, text: str):
        return await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
  `, 'return await', 'openai', 'chat', 'gpt-4o-mini'),
  py('instructor-wrapped client keeps its provider', code`
    import instructor
    from anthropic import Anthropic
    client = instructor.from_anthropic(Anthropic())
    client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=100, messages=[], response_model=User)
  `, 'client.messages', 'anthropic', 'chat', 'claude-3-5-sonnet-latest'),
  py('langsmith wrap_openai around an OpenAI-compatible client', code`
    import openai
    from langsmith.wrappers import wrap_openai
    oc = wrap_openai(openai.Client(base_url="https://api.groq.com/openai/v1"))
    oc.chat.completions.create(model="llama3-8b-8192", messages=[])
  `, 'oc.chat', 'groq', 'chat', 'llama3-8b-8192'),
  // ── Anthropic ──
  py('anthropic messages', code`
    import anthropic
    client = anthropic.Anthropic()
    client.messages.create(model="claude-3-5-sonnet-20241022", max_tokens=1024, messages=[])
  `, 'client.messages', 'anthropic', 'chat', 'claude-3-5-sonnet-20241022'),
  py('anthropic stream', code`
    from anthropic import Anthropic
    client = Anthropic()
    with client.messages.stream(model="claude-3-5-haiku-latest", max_tokens=100, messages=[]) as s:
        pass
  `, 'with client', 'anthropic', 'chat', 'claude-3-5-haiku-latest'),
  py('anthropic bedrock client', code`
    from anthropic import AnthropicBedrock
    b = AnthropicBedrock(aws_region="us-west-2")
    b.messages.create(model="anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens=10, messages=[])
  `, 'b.messages', 'bedrock', 'chat', 'anthropic.claude-3-5-sonnet-20241022-v2:0'),
  py('anthropic vertex client', code`
    from anthropic import AnthropicVertex
    v = AnthropicVertex(region="us-east5", project_id="p")
    v.messages.create(model="claude-3-5-sonnet-v2@20241022", max_tokens=10, messages=[])
  `, 'v.messages', 'google', 'chat', 'claude-3-5-sonnet-v2@20241022'),
  // ── Google ──
  py('google-genai client', code`
    from google import genai
    client = genai.Client()
    client.models.generate_content(model="gemini-2.0-flash", contents="Why is the sky blue?")
  `, 'client.models', 'google', 'chat', 'gemini-2.0-flash', 'literal', 'google-genai'),
  py('google-genai async + stream', code`
    from google import genai
    client = genai.Client(vertexai=True, project="p", location="us-central1")
    async def f():
        async for c in await client.aio.models.generate_content_stream(model="gemini-2.5-pro", contents="x"):
            pass
  `, 'async for', 'google', 'chat', 'gemini-2.5-pro'),
  py('google-genai chat session', code`
    from google import genai
    client = genai.Client()
    chat = client.chats.create(model="gemini-2.5-flash")
    chat.send_message("hello")
  `, 'chat.send_message', 'google', 'chat', 'gemini-2.5-flash', 'bound'),
  py('google-genai embeddings', code`
    from google import genai
    client = genai.Client()
    client.models.embed_content(model="text-embedding-004", contents="x")
  `, 'client.models', 'google', 'embeddings', 'text-embedding-004'),
  py('legacy generativeai bound model', code`
    import google.generativeai as genai
    model = genai.GenerativeModel("gemini-1.5-flash")
    model.generate_content("Write a story")
  `, 'model.generate', 'google', 'chat', 'gemini-1.5-flash', 'bound', 'google-generativeai'),
  py('legacy generativeai chat session', code`
    import google.generativeai as genai
    model = genai.GenerativeModel(model_name="gemini-1.5-pro")
    chat = model.start_chat(history=[])
    chat.send_message("hi")
  `, 'chat.send', 'google', 'chat', 'gemini-1.5-pro', 'bound'),
  py('vertexai GenerativeModel', code`
    from vertexai.generative_models import GenerativeModel
    m = GenerativeModel("gemini-1.5-flash-002")
    m.generate_content("x")
  `, 'm.generate', 'google', 'chat', 'gemini-1.5-flash-002', 'bound'),
  // ── Mistral, Cohere ──
  py('mistral v1', code`
    from mistralai import Mistral
    m = Mistral(api_key="k")
    m.chat.complete(model="mistral-large-latest", messages=[])
  `, 'm.chat', 'mistral', 'chat', 'mistral-large-latest'),
  py('mistral embeddings', code`
    from mistralai import Mistral
    m = Mistral(api_key="k")
    m.embeddings.create(model="mistral-embed", inputs=["a"])
  `, 'm.embeddings', 'mistral', 'embeddings', 'mistral-embed'),
  py('cohere v2 chat', code`
    import cohere
    co = cohere.ClientV2()
    co.chat(model="command-r-plus", messages=[{"role": "user", "content": "hi"}])
  `, 'co.chat', 'cohere', 'chat', 'command-r-plus'),
  py('cohere rerank', code`
    import cohere
    co = cohere.Client()
    co.rerank(model="rerank-english-v3.0", query="q", documents=["a"])
  `, 'co.rerank', 'cohere', 'other', 'rerank-english-v3.0'),
  // ── Bedrock ──
  py('boto3 converse', code`
    import boto3
    brt = boto3.client("bedrock-runtime", region_name="us-east-1")
    brt.converse(modelId="amazon.nova-pro-v1:0", messages=[{"role": "user", "content": [{"text": "hi"}]}])
  `, 'brt.converse', 'bedrock', 'chat', 'amazon.nova-pro-v1:0', 'literal', 'boto3'),
  py('boto3 session client invoke_model', code`
    import boto3, json
    session = boto3.Session(profile_name="dev")
    rt = session.client("bedrock-runtime")
    rt.invoke_model(modelId="meta.llama3-70b-instruct-v1:0", body=json.dumps({"prompt": "x", "max_gen_len": 512}))
  `, 'rt.invoke', 'bedrock', 'completion', 'meta.llama3-70b-instruct-v1:0'),
  // invoke_model's body is the model's native format: messages → chat, Titan's inputText / a raw prompt → completion.
  py('boto3 invoke_model with an Anthropic Messages body', code`
    import boto3, json
    rt = boto3.client("bedrock-runtime")
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100, "messages": [{"role": "user", "content": "x"}]})
    rt.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=body)
  `, 'rt.invoke', 'bedrock', 'chat', 'anthropic.claude-3-haiku-20240307-v1:0'),
  py('boto3 streaming invoke with a Titan Text body', code`
    import boto3, json
    rt = boto3.client("bedrock-runtime")
    rt.invoke_model_with_response_stream(modelId="amazon.titan-text-express-v1", body=json.dumps({"inputText": "x", "textGenerationConfig": {"maxTokenCount": 512}}))
  `, 'rt.invoke', 'bedrock', 'completion', 'amazon.titan-text-express-v1'),
  py('boto3 invoke_model with a Titan embedding body stays embeddings', code`
    import boto3, json
    rt = boto3.client("bedrock-runtime")
    rt.invoke_model(modelId="amazon.titan-embed-text-v2:0", body=json.dumps({"inputText": "x"}))
  `, 'rt.invoke', 'bedrock', 'embeddings', 'amazon.titan-embed-text-v2:0'),
  // ── LiteLLM, Ollama ──
  py('litellm completion with provider prefix', code`
    from litellm import completion
    completion(model="anthropic/claude-3-haiku-20240307", messages=[])
  `, 'completion(', 'anthropic', 'chat', 'anthropic/claude-3-haiku-20240307', 'literal', 'litellm'),
  // LiteLLM Router: the model argument names a group of model_list; its first deployment is the model that runs.
  py('litellm Router group named after its model', code`
    from litellm import Router
    router = Router(model_list=[{"model_name": "gpt-4o-mini", "litellm_params": {"model": "gpt-4o-mini"}}])
    async def ask(p):
        return await router.acompletion(model="gpt-4o-mini", messages=[{"role": "user", "content": p}])
  `, 'return await', 'openai', 'chat', 'gpt-4o-mini', 'constant', 'litellm'),
  py('litellm Router alias group resolved through model_list', code`
    import litellm
    DEPLOYMENTS = [
        {"model_name": "fast", "litellm_params": {"model": "azure/gpt-4o-mini-eu", "api_base": "https://x.openai.azure.com"}},
        {"model_name": "smart", "litellm_params": {"model": "anthropic/claude-3-5-sonnet-20241022"}},
    ]
    router = litellm.Router(model_list=DEPLOYMENTS, routing_strategy="least-busy")
    router.completion(model="smart", messages=[])
  `, 'router.completion', 'anthropic', 'chat', 'anthropic/claude-3-5-sonnet-20241022', 'constant', 'litellm'),
  py('litellm Router embedding on an undeclared group is taken as written', code`
    from litellm import Router
    router = Router(model_list=model_list_from_yaml())
    router.embedding(model="text-embedding-3-small", input=["x"])
  `, 'router.embedding', 'openai', 'embeddings', 'text-embedding-3-small', 'literal', 'litellm'),
  ts('litellm js completion', code`
    import { completion } from 'litellm';
    const r = await completion({ model: 'claude-3-5-haiku-20241022', messages: [{ role: 'user', content: 'x' }] });
  `, 'const r', 'anthropic', 'chat', 'claude-3-5-haiku-20241022', 'literal', 'litellm'),
  py('litellm bare gpt model', code`
    import litellm
    async def f():
        await litellm.acompletion(model="gpt-4o-mini", messages=[])
  `, 'await litellm', 'openai', 'chat', 'gpt-4o-mini'),
  py('ollama module function', code`
    import ollama
    ollama.chat(model="llama3.1", messages=[{"role": "user", "content": "hi"}])
  `, 'ollama.chat', 'ollama', 'chat', 'llama3.1'),
  py('ollama client generate', code`
    from ollama import Client
    c = Client(host="http://gpu:11434")
    c.generate(model="mistral", prompt="x")
  `, 'c.generate', 'ollama', 'completion', 'mistral'),
  // ── LangChain, LlamaIndex ──
  py('langchain chat model invoke', code`
    from langchain_openai import ChatOpenAI
    llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
    llm.invoke("hello")
  `, 'llm.invoke', 'openai', 'chat', 'gpt-4o-mini', 'bound', 'langchain'),
  py('langchain chain via |', code`
    from langchain_anthropic import ChatAnthropic
    from langchain_core.prompts import ChatPromptTemplate
    prompt = ChatPromptTemplate.from_messages([("system", "You are terse"), ("human", "{q}")])
    chain = prompt | ChatAnthropic(model="claude-3-5-haiku-latest") | StrOutputParser()
    chain.invoke({"q": "x"})
  `, 'chain.invoke', 'anthropic', 'chat', 'claude-3-5-haiku-latest', 'bound'),
  py('langchain structured output keeps the model', code`
    from langchain_openai import ChatOpenAI
    structured = ChatOpenAI(model="gpt-4o").with_structured_output(Schema)
    structured.invoke("x")
  `, 'structured.invoke', 'openai', 'chat', 'gpt-4o', 'bound'),
  py('langchain init_chat_model', code`
    from langchain.chat_models import init_chat_model
    m = init_chat_model("claude-3-5-sonnet-latest", model_provider="anthropic")
    m.invoke("x")
  `, 'm.invoke', 'anthropic', 'chat', 'claude-3-5-sonnet-latest', 'bound'),
  py('langchain embeddings', code`
    from langchain_openai import OpenAIEmbeddings
    emb = OpenAIEmbeddings(model="text-embedding-3-large")
    emb.embed_documents(["a"])
  `, 'emb.embed', 'openai', 'embeddings', 'text-embedding-3-large'),
  py('legacy LangChain LLM called directly', code`
    from langchain.llms import OpenAI
    llm = OpenAI(temperature=0.9, model_name="gpt-3.5-turbo-instruct")
    name = llm("What would be a good company name?")
  `, 'name = llm', 'openai', 'chat', 'gpt-3.5-turbo-instruct', 'bound'),
  py('anthropic beta namespace in front of messages.create', code`
    import anthropic
    c = anthropic.Anthropic()
    c.beta.prompt_caching.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=1024, messages=[])
  `, 'c.beta', 'anthropic', 'chat', 'claude-3-5-sonnet-20240620'),
  // LlamaIndex `complete` on a chat model sends one user message to the chat API (llama_index's OpenAI LLM:
  // completion_to_chat_decorator for `is_chat_model`); only a completion-only model or a class with its own
  // completion endpoint (Ollama's /api/generate) stays a completion.
  py('llamaindex llm complete on a chat model', code`
    from llama_index.llms.openai import OpenAI
    llm = OpenAI(model="gpt-4o-mini")
    llm.complete("x")
  `, 'llm.complete', 'openai', 'chat', 'gpt-4o-mini', 'bound', 'llamaindex'),
  py('llamaindex stream_complete on Anthropic', code`
    from llama_index.llms.anthropic import Anthropic
    llm = Anthropic(model="claude-3-5-haiku-20241022")
    for d in llm.stream_complete("x"): print(d.delta)
  `, 'for d', 'anthropic', 'chat', 'claude-3-5-haiku-20241022', 'bound', 'llamaindex'),
  py('llamaindex complete on a completion-only model', code`
    from llama_index.llms.openai import OpenAI
    llm = OpenAI(model="gpt-3.5-turbo-instruct")
    llm.complete("x")
  `, 'llm.complete', 'openai', 'completion', 'gpt-3.5-turbo-instruct', 'bound', 'llamaindex'),
  py('llamaindex complete on Ollama (its own generate endpoint)', code`
    from llama_index.llms.ollama import Ollama
    llm = Ollama(model="llama3.1", request_timeout=60)
    llm.complete("x")
  `, 'llm.complete', 'ollama', 'completion', 'llama3.1', 'bound', 'llamaindex'),
  py('OpenAI Agents SDK runner', code`
    from agents import Agent, Runner
    agent = Agent(name="Assistant", instructions="You are a helpful assistant", model="gpt-4.1-mini")
    result = Runner.run_sync(agent, "Write a haiku about recursion.")
  `, 'result = Runner', 'openai', 'responses', 'gpt-4.1-mini', 'bound', 'openai-agents'),
  // ── raw HTTP ──
  py('requests to OpenAI', code`
    import requests
    requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o", "messages": []}, timeout=30)
  `, 'requests.post', 'openai', 'chat', 'gpt-4o', 'literal', 'http'),
  py('httpx async client to anthropic with constant URL', code`
    import httpx
    API = "https://api.anthropic.com/v1/messages"
    async def f():
        async with httpx.AsyncClient() as http:
            await http.post(API, json={"model": "claude-3-opus-20240229", "max_tokens": 5, "messages": []})
  `, 'await http.post', 'anthropic', 'chat', 'claude-3-opus-20240229'),
  py('Gemini REST model in URL', code`
    import requests
    MODEL = "gemini-1.5-flash"
    requests.post(f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent?key={KEY}", json={"contents": []})
  `, 'requests.post', 'google', 'chat', 'gemini-1.5-flash'),
  py('ollama REST', code`
    import requests
    requests.post("http://localhost:11434/api/generate", json={"model": "llama3", "prompt": "x"})
  `, 'requests.post', 'ollama', 'completion', 'llama3'),

  // ── JS / TS ──
  ts('openai node chat', code`
    import OpenAI from 'openai';
    const openai = new OpenAI();
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  `, 'const r', 'openai', 'chat', 'gpt-4o', 'literal', 'openai'),
  ts('openai require() commonjs', code`
    const OpenAI = require('openai');
    const client = new OpenAI({ apiKey: process.env.KEY });
    client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
  `, 'client.embeddings', 'openai', 'embeddings', 'text-embedding-3-small'),
  ts('openai named import + AzureOpenAI', code`
    import { AzureOpenAI } from 'openai';
    const az = new AzureOpenAI({ deployment: 'gpt4o-prod', apiVersion: '2024-06-01' });
    await az.chat.completions.create({ model: 'gpt4o-prod', messages: [] });
  `, 'await az', 'azure-openai', 'chat', 'gpt4o-prod'),
  ts('client as class field', code`
    import OpenAI from 'openai';
    export class Bot {
      private readonly client = new OpenAI();
      ask(q: string) {
        return this.client.responses.create({ model: 'o4-mini', input: q, reasoning: { effort: 'low' } });
      }
    }
  `, 'return this.client', 'openai', 'responses', 'o4-mini'),
  ts('client assigned in constructor', code`
    import Anthropic from '@anthropic-ai/sdk';
    class Reviewer {
      client: Anthropic;
      constructor() { this.client = new Anthropic(); }
      run() { return this.client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 1000, messages: [] }); }
    }
  `, 'run()', 'anthropic', 'chat', 'claude-sonnet-4-20250514'),
  ts('@google/genai', code`
    import { GoogleGenAI } from '@google/genai';
    const ai = new GoogleGenAI({ apiKey: 'k' });
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });
  `, 'await ai', 'google', 'chat', 'gemini-2.5-flash', 'literal', 'google-genai'),
  ts('@google/genai chat', code`
    import { GoogleGenAI } from '@google/genai';
    const ai = new GoogleGenAI({});
    const chat = ai.chats.create({ model: 'gemini-2.0-flash' });
    await chat.sendMessage({ message: 'hello' });
  `, 'await chat', 'google', 'chat', 'gemini-2.0-flash', 'bound'),
  ts('@google/generative-ai getGenerativeModel', code`
    import { GoogleGenerativeAI } from '@google/generative-ai';
    const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
    const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
    const result = await model.generateContent('Explain');
  `, 'const result', 'google', 'chat', 'gemini-1.5-flash', 'bound', 'google-generative-ai'),
  ts('mistral js', code`
    import { Mistral } from '@mistralai/mistralai';
    const m = new Mistral({ apiKey: 'k' });
    await m.chat.complete({ model: 'mistral-small-latest', messages: [] });
  `, 'await m', 'mistral', 'chat', 'mistral-small-latest'),
  ts('cohere js', code`
    import { CohereClientV2 } from 'cohere-ai';
    const co = new CohereClientV2({ token: 't' });
    await co.chat({ model: 'command-r', messages: [] });
  `, 'await co', 'cohere', 'chat', 'command-r'),
  ts('bedrock ConverseCommand via send', code`
    import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
    const client = new BedrockRuntimeClient({ region: 'us-east-1' });
    const cmd = new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [] });
    const res = await client.send(cmd);
  `, 'const res', 'bedrock', 'chat', 'anthropic.claude-3-haiku-20240307-v1:0', 'constant', 'aws-sdk'),
  ts('bedrock InvokeModelCommand body', code`
    import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
    const client = new BedrockRuntimeClient({});
    await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: JSON.stringify({ inputText: 'x' }) }));
  `, 'await client', 'bedrock', 'completion', 'amazon.titan-text-express-v1'),
  ts('openai realtime websocket (ws)', code`
    import { OpenAIRealtimeWS } from 'openai/beta/realtime/ws';
    const rt = new OpenAIRealtimeWS({ model: 'gpt-4o-realtime-preview-2024-12-17' });
    rt.socket.on('open', () => rt.send({ type: 'response.create' }));
  `, 'const rt', 'openai', 'audio', 'gpt-4o-realtime-preview-2024-12-17', 'literal', 'openai'),
  ts('openai realtime browser websocket, aliased, on an Azure client', code`
    import { AzureOpenAI } from 'openai';
    import { OpenAIRealtimeWebSocket as Realtime } from 'openai/realtime/websocket';
    const az = new AzureOpenAI({ endpoint: 'https://x.openai.azure.com', apiVersion: '2025-04-01-preview' });
    const rt = new Realtime({ model: 'gpt-realtime-prod' }, az);
  `, 'const rt', 'azure-openai', 'audio', 'gpt-realtime-prod'),
  ts('openai realtime azure() helper takes the client deployment', code`
    import { AzureOpenAI } from 'openai';
    import { OpenAIRealtimeWS } from 'openai/beta/realtime/ws';
    const az = new AzureOpenAI({ deployment: 'gpt-4o-realtime-eu', apiVersion: '2024-10-01-preview' });
    const rt = await OpenAIRealtimeWS.azure(az);
  `, 'const rt', 'azure-openai', 'audio', 'gpt-4o-realtime-eu', 'bound'),
  ts('ollama js default export', code`
    import ollama from 'ollama';
    await ollama.chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'x' }] });
  `, 'await ollama', 'ollama', 'chat', 'llama3.2'),
  ts('vercel generateText', code`
    import { generateText } from 'ai';
    import { openai } from '@ai-sdk/openai';
    const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: 'hi' });
  `, 'const { text }', 'openai', 'chat', 'gpt-4o-mini', 'literal', 'vercel-ai'),
  ts('vercel streamObject with google', code`
    import { streamObject } from 'ai';
    import { google } from '@ai-sdk/google';
    const s = streamObject({ model: google('gemini-1.5-pro'), schema, prompt: 'x' });
  `, 'const s', 'google', 'chat', 'gemini-1.5-pro'),
  ts('vercel embed with aliased import', code`
    import { embed as embedOne } from 'ai';
    import { openai as oa } from '@ai-sdk/openai';
    await embedOne({ model: oa.embedding('text-embedding-3-small'), value: 'x' });
  `, 'await embedOne', 'openai', 'embeddings', 'text-embedding-3-small'),
  // The provider factory decides who serves the model, not the model's name (`text-embedding-…`, `gpt-…`).
  ts('vercel embed with a Google embedding model', code`
    import { embed } from 'ai';
    import { google } from '@ai-sdk/google';
    const { embedding } = await embed({ model: google.textEmbeddingModel('text-embedding-004'), value: 'x' });
  `, 'const { embedding }', 'google', 'embeddings', 'text-embedding-004', 'literal', 'vercel-ai'),
  ts('vercel generateText on an Azure provider instance', code`
    import { generateText } from 'ai';
    import { createAzure } from '@ai-sdk/azure';
    const azure = createAzure({ resourceName: 'contoso' });
    const { text } = await generateText({ model: azure('gpt-4o-mini'), prompt: 'x' });
  `, 'const { text }', 'azure-openai', 'chat', 'gpt-4o-mini', 'literal', 'vercel-ai'),
  ts('vercel gateway model string', code`
    import { generateText } from 'ai';
    await generateText({ model: 'anthropic/claude-sonnet-4', prompt: 'x' });
  `, 'await generateText', 'anthropic', 'chat', 'anthropic/claude-sonnet-4'),
  ts('langchain js chain via pipe', code`
    import { ChatOpenAI } from '@langchain/openai';
    import { ChatPromptTemplate } from '@langchain/core/prompts';
    const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });
    const chain = ChatPromptTemplate.fromTemplate('Tell me about {topic}').pipe(llm);
    await chain.invoke({ topic: 'x' });
  `, 'await chain', 'openai', 'chat', 'gpt-4o-mini', 'bound', 'langchain'),
  ts('fetch to OpenAI with constant body', code`
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] };
    await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: {}, body: JSON.stringify(body) });
  `, 'await fetch', 'openai', 'chat', 'gpt-4o', 'constant', 'http'),
  ts('OpenAI Agents SDK (JS) run()', code`
    import { Agent, run } from '@openai/agents';
    const agent = new Agent({ name: 'Assistant', instructions: 'Be brief.', model: 'o4-mini' });
    const result = await run(agent, 'Write a haiku.');
  `, 'const result', 'openai', 'responses', 'o4-mini', 'bound', 'openai-agents'),
  ts('fetch to a host from an env fallback inside the template', code`
    await fetch(\`\${process.env.OLLAMA_HOST ?? 'http://localhost:11434'}/api/chat\`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1', messages: [] }) });
  `, 'await fetch', 'ollama', 'chat', 'llama3.1'),
  py('requests to an os.getenv base URL + path', code`
    import os, requests
    OLLAMA_URL = os.getenv("OLLAMA_URL", "http://localhost:11434")
    requests.post(OLLAMA_URL + "/api/embeddings", json={"model": "nomic-embed-text", "prompt": "x"})
  `, 'requests.post', 'ollama', 'embeddings', 'nomic-embed-text'),
  ts('axios to mistral', code`
    import axios from 'axios';
    await axios.post('https://api.mistral.ai/v1/chat/completions', { model: 'open-mistral-nemo', messages: [] });
  `, 'await axios', 'mistral', 'chat', 'open-mistral-nemo'),
  ts('fetch to azure deployment URL', code`
    const url = \`https://\${RESOURCE}.openai.azure.com/openai/deployments/gpt4o-mini-prod/chat/completions?api-version=2024-06-01\`;
    await fetch(url, { method: 'POST', body: JSON.stringify({ messages: [] }) });
  `, 'await fetch', 'azure-openai', 'chat', 'gpt4o-mini-prod'),
  ts('genkit with a bound plugin model', code`
    import { genkit } from 'genkit';
    import { googleAI } from '@genkit-ai/google-genai';
    const ai = genkit({ plugins: [googleAI()], model: googleAI.model('gemini-2.5-flash') });
    const { text } = await ai.generate({ prompt: 'Why is the sky blue?' });
  `, 'const { text }', 'google', 'chat', 'gemini-2.5-flash', 'bound', 'genkit'),
  ts('openai@3 OpenAIApi', code`
    const { Configuration, OpenAIApi } = require('openai');
    const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
    const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [] });
  `, 'const completion', 'openai', 'chat', 'gpt-3.5-turbo'),
  { ...ts('tsx component', code`
    import OpenAI from 'openai';
    const client = new OpenAI({ dangerouslyAllowBrowser: true });
    export function Panel() {
      const ask = async () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
      return <button onClick={ask}>Ask</button>;
    }
  `, 'const ask', 'openai', 'chat', 'gpt-4o-mini'), language: 'typescriptreact' },
  { ...ts('jsx file', code`
    import Anthropic from '@anthropic-ai/sdk';
    const a = new Anthropic();
    export const Btn = () => <b onClick={() => a.messages.create({ model: 'claude-3-haiku-20240307', max_tokens: 5, messages: [] })} />;
  `, 'export const Btn', 'anthropic', 'chat', 'claude-3-haiku-20240307'), language: 'javascriptreact' },
];

describe('detect: SDK call shapes', () => {
  for (const row of ROWS) {
    it(`${row.language}: ${row.name}`, async () => {
      const calls = await detect(row.src, row.language);
      assert.equal(calls.length, 1, `expected exactly one call, got ${calls.map((c) => `${c.callee}@${c.range.start.line}`).join(', ') || 'none'}`);
      const c = calls[0]!;
      assert.equal(c.range.start.line, lineOf(row.src, row.at), 'line of the request call');
      assert.equal(c.provider, row.provider, 'provider');
      assert.equal(c.api, row.api, 'api');
      assert.equal(c.model, row.model, 'model');
      if (row.source) assert.equal(c.modelSource, row.source, 'modelSource');
      if (row.sdk) assert.equal(c.sdk, row.sdk, 'sdk');
      assert.equal(c.language, row.language);
    });
  }
});
