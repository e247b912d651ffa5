// Answers a question with Claude; used by the audit integration test.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function answer(question: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 300,
    messages: [{ role: 'user', content: question }],
  });
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}
