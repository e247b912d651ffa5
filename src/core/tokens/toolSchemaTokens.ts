// Tool/function schemas are not sent to the model as JSON: OpenAI renders them into a compact text block in the
// system message. The cookbook ("How to count tokens with tiktoken", §7) gives the per-element constants below,
// checked against the API for gpt-4o / gpt-4o-mini (o200k) and gpt-3.5-turbo / gpt-4 (cl100k). When a schema is
// not a literal we can read, we count its source text instead — an over-estimate that we flag as approximate.

interface ToolConstants {
  funcInit: number;
  propInit: number;
  propKey: number;
  enumInit: number;
  enumItem: number;
  funcEnd: number;
}

export const TOOL_CONSTANTS: Readonly<Record<'o200k' | 'cl100k', ToolConstants>> = Object.freeze({
  o200k: { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
  cl100k: { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
});

export interface FunctionSchema {
  name: string;
  description: string;
  properties: Array<{ name: string; type: string; description: string; enum: string[] }>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string {
  return typeof v === 'string' ? v : '';
}

/**
 * Reads a schema written as JSON, a Python dict literal or a JS object literal (unquoted keys, single quotes,
 * trailing commas, True/False/None). Returns null for anything it cannot read with confidence.
 */
export function parseLiteral(text: string): Json | null {
  try {
    return JSON.parse(text) as Json;
  } catch { /* not plain JSON: try the literal forms below */ }
  // Tokenize strings first so that rewriting keys and keywords never touches string contents.
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') { value += text.slice(j, j + 2); j += 2; continue; }
        value += text[j];
        j++;
      }
      if (j >= text.length) return null;
      // Re-quote as a JSON string: unescape \' and escape bare double quotes.
      out += JSON.stringify(value.replace(/\\'/g, "'").replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i;
      while (j < text.length && /[\w$]/.test(text[j] as string)) j++;
      const word = text.slice(i, j);
      const rest = text.slice(j).trimStart();
      if (rest.startsWith(':')) out += JSON.stringify(word);
      else if (word === 'True' || word === 'true') out += 'true';
      else if (word === 'False' || word === 'false') out += 'false';
      else if (word === 'None' || word === 'null') out += 'null';
      else return null; // an identifier value (a variable): not a literal
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  out = out.replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(out) as Json;
  } catch {
    return null;
  }
}

/**
 * The function schemas in a parsed `tools` value: accepts a list or a single tool, in the Chat Completions shape
 * `{type:'function', function:{name, description, parameters}}`, the Responses / legacy `functions` shape
 * `{name, description, parameters}`, and Anthropic's `{name, description, input_schema}`.
 */
export function functionSchemas(value: Json): FunctionSchema[] | null {
  const items = Array.isArray(value) ? value : [value];
  const result: FunctionSchema[] = [];
  for (const item of items) {
    if (!isObject(item)) return null;
    const fn = isObject(item['function']) ? item['function'] : item;
    const name = str(fn['name']);
    if (!name) return null;
    const params = isObject(fn['parameters']) ? fn['parameters'] : isObject(fn['input_schema']) ? fn['input_schema'] : {};
    const props = isObject(params['properties']) ? params['properties'] : {};
    const properties = Object.entries(props).map(([key, p]) => {
      const prop = isObject(p) ? p : {};
      const enumValues = Array.isArray(prop['enum']) ? prop['enum'].map((e) => String(e)) : [];
      return { name: key, type: str(prop['type']), description: str(prop['description']), enum: enumValues };
    });
    result.push({ name, description: str(fn['description']), properties });
  }
  return result;
}

/** The cookbook's count for a list of functions (without the messages). */
export function functionSchemaTokens(
  functions: readonly FunctionSchema[], family: 'o200k' | 'cl100k', count: (text: string) => number,
): number {
  if (functions.length === 0) return 0;
  const k = TOOL_CONSTANTS[family];
  let total = 0;
  for (const f of functions) {
    total += k.funcInit;
    total += count(`${f.name}:${f.description.replace(/\.$/, '')}`);
    if (f.properties.length > 0) {
      total += k.propInit;
      for (const p of f.properties) {
        total += k.propKey;
        if (p.enum.length > 0) {
          total += k.enumInit;
          for (const item of p.enum) total += k.enumItem + count(item);
        }
        total += count(`${p.name}:${p.type}:${p.description.replace(/\.$/, '')}`);
      }
    }
  }
  return total + k.funcEnd;
}
