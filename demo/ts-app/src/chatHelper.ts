// A free-form assistant for agents in the side panel.
import OpenAI from 'openai';

const client = new OpenAI();
const MODEL = process.env.CHAT_MODEL ?? 'gpt-4.1';

export async function ask(question: string, history: { role: 'user' | 'assistant'; content: string }[]) {
  // No max_tokens: an open-ended answer can run long.
  const stream = await client.chat.completions.create({
    model: MODEL,
    stream: true,
    messages: [
      { role: 'system', content: 'You help support agents answer product questions. Be concise and cite articles.' },
      ...history,
      { role: 'user', content: question },
    ],
  });
  let answer = '';
  for await (const chunk of stream) answer += chunk.choices[0]?.delta?.content ?? '';
  return answer;
}
