// The lexical prefilter: decides whether a file could contain an LLM call at all. It must never say "no" for a file
// the engine would find a call in, so it lists every SDK module name, known endpoint host and the SDK-specific method
// paths that loose matching accepts without an import. Case-sensitive on purpose: module names and URLs are lower
// case in real code, and a case-insensitive scan is several times slower.
const MARKERS = new RegExp([
  'openai', 'anthropic', 'genai', 'generativeai', 'generative-ai', 'vertexai', 'mistral', 'cohere(?!n)', 'bedrock',
  'litellm', 'ollama', 'langchain', 'langgraph', 'llama_index', 'llamaindex', '@ai-sdk', 'groq', 'deepseek',
  'generativelanguage', ':11434', 'ai-provider', 'genkit',
  // Loose shapes (client passed in from elsewhere).
  'chat\\.completions', 'messages\\.(?:create|stream)', 'generate_content', 'generateContent', 'invoke_model',
  'onverse(?:_stream)?\\(', 'Converse(?:Stream)?Command',
  // A LangChain model or chain built in another module (`from app.llm import llm` … `llm.invoke(…)`).
  '\\.a?invoke\\(',
  // OpenAI Agents SDK (Python `from agents import Runner`).
  'Runner\\.run',
].join('|'));

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
