// Facts about a whole file that fixers ask for once per call (the Vercel SDK version, how often a name is used …):
// computed once per file text instead. analyzeText runs a file's calls one after the other, so one text is kept.
let currentText: string | undefined;
let values = new Map<string, unknown>();

/** `compute()` for this text and key, remembered until a different text is asked about. */
export function perText<T>(text: string, key: string, compute: () => T): T {
  if (currentText !== text) {
    currentText = text;
    values = new Map();
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}
