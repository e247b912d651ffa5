// Token counting: tiktoken (lite build, o200k_base and cl100k_base, loaded lazily from the assets folder) for
// input tokens, documented defaults for output and reasoning tokens. Methodology: docs/tokens.md.

export { countInputTokens } from './countInputTokens';
export { estimateOutputTokens } from './estimateOutputTokens';
export { ENCODINGS, type EncodingName } from './encodingName';
export { IN_THREAD_COUNTER } from './encoders';
export {
  countText, countTexts, disposeEncoders, setTokenCounter, warmUpEncoder, type TokenCounter,
} from './tokenCounter';
export { WorkerTokenCounter, type WorkerTokenCounterOptions } from './workerCounter';
export { encodingForModel, normalizeModelName, tokenizerFor, type TokenizerChoice } from './modelTokenizer';
export { anthropicImageTokens, geminiImageTokens, openAiImageTokens } from './imageTokens';
export { VENDOR_TOKENIZERS, type VendorTokenizer } from './vendorTokenizers';
