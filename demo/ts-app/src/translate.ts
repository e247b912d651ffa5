// Translates the help-centre articles into every supported language, one request per article and language.
import OpenAI from 'openai';

const openai = new OpenAI();
const LANGUAGES = ['de', 'fr', 'es', 'ja', 'pt-BR'];

export async function translateAll(articles: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const article of articles) {
    for (const lang of LANGUAGES) {
      const completion = await openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: `Translate the help-centre article into ${lang}. Keep Markdown formatting.` },
          { role: 'user', content: article },
        ],
        max_tokens: 2000,
      });
      out.set(`${lang}:${article.slice(0, 20)}`, completion.choices[0]?.message.content ?? '');
    }
  }
  return out;
}
