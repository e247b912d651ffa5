import { detectCalls, type DetectOptions } from '../../src/core/detect';
import type { DetectedCall, LanguageId } from '../../src/core/types';

/** Strips the common indentation of a template literal so snippets can be written inline. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  let s = strings.reduce((acc, str, i) => acc + str + (i < values.length ? String(values[i]) : ''), '');
  s = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const indents = s.split('\n').filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const min = indents.length ? Math.min(...indents) : 0;
  return s.split('\n').map((l) => l.slice(min)).join('\n');
}

export async function detect(text: string, language: LanguageId, options: DetectOptions = {}): Promise<DetectedCall[]> {
  const r = await detectCalls(text, language, options);
  return r.calls;
}

/** 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`needle not found: ${needle}`);
  return text.slice(0, i).split('\n').length - 1;
}

/** 0-based line and UTF-16 column of `needle`. */
export function posOf(text: string, needle: string): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`needle not found: ${needle}`);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}
