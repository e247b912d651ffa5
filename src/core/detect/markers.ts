// The lexical prefilter: one regex pass decides whether a file could contain an LLM call at all. It must never say
// "no" for a file the engine would find a call in, so it lists every SDK module name, known endpoint host and the
// SDK-specific method paths that loose matching accepts without an import. Case-sensitive on purpose: module names
// and URLs are lower case in real code, and a case-insensitive scan is several times slower.
const MARKERS = new RegExp([
  'openai', 'anthropic', 'genai', 'generativeai', 'generative-ai', 'vertexai', 'mistral', 'cohere', 'bedrock',
  'litellm', 'ollama', 'langchain', 'langgraph', 'llama_index', 'llamaindex', '@ai-sdk', 'groq', 'deepseek',
  'together', 'generativelanguage', ':11434', 'ai-provider', 'genkit',
  // Vercel AI SDK core: import … from 'ai' / require("ai")
  `['"]ai['"]`,
  // Loose shapes (client passed in from elsewhere).
  'chat\\.completions', 'messages\\.(?:create|stream)', 'generate_content', 'generateContent', 'invoke_model', 'converse',
].join('|'));

/** Cheap lexical prefilter: false means the file certainly has no LLM call, so it is never parsed. */
export function hasSdkMarkers(text: string): boolean {
  return MARKERS.test(text);
}
