// A deep copy of a JSON-shaped value equal to `JSON.parse(JSON.stringify(value))`, without the text:
// the response cache copies every stored and every replayed body, and a walk costs a third of the round trip.

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

const EMPTY = {};

function copy(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN;
    case "object":
      if (value === null) return null;
      return Array.isArray(value) ? copyArray(value) : copyObject(value);
    default:
      return NOT_PLAIN;
  }
}

function copyArray(items: readonly unknown[]): unknown {
  const out: unknown[] = new Array(items.length);
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
  for (const key in record) {
    const item = record[key];
    if (item === undefined) continue;
    if (key === "__proto__") return NOT_PLAIN;
    const itemCopy = copy(item);
    if (itemCopy === NOT_PLAIN) return NOT_PLAIN;
    out[key] = itemCopy;
  }
  return out;
}
