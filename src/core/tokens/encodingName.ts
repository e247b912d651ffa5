/** The two OpenAI encodings we ship (esbuild.mjs writes their vocabularies to dist/<encoding>.vocab). */
export type EncodingName = 'o200k_base' | 'cl100k_base';

export const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];
