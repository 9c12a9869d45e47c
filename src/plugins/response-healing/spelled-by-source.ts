// gateway-sim's guard against a false heal: every key, string and number of a repaired value must be
// spelled in the provider's text. A repair may move quotes, commas and brackets; it may not invent a
// key (`{“a”: 15}` read as the key `“a”`), a string or a number.

/** A bare key as the reference's quote_bare_keys understands one (plugins/response-healing.ts:90-92). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Characters that may stand where a JSON string's double quotes stood before a repair. */
const QUOTES = new Set(['"', "'", "`", "\u201c", "\u201d", "\u2018", "\u2019"]);
const NUMBER_LITERAL = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/**
 * True when every key, string and number of `value` is written in `source`: a key in quotes of any
 * kind (or bare, when identifier-like), a string verbatim or JSON-escaped, a number as a literal.
 *
 * @example
 * spelledBySource('{a: 15,}', { a: 15 }); // true
 * spelledBySource('{“a”: 15}', { "“a”": 15 }); // false: the key's quotes became part of its name
 */
export function spelledBySource(source: string, value: unknown): boolean {
  const numbers = new Set<number>();
  for (const match of source.matchAll(NUMBER_LITERAL)) numbers.add(Number(match[0]));
  const visit = (node: unknown): boolean => {
    if (typeof node === "number") return numbers.has(node);
    if (typeof node === "string") return node === "" || source.includes(node) || source.includes(JSON.stringify(node).slice(1, -1));
    if (Array.isArray(node)) return node.every(visit);
    if (typeof node === "object" && node !== null) {
      return Object.entries(node).every(([key, item]) => keySpelled(source, key) && visit(item));
    }
    return true;
  };
  return visit(value);
}

function keySpelled(source: string, key: string): boolean {
  if (source.includes(JSON.stringify(key))) return true;
  if (key !== "" && quotedSomewhere(source, key)) return true;
  return IDENTIFIER.test(key) && new RegExp(`(?:^|[{,\\s])${key.replace(/[-]/g, "\\-")}\\s*:`).test(source);
}

function quotedSomewhere(source: string, text: string): boolean {
  for (let at = source.indexOf(text); at >= 0; at = source.indexOf(text, at + 1)) {
    if (QUOTES.has(source[at - 1] ?? "") && QUOTES.has(source[at + text.length] ?? "")) return true;
  }
  return false;
}
