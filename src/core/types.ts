// The shared vocabulary of the engine. Every stage (detect → tokens → footprint → advice → audit) reads and
// writes these plain-data shapes, so the extension and the CLI can never disagree about what a call is.
//
// Positions inside the engine are 0-based lines and 0-based UTF-16 columns — exactly what VS Code uses — so
// the extension maps them 1:1 and the CLI adds 1 when it prints the JSON contract (which is 1-based).

export type LanguageId = 'python' | 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact';

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16 code units
}

export interface Range {
  start: Position;
  end: Position;
}

/** `{ isCancellationRequested }` — a vscode.CancellationToken fits this structurally; the CLI adapts an AbortSignal. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** Optional logger port: the extension passes its LogOutputChannel wrapper, the CLI passes stderr or nothing. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** The model vendor whose servers run the request (LangChain's ChatOpenAI → 'openai'). */
export type Provider =
  | 'openai'
  | 'azure-openai'
  | 'anthropic'
  | 'google'
  | 'mistral'
  | 'cohere'
  | 'bedrock'
  | 'ollama'
  | 'deepseek'
  | 'groq'
  | 'together'
  | 'unknown';

export type ApiKind = 'chat' | 'completion' | 'responses' | 'embeddings' | 'image' | 'audio' | 'other';

export type ModelSource = 'literal' | 'constant' | 'default' | 'env-default' | 'bound' | 'imported' | 'unresolved';

/** A piece of prompt text. Static text is known exactly; dynamic text is only known at run time. */
export type PromptPart =
  | { kind: 'static'; text: string; range?: Range }
  | {
      kind: 'dynamic';
      /** Source text of the expression, for display ("user_input", "${doc}"). */
      expression: string;
      range?: Range;
      /** Typical size the user declared for this part (annotation comment or setting), in tokens. */
      declaredTokens?: number;
    };

export type MessageRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'unknown';

export interface PromptMessage {
  role: MessageRole;
  parts: PromptPart[];
}

export interface Prompt {
  messages: PromptMessage[];
  /** Serialized tool/function schemas sent with the request (each counts as prompt tokens). */
  tools: PromptPart[];
  /** Inputs that are not text. `unknown` where the code passes them but their size cannot be known. */
  images: number;
  audio: boolean;
  /** True when the whole prompt (or some message list) is a variable we could not follow. */
  opaque: boolean;
}

/** One argument of the request as written in code (a Python keyword argument or a JS object property). */
export interface ArgumentSlot {
  name: string;
  /** Range of the key (`max_tokens` in `max_tokens=5`, or `maxTokens` in `{ maxTokens: 5 }`). */
  keyRange: Range;
  valueRange: Range;
  /** Source text of the value. */
  valueText: string;
  /** The whole `key=value` / `key: value` pair. */
  range: Range;
}

/** Where the request's options live in the source, so fixes can edit them safely. */
export interface ArgumentList {
  /** python-call: keyword args of the call's `( … )`; js-object: the `{ … }` options literal. */
  style: 'python-call' | 'js-object';
  /** The whole `( … )` or `{ … }`, delimiters included. */
  range: Range;
  slots: ArgumentSlot[];
}

export interface MaxTokensParam {
  /** The SDK's own parameter name (`max_tokens`, `max_completion_tokens`, `maxOutputTokens`, `num_predict` …). */
  name: string;
  /** null when present but not statically known. */
  value: number | null;
  range?: Range;
}

export interface CallParams {
  maxOutputTokens?: MaxTokensParam;
  n?: number;
  stream?: boolean;
  temperature?: number | null;
  /** 'minimal' | 'low' | 'medium' | 'high' (OpenAI reasoning_effort / reasoning.effort, Gemini thinking level). */
  reasoningEffort?: string;
  /** Anthropic `thinking.budget_tokens`, Gemini `thinkingBudget`. */
  thinkingBudget?: number;
  /** The request declares tools/functions. */
  tools?: boolean;
  /** JSON mode / structured output requested. */
  jsonMode?: boolean;
  /** The call goes through a Batch API (50 % price, no latency guarantee). */
  batch?: boolean;
  /** Anthropic cache_control or similar explicit prompt caching is present. */
  promptCaching?: boolean;
}

export type LoopKind = 'for' | 'while' | 'comprehension' | 'map' | 'forEach' | 'promise-all' | 'handler';

export interface LoopContext {
  kind: LoopKind;
  /** The loop statement / callback, for display and for fixes that hoist or batch. */
  range: Range;
  /** Source text of the iterated collection where known (`documents`, `items`). */
  iterable?: string;
}

export interface VolumeAnnotation {
  callsPerDay: number;
  /** The comment that declared it. */
  range: Range;
}

/** What detection found at one call site. Everything else is derived from this. */
export interface DetectedCall {
  language: LanguageId;
  /** The call expression that sends the request. */
  range: Range;
  provider: Provider;
  /** The library the code uses: 'openai', 'anthropic', 'langchain', 'vercel-ai', 'litellm', 'http', … */
  sdk: string;
  api: ApiKind;
  /** The method path as written, e.g. `client.chat.completions.create` — shown in hovers. */
  callee: string;
  model: string | null;
  modelSource: ModelSource;
  /** The string literal holding the model, when a fix can rewrite it in place. */
  modelRange?: Range;
  prompt: Prompt;
  params: CallParams;
  args?: ArgumentList;
  loop?: LoopContext;
  volume?: VolumeAnnotation;
}

export interface InputTokens {
  count: number;
  /** True only when every part was counted with the model's own tokenizer. */
  exact: boolean;
  /** True when some parts are only known at run time (count is then a lower bound plus declared sizes). */
  dynamic: boolean;
  encoding: string;
  /** Why the count is approximate, shown as "≈" with this note. */
  approximation?: string;
  /** Of `count`: tokens from a static prefix long enough to be cached by the provider. */
  cacheablePrefix?: number;
}

export interface MinTypMax {
  min: number;
  typical: number;
  max: number;
}

export interface OutputTokens extends MinTypMax {
  /** Of the above: hidden reasoning tokens. */
  reasoning: MinTypMax;
  /** Where the numbers come from, for the hover ("max_tokens=500", "no cap: model maximum 16,384"). */
  basis: string[];
}

export interface Footprint {
  energyWh: MinTypMax;
  co2eGrams: MinTypMax;
  waterMl: MinTypMax;
  /** null where no price is known. Never 0 for unknown. */
  costUsd: MinTypMax | null;
  /** Region used for grid intensity, e.g. 'US' or 'us-east-1'. */
  region: string;
  gridIntensity: number;
  /** Human-readable assumptions shown in hovers and reports. */
  assumptions: string[];
  /** The catalog entry's canonical id. */
  modelId: string;
}

export type FindingCode =
  | 'oversized-model'
  | 'unbounded-output'
  | 'cacheable-prompt'
  | 'call-in-loop'
  | 'high-reasoning-effort'
  | 'unknown-model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Relative change of typical energy (−0.93 = −93 %), where it can be computed. */
  energySaving?: number;
  costSaving?: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

/** The full analysis of one call: detection + tokens + footprint + findings. */
export interface CallAnalysis {
  call: DetectedCall;
  inputTokens: InputTokens;
  outputTokens: OutputTokens;
  /** null for an unknown model; `unknownModelReason` says why. */
  footprint: Footprint | null;
  unknownModelReason?: string;
  /** Calls per day used for per-day totals (annotation, loop heuristic or default setting), null if none. */
  callsPerDay: number | null;
  findings: Finding[];
}

export interface FileAnalysis {
  /** As given by the caller (absolute path or URI string). */
  file: string;
  language: LanguageId;
  calls: CallAnalysis[];
  /** Non-fatal problems (a syntax error elsewhere in the file, an unreadable constant) — never thrown. */
  notes: string[];
}

/** What the rest of the engine needs to know about a model; the footprint catalog holds the full entry. */
export interface ModelInfo {
  /** Canonical catalog id, e.g. 'gpt-4o-mini', 'claude-sonnet-4-5'. */
  id: string;
  provider: Provider;
  /** Who trained it (sets the tokenizer approximation): 'openai', 'anthropic', 'google', 'meta', 'mistral', … */
  vendor: string;
  kind: 'chat' | 'embedding' | 'image' | 'audio';
  contextWindow: number;
  maxOutputTokens: number;
  /** Emits hidden reasoning tokens (o-series, gpt-5, Claude with thinking, Gemini 2.5 …). */
  reasoning: boolean;
  capabilities: { tools: boolean; vision: boolean; json: boolean };
  /** OpenAI tokenizer of the model, when it is one. */
  encoding?: 'o200k_base' | 'cl100k_base';
}
