// Transform 4 (§6): object keys without quotes (`{risk_level: "low"}`), JavaScript-style.
import { forEachCodeChar, nextNonSpace, previousNonSpace } from "./json-scanner.js";

/** Characters that end a bare key; quotes and backslashes are excluded so a key never needs escaping. */
const KEY_END = /[\s{}[\],:"'\\]/;

/** Only identifier-like tokens are keys, as in the reference (plugins/response-healing.ts:90-92). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Quotes every bare identifier-like token (`[A-Za-z_][A-Za-z0-9_-]*`) that sits where an object key
 * can (after `{` or `,`, outside strings) and is followed by `:`. Anything else (`“a”`, `@type`,
 * `1st`) is left alone: quoting it would put stray characters into the key's name.
 *
 * @example
 * quoteBareKeys('{summary: "a: b", risk_level: "low"}'); // '{"summary": "a: b", "risk_level": "low"}'
 */
export function quoteBareKeys(text: string): string {
  const keys: { start: number; end: number }[] = [];
  let skipUntil = -1;
  forEachCodeChar(text, (char, index) => {
    if (index < skipUntil || KEY_END.test(char)) return;
    const before = text[previousNonSpace(text, index)];
    if (before !== "{" && before !== ",") return;
    let end = index;
    while (end < text.length && !KEY_END.test(text[end] as string)) end++;
    skipUntil = end;
    if (text[nextNonSpace(text, end - 1)] === ":" && IDENTIFIER.test(text.slice(index, end))) keys.push({ start: index, end });
  });
  if (keys.length === 0) return text;
  let out = "";
  let from = 0;
  for (const key of keys) {
    out += `${text.slice(from, key.start)}"${text.slice(key.start, key.end)}"`;
    from = key.end;
  }
  return out + text.slice(from);
}
