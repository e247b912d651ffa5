// Summarises release notes for the changelog e-mail.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function summarize(notes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const note of notes) {
    const msg = await anthropic.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 200,
      system: 'Summarise these release notes in two sentences for a customer newsletter.',
      messages: [{ role: 'user', content: note }],
    });
    const first = msg.content[0];
    out.push(first && first.type === 'text' ? first.text : '');
  }
  return out;
}
