// Suggests three reply openings to the agent while they type, with the Vercel AI SDK.
import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';

export async function suggestReply(ticket: string): Promise<string> {
  // llm-footprint: 3k calls/day
  const { text } = await generateText({
    model: openai('gpt-4o'),
    system: 'Suggest three short ways to open a reply to this support ticket, one per line.',
    prompt: ticket,
    maxTokens: 120,
  });
  return text;
}
