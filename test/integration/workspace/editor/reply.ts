// Editor integration fixture: a TypeScript OpenAI call without an output cap (unbounded-output).
import OpenAI from 'openai';

const client = new OpenAI();

export async function draftReply(ticket: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Draft a short, polite reply to this support ticket.' },
      { role: 'user', content: ticket },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
