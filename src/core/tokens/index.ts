// Token counting: tiktoken (lite build, o200k_base and cl100k_base, loaded lazily from the assets folder) for
// input tokens, documented defaults for output and reasoning tokens. Methodology: docs/tokens.md.

export { countInputTokens } from './countInputTokens';
export { estimateOutputTokens } from './estimateOutputTokens';
export { countText, disposeEncoders, ENCODINGS, warmUpEncoder, type EncodingName } from './encoders';
export { encodingForModel, normalizeModelName, tokenizerFor, type TokenizerChoice } from './modelTokenizer';
export { anthropicImageTokens, geminiImageTokens, openAiImageTokens } from './imageTokens';
export { VENDOR_TOKENIZERS, type VendorTokenizer } from './vendorTokenizers';
