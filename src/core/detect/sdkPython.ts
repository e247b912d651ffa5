import type { ConstructorRow, FunctionRow, MethodRow, ModelFactoryRow, RequestShape, SdkTable } from './sdkTypes';

// Python SDK call shapes. Sources: the SDKs' READMEs and API references (openai-python, anthropic-sdk-python,
// googleapis/python-genai, google-generativeai, mistralai, cohere, boto3 bedrock-runtime, litellm, ollama-python,
// langchain, llama-index).

const M = ['model'];
const chat: RequestShape = { api: 'chat', model: M };

// Bedrock InvokeModel bodies are each model family's native format: `messages` / `message` (Anthropic Messages,
// Mistral and AI21 chat, Cohere Command R) is a chat request; Titan Text's `inputText` and the `prompt` of Llama,
// Mistral, Claude Text Completions and Cohere Command are text completions (the Bedrock user guide's inference
// request parameters per model).
const INVOKE_BODY: RequestShape['apiFromBody'] = [['messages', 'chat'], ['message', 'chat'], ['inputText', 'completion'], ['prompt', 'completion']];

const OPENAI_COMPAT_BASE = ['base_url', 'api_base', 'openai_api_base'];

const constructors: ConstructorRow[] = [
  // OpenAI and OpenAI-compatible clients.
  { names: ['openai.OpenAI', 'openai.AsyncOpenAI', 'openai.Client', 'openai.AsyncClient'], type: 'openai', sdk: 'openai', provider: 'openai', baseUrlKeys: OPENAI_COMPAT_BASE },
  { names: ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'], type: 'openai', sdk: 'openai', provider: 'azure-openai', model: ['azure_deployment'] },
  { names: ['groq.Groq', 'groq.AsyncGroq'], type: 'openai', sdk: 'groq', provider: 'groq' },
  { names: ['together.Together', 'together.AsyncTogether'], type: 'openai', sdk: 'together', provider: 'together' },
  // Anthropic, also served by Bedrock and Vertex.
  { names: ['anthropic.Anthropic', 'anthropic.AsyncAnthropic', 'anthropic.Client', 'anthropic.AsyncClient'], type: 'anthropic', sdk: 'anthropic', provider: 'anthropic' },
  { names: ['anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', 'anthropic.lib.bedrock.AnthropicBedrock'], type: 'anthropic', sdk: 'anthropic', provider: 'bedrock' },
  { names: ['anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex', 'anthropic.lib.vertex.AnthropicVertex'], type: 'anthropic', sdk: 'anthropic', provider: 'google' },
  // Google: google-genai (new) and google-generativeai / vertexai (legacy, model bound at construction).
  { names: ['google.genai.Client', 'google.genai.client.Client'], type: 'genai', sdk: 'google-genai', provider: 'google' },
  { names: ['google.generativeai.GenerativeModel', 'vertexai.generative_models.GenerativeModel', 'vertexai.preview.generative_models.GenerativeModel'],
    type: 'gemini.model', sdk: 'google-generativeai', provider: 'google', model: ['model_name', 'model'], modelPos: 0 },
  { names: ['vertexai.language_models.TextGenerationModel.from_pretrained', 'vertexai.language_models.ChatModel.from_pretrained'],
    type: 'gemini.model', sdk: 'vertexai', provider: 'google', model: ['model_name'], modelPos: 0 },
  { names: ['vertexai.language_models.TextEmbeddingModel.from_pretrained', 'vertexai.vision_models.ImageGenerationModel.from_pretrained'],
    type: 'vertex.embed', sdk: 'vertexai', provider: 'google', model: ['model_name'], modelPos: 0 },
  // Mistral (v1 client and legacy MistralClient), Cohere, Ollama.
  { names: ['mistralai.Mistral', 'mistralai.client.Mistral'], type: 'mistral', sdk: 'mistralai', provider: 'mistral' },
  { names: ['mistralai.client.MistralClient', 'mistralai.async_client.MistralAsyncClient'], type: 'mistral.legacy', sdk: 'mistralai', provider: 'mistral' },
  { names: ['cohere.Client', 'cohere.ClientV2', 'cohere.AsyncClient', 'cohere.AsyncClientV2'], type: 'cohere', sdk: 'cohere', provider: 'cohere' },
  { names: ['ollama.Client', 'ollama.AsyncClient'], type: 'ollama', sdk: 'ollama', provider: 'ollama' },
  // AWS Bedrock through boto3: only the runtime client sends model requests (`bedrock` is the control plane).
  { names: ['boto3.client', 'boto3.session.Session.client', 'aioboto3.Session.client'], type: 'bedrock', sdk: 'boto3', provider: 'bedrock', whenArg0: ['bedrock-runtime'] },
  { names: ['boto3.Session', 'boto3.session.Session', 'aioboto3.Session'], type: 'boto3.session', sdk: 'boto3', provider: 'bedrock' },
  // LangChain chat models, LLMs and embeddings: the model is bound here, requests go through invoke/stream/batch.
  { names: ['langchain_openai.ChatOpenAI', 'langchain.chat_models.ChatOpenAI', 'langchain_community.chat_models.ChatOpenAI', 'langchain_openai.OpenAI', 'langchain.llms.OpenAI',
    'langchain_community.llms.OpenAI', 'langchain.llms.openai.OpenAI', 'langchain.chat_models.openai.ChatOpenAI', 'langchain_community.chat_models.openai.ChatOpenAI'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'openai', model: ['model', 'model_name'], baseUrlKeys: OPENAI_COMPAT_BASE },
  { names: ['langchain_openai.AzureChatOpenAI', 'langchain.chat_models.AzureChatOpenAI', 'langchain_community.chat_models.AzureChatOpenAI'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'azure-openai', model: ['azure_deployment', 'deployment_name', 'model', 'model_name'] },
  { names: ['langchain_anthropic.ChatAnthropic', 'langchain.chat_models.ChatAnthropic', 'langchain_community.chat_models.ChatAnthropic'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'anthropic', model: ['model', 'model_name'] },
  { names: ['langchain_google_genai.ChatGoogleGenerativeAI', 'langchain_google_vertexai.ChatVertexAI', 'langchain_google_vertexai.VertexAI'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'google', model: ['model', 'model_name'] },
  { names: ['langchain_mistralai.ChatMistralAI'], type: 'langchain.chat', sdk: 'langchain', provider: 'mistral', model: ['model', 'model_name'] },
  { names: ['langchain_cohere.ChatCohere', 'langchain_community.chat_models.ChatCohere'], type: 'langchain.chat', sdk: 'langchain', provider: 'cohere', model: ['model'] },
  { names: ['langchain_ollama.ChatOllama', 'langchain_community.chat_models.ChatOllama', 'langchain_ollama.OllamaLLM', 'langchain_community.llms.Ollama'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'ollama', model: ['model'] },
  { names: ['langchain_aws.ChatBedrock', 'langchain_aws.ChatBedrockConverse', 'langchain_community.chat_models.BedrockChat', 'langchain_aws.BedrockLLM'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'bedrock', model: ['model_id', 'model'] },
  { names: ['langchain_groq.ChatGroq'], type: 'langchain.chat', sdk: 'langchain', provider: 'groq', model: ['model', 'model_name'] },
  { names: ['langchain_deepseek.ChatDeepSeek'], type: 'langchain.chat', sdk: 'langchain', provider: 'deepseek', model: ['model', 'model_name'] },
  { names: ['langchain_together.ChatTogether'], type: 'langchain.chat', sdk: 'langchain', provider: 'together', model: ['model', 'model_name'] },
  { names: ['langchain.chat_models.init_chat_model', 'langchain.chat_models.base.init_chat_model'],
    type: 'langchain.chat', sdk: 'langchain', provider: 'unknown', model: ['model'], modelPos: 0, providerKeys: ['model_provider'], providerFromModel: true },
  { names: ['langchain_openai.OpenAIEmbeddings', 'langchain_openai.AzureOpenAIEmbeddings', 'langchain.embeddings.OpenAIEmbeddings', 'langchain_community.embeddings.OpenAIEmbeddings'],
    type: 'langchain.embeddings', sdk: 'langchain', provider: 'openai', model: ['model', 'deployment'] },
  { names: ['langchain_google_genai.GoogleGenerativeAIEmbeddings', 'langchain_google_vertexai.VertexAIEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'google', model: ['model', 'model_name'] },
  { names: ['langchain_cohere.CohereEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'cohere', model: ['model'] },
  { names: ['langchain_mistralai.MistralAIEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'mistral', model: ['model'] },
  { names: ['langchain_ollama.OllamaEmbeddings', 'langchain_community.embeddings.OllamaEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'ollama', model: ['model'] },
  { names: ['langchain_aws.BedrockEmbeddings'], type: 'langchain.embeddings', sdk: 'langchain', provider: 'bedrock', model: ['model_id'] },
  // LlamaIndex LLMs and embeddings.
  { names: ['llama_index.llms.openai.OpenAI', 'llama_index.llms.azure_openai.AzureOpenAI', 'llama_index.llms.OpenAI', 'llama_index.core.llms.OpenAI'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'openai', model: ['model', 'engine'] },
  { names: ['llama_index.llms.anthropic.Anthropic'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'anthropic', model: ['model'] },
  { names: ['llama_index.llms.gemini.Gemini', 'llama_index.llms.google_genai.GoogleGenAI', 'llama_index.llms.vertex.Vertex'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'google', model: ['model', 'model_name'] },
  { names: ['llama_index.llms.mistralai.MistralAI'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'mistral', model: ['model'] },
  { names: ['llama_index.llms.ollama.Ollama'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'ollama', model: ['model'], textCompletion: true },
  { names: ['llama_index.llms.bedrock.Bedrock', 'llama_index.llms.bedrock_converse.BedrockConverse'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'bedrock', model: ['model'] },
  { names: ['llama_index.llms.cohere.Cohere'], type: 'llamaindex.llm', sdk: 'llamaindex', provider: 'cohere', model: ['model'] },
  { names: ['llama_index.embeddings.openai.OpenAIEmbedding'], type: 'llamaindex.embed', sdk: 'llamaindex', provider: 'openai', model: ['model', 'model_name'] },
  { names: ['llama_index.core.VectorStoreIndex.from_documents', 'llama_index.core.VectorStoreIndex', 'llama_index.core.VectorStoreIndex.from_vector_store',
    'llama_index.VectorStoreIndex.from_documents', 'llama_index.core.SummaryIndex.from_documents'], type: 'llamaindex.index', sdk: 'llamaindex', provider: 'unknown' },
  // LiteLLM Router: load-balances model groups; router.completion(model="group", …) sends the request.
  { names: ['litellm.Router', 'litellm.router.Router'], type: 'litellm.router', sdk: 'litellm', provider: 'unknown' },
  // OpenAI Agents SDK: the agent binds model and instructions; Runner.run(agent, input) sends the requests.
  { names: ['agents.Agent'], type: 'oai.agent', sdk: 'openai-agents', provider: 'openai', model: ['model'], providerFromModel: true },
  // HTTP clients whose .post() may target an LLM endpoint.
  { names: ['httpx.Client', 'httpx.AsyncClient', 'requests.Session', 'requests.session', 'aiohttp.ClientSession'], type: 'http', sdk: 'http', provider: 'unknown' },
];

const openaiMethods: MethodRow[] = [
  ...['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'chat.completions.stream', 'beta.chat.completions.stream']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { ...chat, stream: path.endsWith('stream') || undefined }, loose: ['openai', 'groq', 'together'] })),
  ...['responses.create', 'responses.parse', 'responses.stream']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'responses', model: M, stream: path.endsWith('stream') || undefined }, loose: ['openai'] })),
  { type: 'openai', path: 'completions.create', shape: { api: 'completion', model: M } },
  { type: 'openai', path: 'embeddings.create', shape: { api: 'embeddings', model: M }, loose: ['openai'] },
  ...['images.generate', 'images.edit', 'images.create_variation'].map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'image', model: M } })),
  ...['audio.speech.create', 'audio.transcriptions.create', 'audio.translations.create'].map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'audio', model: M } })),
  { type: 'openai', path: 'moderations.create', shape: { api: 'other', model: M } },
  // Realtime: `async with client.beta.realtime.connect(model=…) as conn` opens one session (a request with audio in
  // and out); the events later sent on `conn` are not separate calls.
  { type: 'openai', path: 'beta.realtime.connect', shape: { api: 'audio', model: M }, loose: ['openai'] },
  { type: 'openai', path: 'realtime.connect', shape: { api: 'audio', model: M } },
  ...['beta.threads.runs.create', 'beta.threads.runs.create_and_poll', 'beta.threads.runs.stream', 'beta.threads.create_and_run', 'beta.threads.create_and_run_poll']
    .map((path): MethodRow => ({ type: 'openai', path, shape: { api: 'chat', model: M } })),
];

const anthropicMethods: MethodRow[] = [
  { type: 'anthropic', path: 'messages.create', shape: chat, loose: ['anthropic'] },
  { type: 'anthropic', path: 'beta.messages.create', shape: chat, loose: ['anthropic'] },
  { type: 'anthropic', path: 'messages.stream', shape: { ...chat, stream: true }, loose: ['anthropic'] },
  { type: 'anthropic', path: 'beta.messages.stream', shape: { ...chat, stream: true } },
  { type: 'anthropic', path: 'messages.batches.create', shape: { ...chat, batch: true, batchRequests: 'requests' } },
  { type: 'anthropic', path: 'beta.messages.batches.create', shape: { ...chat, batch: true, batchRequests: 'requests' } },
  { type: 'anthropic', path: 'completions.create', shape: { api: 'completion', model: M } },
];

const G = ['model'];
const googleMethods: MethodRow[] = [
  ...['models.generate_content', 'aio.models.generate_content'].map((path): MethodRow => ({ type: 'genai', path, shape: { api: 'chat', model: G }, loose: ['google.genai'] })),
  ...['models.generate_content_stream', 'aio.models.generate_content_stream'].map((path): MethodRow => ({ type: 'genai', path, shape: { api: 'chat', model: G, stream: true }, loose: ['google.genai'] })),
  ...['models.embed_content', 'aio.models.embed_content'].map((path): MethodRow => ({ type: 'genai', path, shape: { api: 'embeddings', model: G } })),
  ...['models.generate_images', 'aio.models.generate_images'].map((path): MethodRow => ({ type: 'genai', path, shape: { api: 'image', model: G } })),
  { type: 'genai', path: 'models.generate_videos', shape: { api: 'other', model: G } },
  { type: 'genai', path: 'chats.create', returns: 'genai.chat', model: G },
  { type: 'genai', path: 'aio.chats.create', returns: 'genai.chat', model: G },
  { type: 'genai.chat', path: 'send_message', shape: { api: 'chat', promptPos: 0 } },
  { type: 'genai.chat', path: 'send_message_stream', shape: { api: 'chat', promptPos: 0, stream: true } },
  { type: 'gemini.model', path: 'generate_content', shape: { api: 'chat', promptPos: 0 }, loose: ['google.generativeai', 'vertexai'] },
  { type: 'gemini.model', path: 'generate_content_async', shape: { api: 'chat', promptPos: 0 } },
  { type: 'gemini.model', path: 'predict', shape: { api: 'completion', promptPos: 0 } },
  { type: 'gemini.model', path: 'start_chat', returns: 'gemini.chat' },
  { type: 'gemini.chat', path: 'send_message', shape: { api: 'chat', promptPos: 0 } },
  { type: 'gemini.chat', path: 'send_message_async', shape: { api: 'chat', promptPos: 0 } },
  { type: 'vertex.embed', path: 'get_embeddings', shape: { api: 'embeddings', promptPos: 0 } },
  { type: 'vertex.embed', path: 'generate_images', shape: { api: 'image' } },
];

const otherMethods: MethodRow[] = [
  // Mistral v1 and legacy.
  { type: 'mistral', path: 'chat.complete', shape: chat, loose: ['mistralai'] },
  { type: 'mistral', path: 'chat.complete_async', shape: chat },
  { type: 'mistral', path: 'chat.stream', shape: { ...chat, stream: true } },
  { type: 'mistral', path: 'chat.stream_async', shape: { ...chat, stream: true } },
  { type: 'mistral', path: 'chat.parse', shape: chat },
  { type: 'mistral', path: 'fim.complete', shape: { api: 'completion', model: M } },
  { type: 'mistral', path: 'embeddings.create', shape: { api: 'embeddings', model: M } },
  { type: 'mistral.legacy', path: 'chat', shape: chat },
  { type: 'mistral.legacy', path: 'chat_stream', shape: { ...chat, stream: true } },
  { type: 'mistral.legacy', path: 'embeddings', shape: { api: 'embeddings', model: M } },
  // Cohere v1/v2.
  { type: 'cohere', path: 'chat', shape: chat },
  { type: 'cohere', path: 'chat_stream', shape: { ...chat, stream: true } },
  { type: 'cohere', path: 'generate', shape: { api: 'completion', model: M } },
  { type: 'cohere', path: 'embed', shape: { api: 'embeddings', model: M } },
  { type: 'cohere', path: 'rerank', shape: { api: 'other', model: M } },
  // Ollama client objects.
  { type: 'ollama', path: 'chat', shape: chat },
  { type: 'ollama', path: 'generate', shape: { api: 'completion', model: M } },
  { type: 'ollama', path: 'embeddings', shape: { api: 'embeddings', model: M } },
  { type: 'ollama', path: 'embed', shape: { api: 'embeddings', model: M } },
  // Bedrock runtime.
  { type: 'bedrock', path: 'invoke_model', shape: { api: 'chat', model: ['modelId'], apiFromBody: INVOKE_BODY }, loose: ['boto3'] },
  { type: 'bedrock', path: 'invoke_model_with_response_stream', shape: { api: 'chat', model: ['modelId'], stream: true, apiFromBody: INVOKE_BODY }, loose: ['boto3'] },
  { type: 'bedrock', path: 'converse', shape: { api: 'chat', model: ['modelId'] }, loose: ['boto3'] },
  { type: 'bedrock', path: 'converse_stream', shape: { api: 'chat', model: ['modelId'], stream: true }, loose: ['boto3'] },
  { type: 'boto3.session', path: 'client', returns: 'bedrock' },
  // LangChain runnables.
  ...['invoke', 'ainvoke', 'predict', 'apredict', 'predict_messages', 'generate', 'agenerate', 'run', 'arun', '__call__'].map((path): MethodRow => ({ type: 'langchain.chat', path, shape: { api: 'chat', promptPos: 0 } })),
  ...['stream', 'astream', 'astream_events'].map((path): MethodRow => ({ type: 'langchain.chat', path, shape: { api: 'chat', promptPos: 0, stream: true } })),
  ...['batch', 'abatch'].map((path): MethodRow => ({ type: 'langchain.chat', path, shape: { api: 'chat', promptPos: 0 } })),
  ...['embed_query', 'aembed_query', 'embed_documents', 'aembed_documents'].map((path): MethodRow => ({ type: 'langchain.embeddings', path, shape: { api: 'embeddings', promptPos: 0 } })),
  // LlamaIndex.
  ...['complete', 'acomplete', 'stream_complete', 'astream_complete'].map((path): MethodRow => ({ type: 'llamaindex.llm', path,
    shape: { api: 'completion', promptPos: 0, stream: path.includes('stream') || undefined, completionViaChat: true } })),
  ...['chat', 'achat', 'stream_chat', 'astream_chat', 'predict', 'structured_predict'].map((path): MethodRow => ({ type: 'llamaindex.llm', path, shape: { api: 'chat', promptPos: 0, stream: path.includes('stream') || undefined } })),
  ...['get_text_embedding', 'get_query_embedding', 'get_text_embedding_batch', 'aget_text_embedding', 'aget_query_embedding'].map((path): MethodRow => ({ type: 'llamaindex.embed', path, shape: { api: 'embeddings', promptPos: 0 } })),
  ...['as_query_engine', 'as_chat_engine'].map((path): MethodRow => ({ type: 'llamaindex.index', path, returns: 'llamaindex.engine',
    llmArg: ['llm'], defaultLlm: 'Settings.llm', loose: ['llama_index'] })),
  ...['query', 'aquery', 'chat', 'achat', 'stream_chat'].map((path): MethodRow => ({ type: 'llamaindex.engine', path, shape: { api: 'chat', promptPos: 0 } })),
  // LiteLLM Router (https://docs.litellm.ai/docs/routing): the same request functions, on a model group.
  ...([['completion', 'chat'], ['acompletion', 'chat'], ['text_completion', 'completion'], ['atext_completion', 'completion'],
    ['responses', 'responses'], ['aresponses', 'responses'], ['embedding', 'embeddings'], ['aembedding', 'embeddings'],
    ['image_generation', 'image'], ['aimage_generation', 'image'], ['transcription', 'audio'], ['atranscription', 'audio'],
    ['speech', 'audio'], ['aspeech', 'audio']] as const).map(([path, api]): MethodRow => ({ type: 'litellm.router', path,
    shape: { api, model: M, modelPos: 0, modelGroups: { list: 'model_list', name: 'model_name', model: 'litellm_params.model' } } })),
  // HTTP client objects.
  { type: 'http', path: 'post', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: ['json', 'data', 'content'] } } },
  { type: 'http', path: 'request', shape: { api: 'other', http: { urlPos: 1, bodyKeywords: ['json', 'data', 'content'] } } },
];

const functions: FunctionRow[] = [
  { names: ['litellm.completion', 'litellm.acompletion'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: { api: 'chat', model: M, modelPos: 0 } },
  { names: ['litellm.text_completion', 'litellm.atext_completion'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: { api: 'completion', model: M, modelPos: 0 } },
  { names: ['litellm.embedding', 'litellm.aembedding'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: { api: 'embeddings', model: M, modelPos: 0 } },
  { names: ['litellm.image_generation'], sdk: 'litellm', provider: 'unknown', providerFromModel: true, shape: { api: 'image', model: M } },
  { names: ['ollama.chat'], sdk: 'ollama', provider: 'ollama', shape: { api: 'chat', model: M, modelPos: 0 } },
  { names: ['ollama.generate'], sdk: 'ollama', provider: 'ollama', shape: { api: 'completion', model: M, modelPos: 0 } },
  { names: ['ollama.embeddings', 'ollama.embed'], sdk: 'ollama', provider: 'ollama', shape: { api: 'embeddings', model: M, modelPos: 0 } },
  { names: ['google.generativeai.embed_content'], sdk: 'google-generativeai', provider: 'google', shape: { api: 'embeddings', model: M } },
  { names: ['google.generativeai.generate_text'], sdk: 'google-generativeai', provider: 'google', shape: { api: 'completion', model: M } },
  // openai < 1.0 module-level resources.
  { names: ['openai.ChatCompletion.create', 'openai.ChatCompletion.acreate'], sdk: 'openai', provider: 'openai', shape: { api: 'chat', model: ['model', 'engine', 'deployment_id'] } },
  { names: ['openai.Completion.create', 'openai.Completion.acreate'], sdk: 'openai', provider: 'openai', shape: { api: 'completion', model: ['model', 'engine', 'deployment_id'] } },
  { names: ['openai.Embedding.create', 'openai.Embedding.acreate'], sdk: 'openai', provider: 'openai', shape: { api: 'embeddings', model: ['model', 'engine', 'deployment_id'] } },
  { names: ['openai.Image.create'], sdk: 'openai', provider: 'openai', shape: { api: 'image' } },
  { names: ['agents.Runner.run', 'agents.Runner.run_sync', 'agents.Runner.run_streamed'], sdk: 'openai-agents', provider: 'openai',
    shape: { api: 'responses', promptPos: 1, agentArg: { pos: 0, names: ['starting_agent'] } } },
  // Raw HTTP.
  { names: ['requests.post', 'httpx.post', 'aiohttp.post'], sdk: 'http', provider: 'unknown', shape: { api: 'other', http: { urlPos: 0, bodyKeywords: ['json', 'data', 'content'] } } },
  { names: ['requests.request', 'httpx.request', 'urllib3.request'], sdk: 'http', provider: 'unknown', shape: { api: 'other', http: { urlPos: 1, bodyKeywords: ['json', 'data', 'content', 'body'] } } },
];

const factories: ModelFactoryRow[] = [];

export const PYTHON_SDKS: SdkTable = {
  constructors,
  methods: [...openaiMethods, ...anthropicMethods, ...googleMethods, ...otherMethods],
  functions,
  factories,
  moduleObjects: {
    openai: { type: 'openai', sdk: 'openai', provider: 'openai' },
  },
  wrappers: [
    'instructor.from_openai', 'instructor.from_anthropic', 'instructor.from_gemini', 'instructor.from_genai', 'instructor.from_mistral',
    'instructor.from_cohere', 'instructor.patch', 'instructor.apatch', 'langsmith.wrappers.wrap_openai', 'langsmith.wrappers.wrap_anthropic',
    'langfuse.openai.OpenAI', 'agentops.wrap', 'weave.wrap',
  ],
  passthrough: {
    with_options: {}, with_raw_response: {}, with_streaming_response: {}, copy: {},
    bind: {}, with_retry: {}, with_config: {}, with_fallbacks: {}, configurable_fields: {}, configurable_alternatives: {},
    bind_tools: { tools: true }, with_structured_output: { jsonMode: true }, as_structured_llm: { jsonMode: true },
  },
};
