import type { AnalysisSettings } from '../settings';
import type { DetectedCall, InputTokens, ModelInfo, PromptPart } from '../types';
import { REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE, roleText, usesChatFormat } from './chatFormat';
import { defaultImageTokens } from './imageTokens';
import { normalizeModelName, tokenizerFor } from './modelTokenizer';
import { functionSchemaTokens, functionSchemas, parseLiteral, type FunctionSchema } from './toolSchemaTokens';
import { countTexts } from './tokenCounter';
import { vendorFromName } from './vendorTokenizers';

interface Tally {
  total: number;
  declaredTotal: number;
  prefix: number;
  exact: boolean;
  dynamic: boolean;
  notes: string[];
}

/**
 * Input tokens of one call. Static text is counted exactly with the model's tiktoken encoding (or scaled for
 * other vendors); each dynamic part adds its declared size (annotation) or `settings.dynamicPartTokens`.
 * Odd input never throws (a call with nothing countable yields its chat framing only); a missing tokenizer asset
 * rejects with a message naming it.
 */
export async function countInputTokens(
  call: DetectedCall, model: ModelInfo | null, settings: AnalysisSettings,
): Promise<InputTokens> {
  const tokenizer = tokenizerFor(model, call.model);
  const notes: string[] = tokenizer.approximation ? [tokenizer.approximation] : [];
  let exact = tokenizer.exact;
  let dynamic = call.prompt.opaque;
  const perDynamicPart = Math.max(0, settings.dynamicPartTokens);
  const declared = (part: Extract<PromptPart, { kind: 'dynamic' }>): number =>
    part.declaredTokens !== undefined && part.declaredTokens >= 0 ? part.declaredTokens : perDynamicPart;

  // The tally below runs twice: once to learn which texts it needs (sent to the tokenizer in one request, which may
  // cross to the tokenizer thread), once with their counts. Same code both times, so the two can never disagree.
  const tally = (count: (text: string) => number): Tally => {
    let exactTally = true;
    let dynamicTally = false;
    const tallyNotes: string[] = [];
    // Text tokens are summed raw and scaled once at the end (for other vendors), so rounding does not add up
    // per part; chat framing and declared sizes are not scaled.
    let text = 0;
    let framing = 0;
    let declaredTotal = 0;

    // Tools first: providers place them before the system prompt, so they belong to the cacheable prefix.
    let toolsStatic = true;
    const staticTools: string[] = [];
    for (const part of call.prompt.tools) {
      if (part.kind === 'static') staticTools.push(part.text);
      else { toolsStatic = false; dynamicTally = true; declaredTotal += declared(part); }
    }
    if (staticTools.length > 0) {
      const schemas: FunctionSchema[] = [];
      let readable = true;
      for (const source of staticTools) {
        const parsed = parseLiteral(source);
        const fns = parsed === null ? null : functionSchemas(parsed);
        if (fns) schemas.push(...fns); else { readable = false; break; }
      }
      const family = tokenizer.family === 'openai-cl100k' ? 'cl100k' : 'o200k';
      if (readable) {
        text += functionSchemaTokens(schemas, family, count);
      } else {
        text += staticTools.reduce((sum, source) => sum + count(source), 0);
        exactTally = false;
        tallyNotes.push('tool schemas counted as source text (not a literal we could read): an over-estimate');
      }
    }

    let prefixText = toolsStatic ? text : 0;
    let prefixFraming = 0;
    let prefixOpen = toolsStatic;
    const chat = usesChatFormat(call.api);
    for (const message of call.prompt.messages) {
      if (chat) {
        const tokens = TOKENS_PER_MESSAGE + count(roleText(message.role));
        framing += tokens;
        if (prefixOpen) prefixFraming += tokens;
      }
      for (const part of message.parts) {
        if (part.kind === 'static') {
          const tokens = count(part.text);
          text += tokens;
          if (prefixOpen) prefixText += tokens;
        } else {
          dynamicTally = true;
          prefixOpen = false;
          declaredTotal += declared(part);
        }
      }
    }
    if (chat) framing += REPLY_PRIMING_TOKENS;
    const scaled = (tokens: number): number => Math.round(tokens * tokenizer.factor);
    return {
      total: scaled(text) + framing, declaredTotal, prefix: scaled(prefixText) + prefixFraming,
      exact: exactTally, dynamic: dynamicTally, notes: tallyNotes,
    };
  };
  const needed: string[] = [];
  tally((text) => { needed.push(text); return 0; });
  const answered = await countTexts(tokenizer.encoding, needed);
  const byText = new Map(needed.map((text, i) => [text, answered[i] ?? 0]));
  const counted = tally((text) => byText.get(text) ?? 0);
  exact &&= counted.exact;
  dynamic ||= counted.dynamic;
  notes.push(...counted.notes);


  let count = counted.total + counted.declaredTotal;
  // A prompt we could not follow counts like one more dynamic part ("≥ N + dynamic" says the rest).
  if (call.prompt.opaque) count += perDynamicPart;

  if (call.prompt.images > 0) {
    const vendor = model?.vendor ?? (call.model ? vendorFromName(normalizeModelName(call.model)) : null);
    const image = defaultImageTokens(vendor);
    count += image.tokens * call.prompt.images;
    exact = false;
    notes.push(`${call.prompt.images} image(s) at ~${image.tokens} tokens each (${image.rule}; size unknown)`);
  }
  if (call.prompt.audio || call.api === 'audio') {
    dynamic = true;
    exact = false;
    notes.push('audio input not counted: its length is only known at run time (Gemini bills 32 tokens per second)');
  }

  const result: InputTokens = { count, exact, dynamic, encoding: tokenizer.encoding };
  if (notes.length > 0) result.approximation = notes.join('; ');
  if (counted.prefix > 0) result.cacheablePrefix = counted.prefix;
  return result;
}
