// A small LRU of token counts by text, one per encoding. Audits see the same system prompts and tool schemas in
// many call sites (and the editor re-analyses a file on every edit), so long repeated texts are counted once.
// Bounded by total characters so a workspace full of huge prompts cannot grow memory without limit.
// Even short texts are worth caching: every encode crosses into WASM (copy in, Uint32Array out), ~10 µs for a
// 4-character role and ~1 ms for 400 tokens, while a hit costs 0.4–8 µs (measured, docs/tokens.md).

const MAX_TOTAL_CHARS = 4_000_000;
const MAX_ENTRIES = 4_096;

export class CountCache {
  private readonly counts = new Map<string, number>();
  private totalChars = 0;

  get(text: string): number | undefined {
    const count = this.counts.get(text);
    if (count !== undefined) {
      // Refresh recency: Map iterates in insertion order, so the first key is the least recently used.
      this.counts.delete(text);
      this.counts.set(text, count);
    }
    return count;
  }

  set(text: string, count: number): void {
    if (text.length > MAX_TOTAL_CHARS / 4) return;
    if (this.counts.has(text)) return;
    this.counts.set(text, count);
    this.totalChars += text.length;
    while (this.totalChars > MAX_TOTAL_CHARS || this.counts.size > MAX_ENTRIES) {
      const oldest = this.counts.keys().next();
      if (oldest.done) break;
      this.counts.delete(oldest.value);
      this.totalChars -= oldest.value.length;
    }
  }

  get size(): number {
    return this.counts.size;
  }

  clear(): void {
    this.counts.clear();
    this.totalChars = 0;
  }
}
