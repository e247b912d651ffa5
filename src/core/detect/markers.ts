// The lexical prefilter: decides whether a file could contain an LLM call at all. It must never say "no" for a file
// the engine would find a call in, so it lists every SDK module name, known endpoint host and the SDK-specific method
// paths that loose matching accepts without an import. Case-sensitive on purpose: module names and URLs are lower
// case in real code, and a case-insensitive scan is several times slower.
// Over a whole tree, a byte-level literal scan (markerScan.ts: every alternative below has a literal there) runs first
// and this regex only confirms the files it flags.
export { mayHaveSdkMarkers } from './markerScan';

const DIRECT = [
  'openai', 'anthropic', 'genai', 'generativeai', 'generative-ai', 'vertexai', 'mistral', 'cohere(?!n)', 'bedrock',
  'litellm', 'ollama', 'langchain', 'langgraph', 'llama_index', 'llamaindex', '@ai-sdk', 'groq', 'deepseek',
  'generativelanguage', ':11434', 'ai-provider', 'genkit',
  // Loose shapes (client passed in from elsewhere).
  'chat\\.completions', 'messages\\.(?:create|stream)', 'generate_content', 'generateContent', 'invoke_model',
  'onverse(?:_stream)?\\(', 'Converse(?:Stream)?Command',
];
/**
 * Markers that alone do not make a file an SDK user: a LangChain model or chain built in another module
 * (`from app.llm import llm` … `llm.invoke(…)`; tkinter buttons and click contexts `.invoke()` too), and the OpenAI
 * Agents SDK's `Runner.run` (only with `agents` imported). The one-pass regex keeps such files; detection then checks
 * them further before parsing (hasDirectSdkMarkers below, detect/index.ts).
 */
const INDIRECT = ['\\.a?invoke\\(', 'Runner\\.run'];
/** The alternatives of the one-pass regex (tests check that markerScan.ts has a literal for each). */
export const MARKER_ALTERNATIVES: readonly string[] = [...DIRECT, ...INDIRECT];
const MARKERS = new RegExp(MARKER_ALTERNATIVES.join('|'));
const DIRECT_MARKERS = new RegExp(DIRECT.join('|'));

// Markers made of common words are checked with a plain substring search first: an alternation that starts with
// `from` or `import` would make the one-pass regex try a match at every import line of every file.
/** Vercel AI SDK core: import … from 'ai' / require("ai") / import("ai"). */
const AI_IMPORT = /(?:from\s*|require\(\s*|import\(\s*)['"]ai['"]/;
/** "together" is an English word: only its SDK, host and LiteLLM prefix spellings. */
const TOGETHER = /together(?:[._-]?ai|\.xyz)|(?:from|import)\s+together\b/;

/** Cheap lexical prefilter: false means the file certainly has no LLM call, so it is never parsed. */
export function hasSdkMarkers(text: string): boolean {
  if (MARKERS.test(text)) return true;
  if ((text.includes("'ai'") || text.includes('"ai"')) && AI_IMPORT.test(text)) return true;
  return text.includes('together') && TOGETHER.test(text);
}

/**
 * The file names an SDK itself (import, endpoint, SDK-only method path), as opposed to only `.invoke(` / `Runner.run`.
 * Only the second regex pass of a candidate file: files without any marker never get here.
 */
export function hasDirectSdkMarkers(text: string): boolean {
  if (DIRECT_MARKERS.test(text)) return true;
  if ((text.includes("'ai'") || text.includes('"ai"')) && AI_IMPORT.test(text)) return true;
  if (text.includes('together') && TOGETHER.test(text)) return true;
  // Python `from agents import Runner` (JS `@openai/agents` already names openai).
  return text.includes('Runner.run') && /\b(?:from|import)\s+agents\b/.test(text);
}
