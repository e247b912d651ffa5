/** The two OpenAI encodings we ship (esbuild.mjs copies their ranks to dist/). */
export type EncodingName = 'o200k_base' | 'cl100k_base';

export const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];
