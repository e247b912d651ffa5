import type { ConstructorRow, FunctionRow, MethodRow, ModelFactoryRow, RequestShape, SdkTable } from './sdkTypes';

// JS/TS SDK call shapes. A default import is named by its bare module specifier (`import OpenAI from 'openai'` →
// `openai`), a named import by `specifier.Name`. Sources: openai-node, anthropic-sdk-typescript, googleapis/js-genai,
// google/generative-ai-js, @mistralai/mistralai, cohere-ai, @aws-sdk/client-bedrock-runtime, ollama-js, LangChain.js,
// LlamaIndex.TS and the Vercel AI SDK docs.

const M = ['model'];
const chat: RequestShape = { api: 'chat', model: M };
const BASE = ['baseURL', 'baseUrl', 'configuration.baseURL'];
// Bedrock InvokeModel: the body's native format decides the API (see sdkPython.ts).
const INVOKE_BODY: RequestShape['apiFromBody'] = [['messages', 'chat'], ['message', 'chat'], ['inputText', 'completion'], ['prompt', 'completion']];

const constructors: ConstructorRow[] = [
  { names: ['openai', 'openai.OpenAI', 'openai.default'], type: 'openai', sdk: 'openai', provider: 'openai', baseUrlKeys: BASE },
  // openai@3 (still common in Node projects): new OpenAIApi(new Configuration({...})).
  { names: ['openai.OpenAIApi'], type: 'openai.v3', sdk: 'openai', provider: 'openai' },
  { names: ['openai.AzureOpenAI'], type: 'openai', sdk: 'openai', provider: 'azure-openai', model: ['deployment'] },
  { names: ['groq-sdk', 'groq-sdk.Groq'], type: 'openai', sdk: 'groq', provider: 'groq' },
  { names: ['together-ai', 'together-ai.Together'], type: 'openai', sdk: 'together', provider: 'together' },
  { names: ['@anthropic-ai/sdk', '@anthropic-ai/sdk.Anthropic', '@anthropic-ai/sdk.default'], type: 'anthropic', sdk: 'anthropic', provider: 'anthropic' },
  { names: ['@anthropic-ai/bedrock-sdk', '@anthropic-ai/bedrock-sdk.AnthropicBedrock'], type: 'anthropic', sdk: 'anthropic', provider: 'bedrock' },
  { names: ['@anthropic-ai/vertex-sdk', '@anthropic-ai/vertex-sdk.AnthropicVertex'], type: 'anthropic', sdk: 'anthropic', provider: 'google' },
  { names: ['@google/genai.GoogleGenAI'], type: 'genai', sdk: 'google-genai', provider: 'google' },
  { names: ['@google/generative-ai.GoogleGenerativeAI', '@google-cloud/vertexai.VertexAI'], type: 'gemini.factory', sdk: 'google-generative-ai', provider: 'google' },
  { names: ['@mistralai/mistralai.Mistral', '@mistralai/mistralai', '@mistralai/mistralai.default'], type: 'mistral', sdk: 'mistralai', provider: 'mistral' },
  { names: ['cohere-ai.CohereClient', 'cohere-ai.CohereClientV2', 'cohere-ai'], type: 'cohere', sdk: 'cohere', provider: 'cohere' },
  { names: ['ollama.Ollama'], type: 'ollama', sdk: 'ollama', provider: 'ollama' },
  { names: ['@aws-sdk/client-bedrock-runtime.BedrockRuntimeClient', '@aws-sdk/client-bedrock-runtime.BedrockRuntime'], type: 'bedrock', sdk: 'aws-sdk', provider: 'bedrock' },
  // Bedrock commands: sent with client.send(command); the command carries the request.
  { names: ['@aws-sdk/client-bedrock-runtime.ConverseCommand'], type: 'bedrock.cmd.converse', sdk: 'aws-sdk', provider: 'bedrock' },
  { names: ['@aws-sdk/client-bedrock-runtime.ConverseStreamCommand'], type: 'bedrock.cmd.converse-stream', sdk: 'aws-sdk', provider: 'bedrock' },
  { names: ['@aws-sdk/client-bedrock-runtime.InvokeModelCommand'], type: 'bedrock.cmd.invoke', sdk: 'aws-sdk', provider: 'bedrock' },
  { names: ['@aws-sdk/client-bedrock-runtime.InvokeModelWithResponseStreamCommand'], type: 'bedrock.cmd.invoke-stream', sdk: 'aws-sdk', provider: 'bedrock' },
  // LangChain.js.
  { names: ['@langchain/openai.ChatOpenAI', '@langchain/openai.OpenAI', 'langchain/chat_models/openai.ChatOpenAI'], type: 'langchain.chat', sdk: 'langchain', provider: 'openai', model: ['model', 'modelName'], baseUrlKeys: BASE },
  { names: ['@langchain/openai.AzureChatOpenAI'], type: 'langchain.chat', sdk: 'langchain', provider: 'azure-openai', model: ['azureOpenAIApiDeploymentName', 'deploymentName', 'model', 'modelName'] },
  { names: ['@langchain/anthropic.ChatAnthropic', 'langchain/chat_models/anthropic.ChatAnthropic'], type: 'langchain.chat', sdk: 'langchain', provider: 'anthropic', model: ['model', 'modelName'] },
  { names: ['@langchain/google-genai.ChatGoogleGenerativeAI', '@langchain/google-vertexai.ChatVertexAI'], type: 'langchain.chat', sdk: 'langchain', provider: 'google', model: ['model', 'modelName'] },
  { names: ['@langchain/mistralai.ChatMistralAI'], type: 'langchain.chat', sdk: 'langchain', provider: 'mistral', model: ['model', 'modelName'] },
  { names: ['@langchain/cohere.ChatCohere'], type: 'langchain.chat', sdk: 'langchain', provider: 'cohere', model: ['model'] },
  { names: ['@langchain/ollama.ChatOllama', '@langchain/community/chat_models/ollama.ChatOllama', '@langchain/ollama.Ollama'], type: 'langchain.chat', sdk: 'langchain', provider: 'ollama', model: ['model'] },
  { names: ['@langchain/aws.ChatBedrockConverse', '@langchain/community/chat_models/bedrock.BedrockChat'], type: 'langchain.chat', sdk: 'langchain', provider: 'bedrock', model: ['model'] },
  { names: ['@langchain/groq.ChatGroq'], type: 'langchain.chat', sdk: 'langchain', provider: 'groq', model: ['model', 'modelName'] },
  { names: ['langchain/chat_models/universal.initChatModel'], type: 'langchain.chat', sdk: 'langchain', provider: 'unknown', modelPos: 0, model: ['model'], providerKeys: ['modelProvider'], providerFromModel: true, optionsArg: 1 },
  { names: ['@langchain/openai.OpenAIEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'openai', model: ['model', 'modelName'] },
  { names: ['@langchain/google-genai.GoogleGenerativeAIEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'google', model: ['model', 'modelName'] },
  { names: ['@langchain/cohere.CohereEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'cohere', model: ['model'] },
  { names: ['@langchain/ollama.OllamaEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'ollama', model: ['model'] },
  // OpenAI Agents SDK (JS): new Agent({ name, instructions, model }) then run(agent, input).
  { names: ['@openai/agents.Agent'], type: 'oai.agent', sdk: 'openai-agents', provider: 'openai', model: ['model'], providerFromModel: true },
  // Firebase Genkit: const ai = genkit({ plugins: [...], model: googleAI.model('gemini-2.5-flash') }).
  { names: ['genkit.genkit'], type: 'genkit', sdk: 'genkit', provider: 'unknown', model: ['model'], providerFromModel: true },
  // LlamaIndex.TS.
  { names: ['llamaindex.OpenAI', '@llamaindex/openai.OpenAI'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'openai', model: ['model'] },
  { names: ['llamaindex.Anthropic', '@llamaindex/anthropic.Anthropic'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'anthropic', model: ['model'] },
  { names: ['llamaindex.Gemini', '@llamaindex/google.Gemini'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'google', model: ['model'] },
  { names: ['llamaindex.Ollama', '@llamaindex/ollama.Ollama'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'ollama', model: ['model'], textCompletion: true },
  { names: ['llamaindex.OpenAIEmbedding', '@llamaindex/openai.OpenAIEmbedding'], type: 'llamaindex.embed', sdk: 'llamaindex', provider: 'openai', model: ['model'] },
  { names: ['llamaindex.VectorStoreIndex.fromDocuments', 'llamaindex.VectorStoreIndex.init'], type: 'llamaindex.index', sdk: 'llamaindex', provider: 'unknown' },
];

const methods: MethodRow[] = [
  ...['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'chat.completions.stream', 'beta.chat.completions.stream', 'chat.completions.runTools', 'beta.chat.completions.runTools']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { ...chat, stream: path.endsWith('stream') || undefined }, loose: ['openai', 'groq-sdk', 'together-ai'] })),
  ...['responses.create', 'responses.parse', 'responses.stream']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'responses', model: M, stream: path.endsWith('stream') || undefined }, loose: ['openai'] })),
  { type: 'openai', path: 'completions.create', shape: { api: 'completion', model: M } },
  { type: 'openai', path: 'embeddings.create', shape: { api: 'embeddings', model: M }, loose: ['openai'] },
  ...['images.generate', 'images.edit', 'images.createVariation'].map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'image', model: M } })),
  ...['audio.speech.create', 'audio.transcriptions.create', 'audio.translations.create'].map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'audio', model: M } })),
  { type: 'openai', path: 'moderations.create', shape: { api: 'other', model: M } },
  ...['beta.threads.runs.create', 'beta.threads.runs.createAndPoll', 'beta.threads.runs.stream', 'beta.threads.createAndRun', 'beta.threads.createAndRunPoll']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'chat', model: M } })),
  { type: 'openai.v3', path: 'createChatCompletion', shape: chat },
  { type: 'openai.v3', path: 'createCompletion', shape: { api: 'completion', model: M } },
  { type: 'openai.v3', path: 'createEmbedding', shape: { api: 'embeddings', model: M } },
  { type: 'openai.v3', path: 'createImage', shape: { api: 'image', model: M } },
  { type: 'openai.v3', path: 'createTranscription', shape: { api: 'audio', model: M, optionsArg: -1 } },
  { type: 'anthropic', path: 'messages.create', shape: chat, loose: ['@anthropic-ai/sdk'] },
  { type: 'anthropic', path: 'beta.messages.create', shape: chat, loose: ['@anthropic-ai/sdk'] },
  { type: 'anthropic', path: 'messages.stream', shape: { ...chat, stream: true }, loose: ['@anthropic-ai/sdk'] },
  { type: 'anthropic', path: 'beta.messages.stream', shape: { ...chat, stream: true } },
  { type: 'anthropic', path: 'messages.batches.create', shape: { ...chat, batch: true, batchRequests: 'requests' } },
  { type: 'anthropic', path: 'beta.messages.batches.create', shape: { ...chat, batch: true, batchRequests: 'requests' } },
  { type: 'anthropic', path: 'completions.create', shape: { api: 'completion', model: M } },
  // @google/genai
  { type: 'genai', path: 'models.generateContent', shape: chat, loose: ['@google/genai'] },
  { type: 'genai', path: 'models.generateContentStream', shape: { ...chat, stream: true }, loose: ['@google/genai'] },
  { type: 'genai', path: 'models.embedContent', shape: { api: 'embeddings', model: M } },
  { type: 'genai', path: 'models.generateImages', shape: { api: 'image', model: M } },
  { type: 'genai', path: 'models.generateVideos', shape: { api: 'other', model: M } },
  { type: 'genai', path: 'chats.create', returns: 'genai.chat', model: M },
  { type: 'genai.chat', path: 'sendMessage', shape: { api: 'chat', promptPos: 0 } },
  { type: 'genai.chat', path: 'sendMessageStream', shape: { api: 'chat', promptPos: 0, stream: true } },
  // @google/generative-ai and @google-cloud/vertexai: the model is bound by getGenerativeModel.
  { type: 'gemini.factory', path: 'getGenerativeModel', returns: 'gemini.model', model: M },
  { type: 'gemini.factory', path: 'preview.getGenerativeModel', returns: 'gemini.model', model: M },
  { type: 'gemini.model', path: 'generateContent', shape: { api: 'chat', promptPos: 0 }, loose: ['@google/generative-ai'] },
  { type: 'gemini.model', path: 'generateContentStream', shape: { api: 'chat', promptPos: 0, stream: true } },
  { type: 'gemini.model', path: 'embedContent', shape: { api: 'embeddings', promptPos: 0 } },
  { type: 'gemini.model', path: 'batchEmbedContents', shape: { api: 'embeddings', promptPos: 0 } },
  { type: 'gemini.model', path: 'startChat', returns: 'gemini.chat' },
  { type: 'gemini.chat', path: 'sendMessage', shape: { api: 'chat', promptPos: 0 } },
  { type: 'gemini.chat', path: 'sendMessageStream', shape: { api: 'chat', promptPos: 0, stream: true } },
  // Mistral, Cohere, Ollama.
  { type: 'mistral', path: 'chat.complete', shape: chat, loose: ['@mistralai/mistralai'] },
  { type: 'mistral', path: 'chat.stream', shape: { ...chat, stream: true } },
  { type: 'mistral', path: 'chat.parse', shape: chat },
  { type: 'mistral', path: 'fim.complete', shape: { api: 'completion', model: M } },
  { type: 'mistral', path: 'embeddings.create', shape: { api: 'embeddings', model: M } },
  { type: 'cohere', path: 'chat', shape: chat },
  { type: 'cohere', path: 'chatStream', shape: { ...chat, stream: true } },
  { type: 'cohere', path: 'generate', shape: { api: 'completion', model: M } },
  { type: 'cohere', path: 'embed', shape: { api: 'embeddings', model: M } },
  { type: 'cohere', path: 'rerank', shape: { api: 'other', model: M } },
  { type: 'ollama', path: 'chat', shape: chat },
  { type: 'ollama', path: 'generate', shape: { api: 'completion', model: M } },
  { type: 'ollama', path: 'embeddings', shape: { api: 'embeddings', model: M } },
  { type: 'ollama', path: 'embed', shape: { api: 'embeddings', model: M } },
  // Bedrock: the shape comes from the command passed to send().
  { type: 'bedrock', path: 'send', shape: { api: 'chat', command: true } },
  { type: 'bedrock', path: 'converse', shape: { api: 'chat', model: ['modelId'] } },
  { type: 'bedrock', path: 'invokeModel', shape: { api: 'chat', model: ['modelId'], apiFromBody: INVOKE_BODY } },
  { type: 'bedrock.cmd.converse', path: '', shape: { api: 'chat', model: ['modelId'] } },
  { type: 'bedrock.cmd.converse-stream', path: '', shape: { api: 'chat', model: ['modelId'], stream: true } },
  { type: 'bedrock.cmd.invoke', path: '', shape: { api: 'chat', model: ['modelId'], apiFromBody: INVOKE_BODY } },
  { type: 'bedrock.cmd.invoke-stream', path: '', shape: { api: 'chat', model: ['modelId'], stream: true, apiFromBody: INVOKE_BODY } },
  // LangChain.js runnables.
  ...['invoke', 'call', 'predict', 'generate', 'predictMessages'].map((path): MethodRow => ({ type: 'langchain.chat', path, shape: { api: 'chat', promptPos: 0, optionsArg: -1 } })),
  ...['stream', 'streamEvents', 'streamLog'].map((path): MethodRow => ({ type: 'langchain.chat', path, shape: { api: 'chat', promptPos: 0, stream: true, optionsArg: -1 } })),
  { type: 'langchain.chat', path: 'batch', shape: { api: 'chat', promptPos: 0, optionsArg: -1 } },
  ...['embedQuery', 'embedDocuments'].map((path): MethodRow => ({ type: 'langchain.embeddings', path, shape: { api: 'embeddings', promptPos: 0, optionsArg: -1 } })),
  // LlamaIndex.TS (options objects: { prompt } / { messages }).
  { type: 'llamaindex.llm', path: 'complete', shape: { api: 'completion', completionViaChat: true } },
  { type: 'llamaindex.llm', path: 'chat', shape: { api: 'chat' } },
  { type: 'llamaindex.embed', path: 'getTextEmbedding', shape: { api: 'embeddings', promptPos: 0, optionsArg: -1 } },
  ...['asQueryEngine', 'asChatEngine'].map((path): MethodRow => ({ type: 'llamaindex.index', path, returns: 'llamaindex.engine',
    llmArg: ['llm'], defaultLlm: 'Settings.llm', loose: ['llamaindex'] })),
  { type: 'llamaindex.engine', path: 'query', shape: { api: 'chat' } },
  { type: 'llamaindex.engine', path: 'chat', shape: { api: 'chat' } },
  { type: 'genkit', path: 'generate', shape: chat },
  { type: 'genkit', path: 'generateStream', shape: { ...chat, stream: true } },
  { type: 'genkit', path: 'embed', shape: { api: 'embeddings', model: ['embedder'] } },
  // axios instances.
  { type: 'http', path: 'post', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: [], bodyPos: 1 } } },
];

const REALTIME = ['openai/beta/realtime/ws.OpenAIRealtimeWS', 'openai/beta/realtime/websocket.OpenAIRealtimeWebSocket',
  'openai/realtime/ws.OpenAIRealtimeWS', 'openai/realtime/websocket.OpenAIRealtimeWebSocket'];

const AI = ['ai'];
const vercel = (names: string[], shape: RequestShape): FunctionRow => ({ names: names.flatMap((n) => AI.map((m) => `${m}.${n}`)), sdk: 'vercel-ai', provider: 'unknown', shape, providerFromModel: true });

const functions: FunctionRow[] = [
  vercel(['generateText'], chat),
  vercel(['streamText'], { ...chat, stream: true }),
  vercel(['generateObject'], { ...chat, jsonMode: true }),
  vercel(['streamObject'], { ...chat, stream: true, jsonMode: true }),
  vercel(['embed', 'embedMany'], { api: 'embeddings', model: M }),
  vercel(['experimental_generateImage', 'generateImage'], { api: 'image', model: M }),
  vercel(['experimental_transcribe', 'experimental_generateSpeech'], { api: 'audio', model: M }),
  { names: ['@openai/agents.run'], sdk: 'openai-agents', provider: 'openai', shape: { api: 'responses', promptPos: 1, optionsArg: -1, agentArg: { pos: 0, names: [] } } },
  // Realtime sessions (openai-node realtime.md): constructing the socket opens a session on `model`; the optional
  // client (2nd argument; 1st of the static create/azure helpers) says who serves it. Events sent on it are not calls.
  ...REALTIME.flatMap((m): FunctionRow[] => [
    { names: [m], sdk: 'openai', provider: 'openai', shape: { api: 'audio', model: M, agentArg: { pos: 1, names: [] } } },
    { names: [`${m}.create`], sdk: 'openai', provider: 'openai', shape: { api: 'audio', model: M, optionsArg: 1, agentArg: { pos: 0, names: [] } } },
    { names: [`${m}.azure`], sdk: 'openai', provider: 'azure-openai', shape: { api: 'audio', model: ['deploymentName'], optionsArg: 1, agentArg: { pos: 0, names: [] } } },
  ]),
  // The `litellm` npm package (a JS port of LiteLLM's completion/embedding functions).
  { names: ['litellm.completion'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: chat },
  { names: ['litellm.embedding'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: { api: 'embeddings', model: M } },
  { names: ['ollama.chat'], sdk: 'ollama', provider: 'ollama', shape: chat },
  { names: ['ollama.generate'], sdk: 'ollama', provider: 'ollama', shape: { api: 'completion', model: M } },
  { names: ['ollama.embeddings', 'ollama.embed'], sdk: 'ollama', provider: 'ollama', shape: { api: 'embeddings', model: M } },
  { names: ['fetch', 'node-fetch', 'undici.fetch', 'cross-fetch', 'isomorphic-fetch', 'ky.post'], sdk: 'http', provider: 'unknown', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: ['body', 'json'], optionsPos: 1 } } },
  { names: ['axios.post', 'axios.default.post'], sdk: 'http', provider: 'unknown', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: [], bodyPos: 1 } } },
  { names: ['got.post'], sdk: 'http', provider: 'unknown', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: ['json', 'body'], optionsPos: 1 } } },
];

const P = (pkg: string, names: string[]): string[] => names.map((n) => `${pkg}.${n}`);
const factories: ModelFactoryRow[] = [
  { names: P('@ai-sdk/openai', ['openai', 'openai.chat', 'openai.languageModel']), provider: 'openai', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/openai', ['openai.responses']), provider: 'openai', sdk: 'vercel-ai', api: 'responses' },
  { names: P('@ai-sdk/openai', ['openai.completion']), provider: 'openai', sdk: 'vercel-ai', api: 'completion' },
  { names: P('@ai-sdk/openai', ['openai.embedding', 'openai.textEmbeddingModel', 'openai.textEmbedding']), provider: 'openai', sdk: 'vercel-ai', api: 'embeddings' },
  { names: P('@ai-sdk/openai', ['openai.image', 'openai.imageModel']), provider: 'openai', sdk: 'vercel-ai', api: 'image' },
  { names: P('@ai-sdk/openai', ['createOpenAI']), provider: 'openai', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/azure', ['azure', 'azure.chat', 'azure.responses']), provider: 'azure-openai', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/azure', ['createAzure']), provider: 'azure-openai', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/anthropic', ['anthropic', 'anthropic.messages', 'anthropic.languageModel']), provider: 'anthropic', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/anthropic', ['createAnthropic']), provider: 'anthropic', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/google', ['google', 'google.chat', 'google.generativeAI', 'google.languageModel']), provider: 'google', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/google', ['google.textEmbeddingModel', 'google.textEmbedding', 'google.embedding']), provider: 'google', sdk: 'vercel-ai', api: 'embeddings' },
  { names: P('@ai-sdk/google', ['createGoogleGenerativeAI']), provider: 'google', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/google-vertex', ['vertex']), provider: 'google', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/google-vertex', ['createVertex']), provider: 'google', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/mistral', ['mistral']), provider: 'mistral', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/mistral', ['createMistral']), provider: 'mistral', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/cohere', ['cohere']), provider: 'cohere', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/amazon-bedrock', ['bedrock']), provider: 'bedrock', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/amazon-bedrock', ['createAmazonBedrock']), provider: 'bedrock', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/groq', ['groq']), provider: 'groq', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/deepseek', ['deepseek']), provider: 'deepseek', sdk: 'vercel-ai' },
  { names: P('@ai-sdk/togetherai', ['togetherai']), provider: 'together', sdk: 'vercel-ai' },
  { names: ['ollama-ai-provider.ollama', 'ollama-ai-provider-v2.ollama'], provider: 'ollama', sdk: 'vercel-ai' },
  { names: ['ollama-ai-provider.createOllama'], provider: 'ollama', sdk: 'vercel-ai', makesFactory: true },
  { names: P('@ai-sdk/openai-compatible', ['createOpenAICompatible']), provider: 'unknown', sdk: 'vercel-ai', makesFactory: true },
  // registry.languageModel('openai:gpt-4o'): the provider comes from the model id's prefix.
  { names: ['ai.createProviderRegistry', 'ai.experimental_createProviderRegistry', 'ai.customProvider'], provider: 'unknown', sdk: 'vercel-ai', makesFactory: true },
  { names: ['@genkit-ai/google-genai.googleAI.model', '@genkit-ai/googleai.googleAI.model', '@genkit-ai/vertexai.vertexAI.model'], provider: 'google', sdk: 'genkit' },
  { names: ['genkitx-openai.openAI.model', '@genkit-ai/compat-oai/openai.openAI.model'], provider: 'openai', sdk: 'genkit' },
];

export const JS_SDKS: SdkTable = {
  constructors,
  methods,
  functions,
  factories,
  moduleObjects: { ollama: { type: 'ollama', sdk: 'ollama', provider: 'ollama' } },
  wrappers: ['langsmith/wrappers.wrapOpenAI', 'langsmith/wrappers/openai.wrapOpenAI', 'braintrust.wrapOpenAI', 'braintrust.wrapAnthropic',
    '@instructor-ai/instructor', '@instructor-ai/instructor.default', 'langfuse.observeOpenAI', 'helicone.wrap'],
  passthrough: {
    withOptions: {}, withResponse: {}, asResponse: {},
    bind: {}, withRetry: {}, withConfig: {}, withFallbacks: {},
    bindTools: { tools: true }, withStructuredOutput: { jsonMode: true },
  },
};
