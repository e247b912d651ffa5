// Text that comes from the user's code (model names, callees, prompt expressions) is shown in hovers and previews
// as literal text: escaped so it cannot open links, inject command URIs or break the table it sits in.

const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&$]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Inline code with a fence longer than any backtick run inside (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Shortens code shown in a lens or hover ("documents[i].text.strip()…"). */
export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/**
 * `command:id?args` with JSON-encoded arguments, for trusted hover links to our own commands. Parentheses are
 * percent-encoded too: an unbalanced `)` from the user's code would otherwise end the markdown link early.
 */
export function commandUri(command: string, args?: unknown[]): string {
  if (!args || args.length === 0) return `command:${command}`;
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}
