import { readList, type ArgumentListView } from './argumentList';
import type { CallSite } from './callSite';
import { perText } from './perText';
import { enclosingBracket } from './structure';
import type { ModelInfo } from '../types';

// Where each SDK takes its output cap, and under which name. SDK knowledge as data: one row per shape. Names checked
// against the SDKs' current signatures (openai-python/openai-node `max_completion_tokens` — `max_tokens` is deprecated
// and rejected by o-series reasoning models, while older Azure api-versions and OpenAI-compatible servers accept only
// `max_tokens`; Responses `max_output_tokens`; Gemini `max_output_tokens`/`maxOutputTokens` inside `config`
// (google-genai) or `generation_config`/`generationConfig` (legacy SDKs); Bedrock Converse `inferenceConfig.maxTokens`;
// Ollama `options.num_predict` in both clients; Mistral and Cohere TS SDKs are camelCase (`maxTokens`); Vercel AI SDK
// v5 renamed `maxTokens` to `maxOutputTokens`).

export interface CapPlacement {
  /** The list to edit: the request's options, or the constructor that binds the model (LangChain, LlamaIndex). */
  list: ArgumentListView;
  /** Key path inside that list, e.g. ['config', 'max_output_tokens']. */
  path: string[];
  /** The parameter as users will recognise it in the title ("max_tokens", "config.maxOutputTokens"). */
  display: string;
  /** For a constructor bound to a variable: how many other places use that variable (the cap applies to all). */
  sharedUses?: number;
}

type Lang = 'py' | 'js';

// LangChain / LlamaIndex model classes: the cap is a constructor argument.
const CONSTRUCTOR_KEYS: ReadonlyArray<{ pattern: RegExp; py: string; js: string }> = [
  { pattern: /^(ChatGoogleGenerativeAI|ChatVertexAI|GoogleGenerativeAI|VertexAI|Gemini|GoogleGenAI)$/, py: 'max_output_tokens', js: 'maxOutputTokens' },
  { pattern: /^(ChatOllama|OllamaLLM|Ollama)$/, py: 'num_predict', js: 'numPredict' },
  { pattern: /^(Chat[A-Z]\w*|AzureChatOpenAI|AzureOpenAI|OpenAI|Anthropic|MistralAI|Groq|LiteLLM|Bedrock\w*)$/, py: 'max_tokens', js: 'maxTokens' },
];

export function capPlacement(site: CallSite, model: ModelInfo | null): CapPlacement | null {
  const { call } = site;
  const lang: Lang = site.dialect === 'python' ? 'py' : 'js';
  const sdk = call.sdk.toLowerCase();
  const callee = call.callee;
  const pick = (py: string, js: string): string => (lang === 'py' ? py : js);

  if (call.modelSource === 'bound' && /langchain|llama/.test(sdk)) return constructorPlacement(site, lang);
  const options = site.options;
  if (!options || options.items.some((item) => item.spread && site.dialect === 'python')) {
    // Python **kwargs may already carry a cap (a duplicate keyword is a TypeError at run time): no edit.
    return null;
  }
  const at = (path: string[]): CapPlacement => ({ list: options, path, display: path.join('.') });

  if (sdk === 'http') {
    // The JSON body of a raw request: the REST field names (snake_case, Gemini REST camelCase).
    if (call.provider === 'ollama') return at(['options', 'num_predict']);
    if (call.provider === 'google') return at(['generationConfig', 'maxOutputTokens']);
    if (call.provider === 'bedrock' || call.provider === 'unknown') return null;
    if (call.api === 'responses') return at(['max_output_tokens']);
    return at([openaiChatCap(call.provider, model)]);
  }
  // The SDK decides the parameter name, whoever serves the model (AnthropicBedrock/AnthropicVertex clients take
  // Anthropic's max_tokens; the OpenAI SDK pointed at another vendor's compatible endpoint takes OpenAI's names).
  if (/vercel|^ai$/.test(sdk) || /^(generateText|streamText|generateObject|streamObject)$/.test(callee)) {
    return at([vercelVersion(site.source.text) === 4 ? 'maxTokens' : 'maxOutputTokens']);
  }
  if (/litellm/.test(sdk)) return at(['max_tokens']);
  if (/anthropic/.test(sdk)) return at(['max_tokens']);
  if (/^(openai|groq|together|deepseek|azure)/.test(sdk)) {
    if (call.api === 'responses') return at(['max_output_tokens']);
    if (call.api === 'completion') return at(['max_tokens']);
    return at([openaiChatCap(call.provider, model)]);
  }
  if (/mistral/.test(sdk)) return at([pick('max_tokens', 'maxTokens')]);
  if (/cohere/.test(sdk)) return at([pick('max_tokens', 'maxTokens')]);
  if (/ollama/.test(sdk)) return at(['options', 'num_predict']);
  if (/boto|aws|bedrock/.test(sdk)) {
    return /converse/i.test(callee) || /Converse(Stream)?Command/.test(site.source.text.slice(site.start, site.end))
      ? at(['inferenceConfig', 'maxTokens']) : null; // invoke_model takes a JSON body string: no safe edit
  }
  if (/google|gemini|vertex/.test(sdk)) {
    if (/\bmodels\.(generate_content|generateContent|generate_content_stream|generateContentStream)$/.test(callee)) {
      return at(['config', pick('max_output_tokens', 'maxOutputTokens')]);
    }
    if (/(generate_content|generateContent|generateContentStream)$/.test(callee)) {
      // Legacy SDKs: keyword `generation_config` (Python); JS only when the request is an object with `contents`.
      if (lang === 'js' && !options.items.some((item) => item.key === 'contents')) return null;
      return at([pick('generation_config', 'generationConfig'), pick('max_output_tokens', 'maxOutputTokens')]);
    }
    return null;
  }
  // An SDK name we do not know: fall back on the provider's own SDK convention only where it is unambiguous.
  if (call.provider === 'anthropic') return at(['max_tokens']);
  if (['openai', 'azure-openai', 'groq', 'together', 'deepseek'].includes(call.provider) && call.api === 'chat') {
    return at([openaiChatCap(call.provider, model)]);
  }
  return null;
}

/** OpenAI chat: `max_completion_tokens` for OpenAI's reasoning models (they reject `max_tokens`), else `max_tokens`,
 * which every api-version of Azure OpenAI and every OpenAI-compatible server accepts. */
function openaiChatCap(provider: string, model: ModelInfo | null): string {
  return model?.reasoning === true && (provider === 'openai' || provider === 'azure-openai') ? 'max_completion_tokens' : 'max_tokens';
}

/** The constructor call holding the bound model literal: `ChatOpenAI(model="gpt-4o")` / `new ChatOpenAI({ model: "gpt-4o" })`. */
function constructorPlacement(site: CallSite, lang: Lang): CapPlacement | null {
  const range = site.call.modelRange;
  if (!range) return null;
  const offset = site.source.offsetAt(range.start);
  if (offset === null) return null;
  const text = site.source.text;
  let bracket = enclosingBracket(site.structure, offset);
  if (!bracket) return null;
  let list: ArgumentListView | null;
  let nameEnd: number;
  if (lang === 'py') {
    if (text[bracket[0]] !== '(') return null;
    list = readList(site.source, site.structure, bracket[0], 'python-call');
    nameEnd = bracket[0];
  } else {
    if (text[bracket[0]] !== '{') return null;
    list = readList(site.source, site.structure, bracket[0], 'js-object');
    const paren = enclosingBracket(site.structure, bracket[0]);
    if (!paren || text[paren[0]] !== '(') return null;
    bracket = paren;
    nameEnd = paren[0];
  }
  if (!list) return null;
  if (lang === 'py' && list.items.some((item) => item.spread)) return null;
  const name = /([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(Math.max(0, nameEnd - 80), nameEnd))?.[1] ?? '';
  const row = CONSTRUCTOR_KEYS.find((entry) => entry.pattern.test(name));
  if (!row) return null;
  const key = lang === 'py' ? row.py : row.js;
  const placement: CapPlacement = { list, path: [key], display: `${name}(${key}=…)` };
  const assigned = /([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>.]+\s*)?=\s*(?:new\s+)?[\w$.]*$/.exec(text.slice(Math.max(0, nameEnd - 160), nameEnd));
  if (assigned) {
    const variable = assigned[1]!;
    const uses = perText(text, `uses:${variable}`, () =>
      text.match(new RegExp(`(?<![\\w$.])${variable.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 1);
    placement.sharedUses = Math.max(0, uses - 1);
  }
  return placement;
}

/** Vercel AI SDK major version from evidence in the file; v5 (current) unless v4-only names are used. */
export function vercelVersion(text: string): 4 | 5 {
  return perText(text, 'vercelVersion', () => readVercelVersion(text));
}

function readVercelVersion(text: string): 4 | 5 {
  if (/\bmaxOutputTokens\b|\binputSchema\s*:|\bstopWhen\b|toUIMessageStreamResponse|\bUIMessage\b/.test(text)) return 5;
  if (/\bmaxTokens\s*:|\bmaxSteps\s*:|toDataStreamResponse|\bparameters\s*:\s*z\./.test(text)) return 4;
  return 5;
}
