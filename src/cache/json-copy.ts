// A deep copy of a JSON-shaped value equal to `JSON.parse(JSON.stringify(value))`, without the text:
// the response cache copies every stored and every replayed body, and a walk costs a third of the round
// trip. The same walk measures the text, which the cache's byte budget charges.

/** What {@link jsonCopy} returns for a value whose copy could differ from the JSON round trip. */
export const NOT_PLAIN: unique symbol = Symbol("not plain JSON");

/**
 * The copy, or {@link NOT_PLAIN} when `value` holds anything the JSON text would change (a non-finite
 * number or -0, a `toJSON`, a class instance, a hole or `undefined` in an array, a function, a
 * symbol, a bigint, a `__proto__` key): the caller then takes the round trip itself.
 * `undefined` object properties are dropped, as JSON drops them.
 *
 * @example
 * jsonCopy({ a: [1, "x", null], b: undefined }); // { a: [1, "x", null] }
 * jsonCopy({ t: new Date(0) }); // NOT_PLAIN
 */
export function jsonCopy(value: unknown): unknown {
  // for…in (faster than Object.keys here) also walks inherited enumerable keys: with none on
  // Object.prototype it walks exactly the own keys JSON writes.
  for (const _inherited in EMPTY) return NOT_PLAIN;
  return copy(value);
}

/** A copy with the length of the JSON text it stands for. */
export interface MeasuredCopy {
  value: unknown;
  /**
   * `JSON.stringify(value).length` (UTF-16 code units), counted without writing the text: exact for
   * strings needing no escape and for safe integers. An escape (a quote, a backslash, a control
   * character, a lone surrogate) counts as the one character it stands for; any other number as
   * {@link MAX_NUMBER_TEXT_LENGTH}, its longest text.
   */
  textLength: number;
}

/**
 * {@link jsonCopy} that also measures the JSON text, in the same walk: what a store bounded by size
 * needs, for an addition a node (~0.5 µs a store in `npm run bench -- gateway`) where a second walk
 * cost ~2.5 µs and a `JSON.stringify` ~5 µs, allocating a string as long as the answer.
 *
 * @example
 * jsonCopyMeasured({ a: [1, "x"], b: undefined }); // { value: { a: [1, "x"] }, textLength: 13 }
 * jsonCopyMeasured(0.5); // { value: 0.5, textLength: 25 }: a fraction counts as the longest number text
 */
export function jsonCopyMeasured(value: unknown): MeasuredCopy | typeof NOT_PLAIN {
  textLength = 0;
  const copied = jsonCopy(value);
  return copied === NOT_PLAIN ? NOT_PLAIN : { value: copied, textLength };
}

/**
 * The longest JSON text of a finite double (`-0.0000012345678901234567`: sign, `0.`, five zeros,
 * 17 digits; `-1.2345678901234567e-308` is 24).
 */
export const MAX_NUMBER_TEXT_LENGTH = 25;

const EMPTY = {};

// The running length of the walk in progress. Module state rather than a parameter: the walk is
// synchronous and not re-entrant, and a plain increment keeps `copy` as fast as it was.
let textLength = 0;

function copy(value: unknown): unknown {
  switch (typeof value) {
    case "string":
      textLength += value.length + 2;
      return value;
    case "boolean":
      textLength += value ? 4 : 5;
      return value;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) return NOT_PLAIN;
      textLength += numberTextLength(value);
      return value;
    case "object":
      if (value === null) {
        textLength += 4;
        return null;
      }
      return Array.isArray(value) ? copyArray(value) : copyObject(value);
    default:
      return NOT_PLAIN;
  }
}

function copyArray(items: readonly unknown[]): unknown {
  const out: unknown[] = new Array(items.length);
  // The brackets, and a comma between items.
  textLength += items.length === 0 ? 2 : items.length + 1;
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return NOT_PLAIN;
    const item = copy(items[i]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    out[i] = item;
  }
  return out;
}

function copyObject(value: object): unknown {
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === "function") return NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // The braces; each written key then adds its quotes, its colon and a comma (one comma too many, taken back here).
  textLength += 1;
  let written = 0;
  for (const key in record) {
    const item = record[key];
    if (item === undefined) continue;
    if (key === "__proto__") return NOT_PLAIN;
    textLength += key.length + 4;
    written++;
    const itemCopy = copy(item);
    if (itemCopy === NOT_PLAIN) return NOT_PLAIN;
    out[key] = itemCopy;
  }
  if (written === 0) textLength += 1;
  return out;
}

/**
 * A finite number's text length: exact for a safe integer (counts, tokens, timestamps), the longest a
 * double can take otherwise. Making a fraction's text (`String(5.0000000000000004e-8)`) costs ~0.2 µs
 * and a priced answer holds a dozen of them; a bound can afford to over-count them.
 */
function numberTextLength(value: number): number {
  if (!Number.isSafeInteger(value)) return MAX_NUMBER_TEXT_LENGTH;
  const magnitude = Math.abs(value);
  let length = value < 0 ? 2 : 1;
  // Powers of ten are exact doubles up to 1e22, so each comparison is exact.
  for (let power = 10; magnitude >= power; power *= 10) length++;
  return length;
}
