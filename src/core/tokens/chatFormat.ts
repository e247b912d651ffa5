import type { ApiKind, MessageRole } from '../types';

// OpenAI's cookbook "How to count tokens with tiktoken" (openai-cookbook, examples/How_to_count_tokens_with_tiktoken)
// for gpt-3.5-turbo-0613 and later, gpt-4, gpt-4o, gpt-4o-mini: every message costs 3 tokens of framing
// (<|start|>{role}<|message|>…<|end|>) plus its role and content; a `name` adds 1; every reply is primed with
// <|start|>assistant<|message|>, 3 tokens. The cookbook checks these against the API's `usage.prompt_tokens`.
// For other vendors we apply the same constants as an approximation (their framing is undocumented).
export const TOKENS_PER_MESSAGE = 3;
export const REPLY_PRIMING_TOKENS = 3;

/** APIs whose input is a list of chat messages that the server wraps in a chat template. */
export function usesChatFormat(api: ApiKind): boolean {
  return api === 'chat' || api === 'responses';
}

/** The role string the server puts into the template (its tokens count like content). */
export function roleText(role: MessageRole): string {
  return role === 'unknown' ? 'user' : role;
}
