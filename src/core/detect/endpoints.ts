import type { ApiKind, Provider } from '../types';

// Known LLM HTTP endpoints, for raw fetch/axios/requests/httpx calls and for OpenAI-compatible clients whose
// base URL points elsewhere. Hosts from each provider's API reference.

interface HostRow {
  host: RegExp;
  provider: Provider;
}

const HOSTS: HostRow[] = [
  { host: /(^|\.)openai\.azure\.com$|\.cognitiveservices\.azure\.com$|\.services\.ai\.azure\.com$/, provider: 'azure-openai' },
  { host: /(^|\.)api\.openai\.com$/, provider: 'openai' },
  { host: /(^|\.)api\.anthropic\.com$/, provider: 'anthropic' },
  { host: /generativelanguage\.googleapis\.com$|aiplatform\.googleapis\.com$/, provider: 'google' },
  { host: /(^|\.)api\.mistral\.ai$|codestral\.mistral\.ai$/, provider: 'mistral' },
  { host: /(^|\.)api\.cohere\.(com|ai)$/, provider: 'cohere' },
  { host: /bedrock-runtime[.-][a-z0-9-]*\.?amazonaws\.com$|^bedrock-runtime\./, provider: 'bedrock' },
  { host: /(^|\.)api\.groq\.com$/, provider: 'groq' },
  { host: /(^|\.)api\.deepseek\.com$/, provider: 'deepseek' },
  { host: /(^|\.)api\.together\.(xyz|ai)$/, provider: 'together' },
  { host: /(^|\.)openrouter\.ai$|(^|\.)api\.fireworks\.ai$|(^|\.)api\.perplexity\.ai$|(^|\.)api\.x\.ai$/, provider: 'unknown' },
];

export interface Endpoint {
  provider: Provider;
  api: ApiKind;
  /** Model named in the URL (Gemini `models/…:generateContent`, Azure deployments, Bedrock `/model/{id}/`). */
  model?: string;
  batch?: boolean;
  stream?: boolean;
}

/**
 * Classifies a URL (possibly with `{…}` / `${…}` holes for dynamic parts). Returns null when it is not a model
 * request (token counting, model listing, files, fine-tuning…) or not a known LLM host.
 */
export function classifyUrl(url: string): Endpoint | null {
  const m = /^\s*(?:https?:)?\/\/([^/:?#\s]+)(?::(\d+))?([^?#]*)/i.exec(url);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  const port = m[2];
  const path = m[3] ?? '';
  let provider: Provider | undefined;
  if (port === '11434' || /(^|\.)ollama(\.|$)/.test(host)) provider = 'ollama';
  else for (const row of HOSTS) if (row.host.test(host)) { provider = row.provider; break; }
  if (!provider) return null;
  return classifyPath(provider, path);
}

/** Path part of a known provider's URL → api kind; null for endpoints that are not model requests. */
export function classifyPath(provider: Provider, path: string): Endpoint | null {
  const p = path.replace(/\/+$/, '');
  if (/count_?tokens|countTokens|\/models\/?$|\/files|fine_tuning|fine-tunes|\/tokenize|\/api\/(tags|pull|show|ps|delete|copy|push|create)$|\/batches\/[^/]+$|cachedContents/i.test(p)) return null;
  let api: ApiKind | null = null;
  let batch: boolean | undefined;
  let stream: boolean | undefined;
  if (/\/chat\/completions$|\/api\/chat$|\/v\d\/chat$|\/messages$|:(stream)?generateContent$|\/converse(-stream)?$|\/invoke(-with-response-stream)?$/i.test(p)) api = 'chat';
  else if (/\/responses$/.test(p)) api = 'responses';
  else if (/\/completions$|\/api\/generate$|\/generate$|\/fim\/completions$/.test(p)) api = 'completion';
  else if (/\/embeddings?$|\/api\/embed(dings)?$|:(batchE|e)mbedContents?$|\/embed$/.test(p)) api = 'embeddings';
  else if (/\/images\/(generations|edits|variations)$|:predict$/.test(p)) api = 'image';
  else if (/\/audio\/(speech|transcriptions|translations)$/.test(p)) api = 'audio';
  else if (/\/messages\/batches$/.test(p)) { api = 'chat'; batch = true; }
  else if (/\/rerank$/.test(p)) api = 'other';
  if (!api) return null;
  if (/:streamGenerateContent$|-stream$|-with-response-stream$/.test(p)) stream = true;
  const gm = /\/models\/([^/:{}$]+):/.exec(p);
  const az = /\/deployments\/([^/{}$]+)\//.exec(p);
  const br = /\/model\/([^/{}$]+)\/(converse|invoke)/.exec(p);
  const model = gm?.[1] ?? az?.[1] ?? (br?.[1] ? safeDecode(br[1]) : undefined);
  return { provider, api, ...(model ? { model } : {}), ...(batch ? { batch } : {}), ...(stream ? { stream } : {}) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Provider for an OpenAI-compatible client's base URL; undefined when the host is unknown. */
export function providerFromBaseUrl(url: string): Provider | undefined {
  const m = /^\s*(?:https?:)?\/\/([^/:?#\s]+)(?::(\d+))?/i.exec(url);
  if (!m) return undefined;
  const host = (m[1] ?? '').toLowerCase();
  if (m[2] === '11434' || /(^|\.)ollama(\.|$)/.test(host)) return 'ollama';
  for (const row of HOSTS) if (row.host.test(host)) return row.provider;
  return undefined;
}

const PREFIXES: [RegExp, Provider][] = [
  [/^(openai|text-completion-openai)[/:]/i, 'openai'],
  [/^(azure|azure_ai|azure-openai|azure_openai)[/:]/i, 'azure-openai'],
  [/^anthropic[/:]/i, 'anthropic'],
  [/^(gemini|google|googleai|vertexai|vertex_ai|vertex|google_genai|google-genai|google-vertexai|google_vertexai)[/:]|^vertex_ai_beta\//i, 'google'],
  [/^(mistral|mistralai)[/:]/i, 'mistral'],
  [/^cohere(_chat)?[/:]/i, 'cohere'],
  [/^(bedrock|bedrock_converse|aws|amazon-bedrock|bedrock-converse)[/:]/i, 'bedrock'],
  [/^(ollama|ollama_chat)[/:]/i, 'ollama'],
  [/^deepseek[/:]/i, 'deepseek'],
  [/^groq[/:]/i, 'groq'],
  [/^(together_ai|together|togetherai)[/:]/i, 'together'],
];

const FAMILIES: [RegExp, Provider][] = [
  [/^(gpt-|o\d(-|$)|chatgpt|text-embedding-|text-davinci|davinci|babbage|dall-e|whisper|tts-|omni-moderation|text-moderation|gpt4|codex)/i, 'openai'],
  [/^claude/i, 'anthropic'],
  [/^(models\/)?(gemini|text-embedding-00|embedding-00|gemma|imagen|text-bison|chat-bison)/i, 'google'],
  [/^(mistral|mixtral|codestral|ministral|pixtral|open-mistral|open-mixtral|magistral|devstral)/i, 'mistral'],
  [/^(command|embed-(english|multilingual)|rerank-)/i, 'cohere'],
  [/^(anthropic|amazon|meta|cohere|ai21|mistral|us|eu|apac|global)\.[a-z]/i, 'bedrock'],
  [/^deepseek/i, 'deepseek'],
];

/**
 * Provider implied by a model string: an explicit routing prefix (`anthropic/claude-3-5-sonnet`, `openai:gpt-4o`)
 * wins; otherwise the model family (`gpt-4o` → openai). undefined when neither tells.
 */
export function providerFromModel(model: string, prefixOnly = false): Provider | undefined {
  for (const [re, p] of PREFIXES) if (re.test(model)) return p;
  if (prefixOnly) return undefined;
  for (const [re, p] of FAMILIES) if (re.test(model)) return p;
  return undefined;
}

/**
 * OpenAI models served only by the legacy completions endpoint (no chat): what LlamaIndex's `is_chat_model` leaves
 * out of its chat list. Everything else a `complete()` helper is given is answered through chat.
 */
export function isCompletionOnlyModel(model: string): boolean {
  return /^(?:openai[/:])?(?:gpt-3\.5-turbo-instruct(?:-\d+)?|davinci-002|babbage-002|text-(?:davinci|curie|babbage|ada)-\d{3}|code-davinci-\d{3})$/i.test(model);
}

const PROVIDER_NAMES: Record<string, Provider> = {
  openai: 'openai', azure_openai: 'azure-openai', 'azure-openai': 'azure-openai', azure: 'azure-openai',
  anthropic: 'anthropic', google_genai: 'google', google_vertexai: 'google', google: 'google', 'google-genai': 'google',
  'google-vertexai': 'google', vertexai: 'google', mistralai: 'mistral', mistral: 'mistral', cohere: 'cohere',
  bedrock: 'bedrock', bedrock_converse: 'bedrock', aws: 'bedrock', ollama: 'ollama', groq: 'groq', deepseek: 'deepseek',
  together: 'together', 'together-ai': 'together',
};

/** `model_provider="anthropic"` style names. */
export function providerFromName(name: string): Provider | undefined {
  return PROVIDER_NAMES[name.toLowerCase()];
}
