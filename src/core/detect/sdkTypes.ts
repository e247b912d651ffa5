import type { ApiKind, Provider } from '../types';

// The vocabulary of the SDK tables. Detection is generic code walking these rows: adding an SDK means adding rows
// (and a fixture), never another `if`.

/** How one request method takes its arguments. Everything not named here is found generically by parameter name. */
export interface RequestShape {
  api: ApiKind;
  /** Argument / option names that carry the model, in priority order (Python keywords or JS option properties). */
  model?: readonly string[];
  /** Positional index of the model (Python positional arg or JS call arg that is not the options object). */
  modelPos?: number;
  /** Positional index of the prompt / input (`llm.invoke(input)`, `model.generate_content(contents)`). */
  promptPos?: number;
  /** JS: index of the options object among the call's arguments (default 0). */
  optionsArg?: number;
  /** The method streams (`messages.stream`, `generate_content_stream`). */
  stream?: boolean;
  /** Goes through a Batch API (`messages.batches.create`). */
  batch?: boolean;
  /** Batch requests list (Anthropic `requests=[{custom_id, params}]`): the first item's `params` is the request. */
  batchRequests?: string;
  /** Structured output by construction (Vercel `generateObject`). */
  jsonMode?: boolean;
  /** A raw HTTP call: the URL decides whether it is an LLM request at all. */
  http?: HttpShape;
  /** JS: the request is the argument (`client.send(new ConverseCommand({...}))`); its type decides the shape. */
  command?: boolean;
  /**
   * A generic invoke endpoint whose JSON body decides the API (Bedrock `invoke_model`): the first of these body keys
   * present gives the kind (`messages` → chat, Titan's `inputText` / the `prompt` of text-completion formats →
   * completion). An embedding model still makes it `embeddings`.
   */
  apiFromBody?: readonly (readonly [key: string, api: ApiKind])[];
  /**
   * A text-completion helper that the SDK answers through the chat API (LlamaIndex `complete` / `stream_complete`
   * wrap the prompt in one user message for a chat model): the call is `chat` unless the model is a
   * completion-only one (`gpt-3.5-turbo-instruct`, `davinci-002`) or the LLM class has a completion endpoint of its
   * own (ConstructorRow.textCompletion: Ollama's `generate`).
   */
  completionViaChat?: boolean;
  /**
   * The model argument names a group of the receiver's deployment list (LiteLLM `Router(model_list=[{model_name,
   * litellm_params: {model}}])`): the group's first deployment is the model that runs. A name the list does not
   * declare (or a list that is not static) is taken as written.
   */
  modelGroups?: { list: string; name: string; model: string };
  /** Positional index (or keyword) of an agent object whose model, provider and instructions the run uses. */
  agentArg?: { pos: number; names: readonly string[] };
}

export interface HttpShape {
  /** Positional index of the URL; Python also accepts `url=`. */
  urlPos: number;
  /** Where the JSON body is: a Python keyword (`json`, `data`, `content`) or JS `body` inside the options object. */
  bodyKeywords: readonly string[];
  /** JS: index of the argument that is the body itself (axios.post(url, data)). */
  bodyPos?: number;
  /** JS: index of the options object holding `body` (fetch(url, { body })). */
  optionsPos?: number;
}

/** A constructor or factory call that yields an SDK object (`OpenAI()`, `new ChatOpenAI({...})`, `boto3.client(...)`). */
export interface ConstructorRow {
  /** Qualified names: Python `module.Name`, JS `module-specifier.Name` (a default import is the bare specifier). */
  names: readonly string[];
  type: string;
  sdk: string;
  provider: Provider;
  /** Where the bound model is passed at construction. */
  model?: readonly string[];
  modelPos?: number;
  /** Only when the first positional (or `service_name=`) argument equals one of these (`boto3.client("bedrock-runtime")`). */
  whenArg0?: readonly string[];
  /** The client's base URL can point at another provider (OpenAI-compatible servers). */
  baseUrlKeys?: readonly string[];
  /** Provider decided by a keyword (`init_chat_model(model_provider=...)`). */
  providerKeys?: readonly string[];
  /** Derive the provider from the model string (`anthropic/claude…`, `openai:gpt-4o`). */
  providerFromModel?: boolean;
  /** JS options object index (default 0). */
  optionsArg?: number;
  /** The object has a text-completion endpoint of its own (see RequestShape.completionViaChat). */
  textCompletion?: boolean;
}

/** A method of an SDK object: either sends a request (`shape`) or returns another SDK object (`returns`). */
export interface MethodRow {
  type: string;
  /** Member path after the object, e.g. `chat.completions.create`. */
  path: string;
  shape?: RequestShape;
  returns?: string;
  /** For `returns`: where the new object's model is (otherwise it inherits the receiver's). */
  model?: readonly string[];
  modelPos?: number;
  /** Also match when the receiver cannot be resolved, if the file imports one of these modules or passes a model. */
  loose?: readonly string[];
  /** For `returns`: arguments holding an LLM object whose model and provider the new object runs (`llm=llm`). */
  llmArg?: readonly string[];
  /** For `returns`: the binding that supplies the LLM when no argument does (LlamaIndex `Settings.llm = …`). */
  defaultLlm?: string;
}

/** A module-level function that sends a request (`litellm.completion`, `generateText`, `ollama.chat`, `fetch`). */
export interface FunctionRow {
  names: readonly string[];
  sdk: string;
  provider: Provider;
  shape: RequestShape;
  providerFromModel?: boolean;
}

/** A provider factory whose call yields a model value (`openai('gpt-4o')`, `anthropic.messages('…')`). */
export interface ModelFactoryRow {
  names: readonly string[];
  provider: Provider;
  sdk: string;
  /** A factory whose result is itself a factory (`createOpenAI({...})`). */
  makesFactory?: boolean;
  api?: ApiKind;
}

export interface SdkTable {
  constructors: readonly ConstructorRow[];
  methods: readonly MethodRow[];
  functions: readonly FunctionRow[];
  factories: readonly ModelFactoryRow[];
  /** Modules that act as a client object themselves (`openai.chat.completions.create` on the module). */
  moduleObjects: Readonly<Record<string, { type: string; sdk: string; provider: Provider }>>;
  /** Functions that return the client they are given, instrumented (`instructor.from_openai(OpenAI())`, `wrapOpenAI`). */
  wrappers: readonly string[];
  /** Methods that return their receiver with extra settings (`with_options`, `bind_tools`, `with_structured_output`). */
  passthrough: Readonly<Record<string, { tools?: boolean; jsonMode?: boolean }>>;
}
