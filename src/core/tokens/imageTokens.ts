// Image inputs, by each provider's documented rule. Detection only knows how many images a call sends, not their
// size or detail, so callers use the per-vendor default below (a 1024×1024 image) and mark the count approximate.

/**
 * OpenAI (GPT-4o / 4.1 / o-series tile rule, "Images and vision" guide): `low` detail costs 85 tokens; `high` fits the
 * image into 2048×2048, scales the short side down to 768 px, then costs 170 tokens per 512-px tile plus 85.
 * 1024×1024 high → 768×768 → 4 tiles → 765 tokens (the guide's own example).
 */
export function openAiImageTokens(width: number, height: number, detail: 'low' | 'high' = 'high'): number {
  if (detail === 'low') return 85;
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit; h *= fit;
  const shrink = Math.min(1, 768 / Math.min(w, h));
  w *= shrink; h *= shrink;
  return 170 * Math.ceil(w / 512) * Math.ceil(h / 512) + 85;
}

/** Anthropic ("Vision" guide): tokens ≈ width × height / 750, after resizing so the long edge is ≤ 1568 px. */
export function anthropicImageTokens(width: number, height: number): number {
  const scale = Math.min(1, 1568 / Math.max(width, height));
  return Math.ceil((width * scale * height * scale) / 750);
}

/** Gemini 2.x ("Understand and count tokens"): ≤ 384 px on both sides → 258; larger → 258 per 768×768 tile. */
export function geminiImageTokens(width: number, height: number): number {
  if (width <= 384 && height <= 384) return 258;
  return 258 * Math.ceil(width / 768) * Math.ceil(height / 768);
}

const DEFAULT_SIDE = 1024;

/** Tokens assumed per image of unknown size, by vendor, with the sentence shown to users. */
export function defaultImageTokens(vendor: string | null): { tokens: number; rule: string } {
  switch (vendor) {
    case 'anthropic':
      return { tokens: anthropicImageTokens(DEFAULT_SIDE, DEFAULT_SIDE), rule: 'Anthropic rule w×h/750 for 1024×1024' };
    case 'google':
      return { tokens: geminiImageTokens(DEFAULT_SIDE, DEFAULT_SIDE), rule: 'Gemini rule 258 per 768-px tile for 1024×1024' };
    default:
      return { tokens: openAiImageTokens(DEFAULT_SIDE, DEFAULT_SIDE), rule: 'OpenAI tile rule for 1024×1024, high detail' };
  }
}
