// The length of a plain JSON value's text, counted without writing it: what the in-memory response
// cache charges an answer against its byte budget.

/**
 * `JSON.stringify(value).length` (UTF-16 code units) for a value {@link jsonCopy} accepts, by a walk
 * that writes nothing: exact for strings needing no escape and for safe integers. A string's escape
 * (a quote, a backslash, a control character, a lone surrogate) counts as the one character it stands
 * for; any other number as {@link MAX_NUMBER_TEXT_LENGTH}, its longest text. It allocates nothing:
 * no 100 KB string made only to read its length.
 *
 * @example
 * jsonTextLength({ a: [1, "x"], b: undefined }); // 13, as '{"a":[1,"x"]}'.length
 * jsonTextLength(0.5); // 25: a fraction counts as the longest number text
 */
export function jsonTextLength(value: unknown): number {
  switch (typeof value) {
    case "string":
      return value.length + 2;
    case "number":
      return numberTextLength(value);
    case "boolean":
      return value ? 4 : 5;
    case "object":
      if (value === null) return 4;
      return Array.isArray(value) ? arrayTextLength(value) : objectTextLength(value as Record<string, unknown>);
    default:
      // undefined inside an array (JSON writes null); jsonCopy lets no other kind through.
      return 4;
  }
}

function arrayTextLength(items: readonly unknown[]): number {
  // The brackets, and a comma between items.
  let length = items.length === 0 ? 2 : items.length + 1;
  for (let i = 0; i < items.length; i++) length += jsonTextLength(items[i]);
  return length;
}

function objectTextLength(record: Record<string, unknown>): number {
  // The braces; each written key adds its quotes, its colon and a comma (one comma too many, taken back).
  let length = 1;
  let written = 0;
  for (const key in record) {
    const item = record[key];
    // JSON skips undefined properties, as jsonCopy does.
    if (item === undefined) continue;
    length += key.length + 4 + jsonTextLength(item);
    written++;
  }
  return written === 0 ? 2 : length;
}

/**
 * The longest text a finite double can have in JSON (`-0.0000012345678901234567`: sign, `0.`, five
 * zeros, 17 digits); `-1.2345678901234567e-308` is 24.
 */
export const MAX_NUMBER_TEXT_LENGTH = 25;

/**
 * A finite number's text length: exact for a safe integer (counts, tokens, timestamps), and the
 * longest a double can take otherwise. Making a fraction's text (`String(5.0000000000000004e-8)`)
 * costs ~0.2 µs, and a priced answer holds a dozen of them; a bound can afford to over-count them.
 */
function numberTextLength(value: number): number {
  if (!Number.isSafeInteger(value)) return MAX_NUMBER_TEXT_LENGTH;
  const magnitude = Math.abs(value);
  let length = value < 0 ? 2 : 1;
  // Powers of ten are exact doubles up to 1e22, so each comparison is exact.
  for (let power = 10; magnitude >= power; power *= 10) length++;
  return length;
}
