// Object schemas narrowed to the keys a value holds: zod's object parse runs every field's schema,
// absent optional ones too, which for the request (≈40 fields, ≈25 more per provider object) is most
// of the parse. The narrowed schema has the same field schemas, strictness and key order, so the same
// issues and output.
import type { z } from "zod";

/** At most this many key sets are kept per schema; past it the full schema is used (same result, slower). */
const MAX_KEY_SETS = 256;

/**
 * The keys of `shape` that `value` holds (`in`, as zod tests presence: a key whose value is
 * undefined counts), in the shape's order, with every key not optional both in and out.
 *
 * @example
 * presentKeys({ a: z.string().optional(), b: z.string() }, { a: "x" }); // ["a", "b"]
 */
export function presentKeys(shape: Readonly<Record<string, z.ZodType>>, value: object): string[] {
  const keys: string[] = [];
  for (const key in shape) {
    // Only a key optional in and out may be left out: a required one reports its absence, a defaulted one fills it in.
    const { optin, optout } = (shape[key] as z.ZodType)._zod;
    if (optin === undefined || optout !== "optional" || key in value) keys.push(key);
  }
  return keys;
}

/**
 * The sub-shape of `keys`, in their order. Typed as the whole shape: with keys from
 * {@link presentKeys}, every key left out is optional, so the outputs have one type.
 */
export function pickShape<S extends Readonly<Record<string, z.ZodType>>>(shape: S, keys: readonly string[]): S {
  const out: Record<string, z.ZodType> = {};
  for (const key of keys) out[key] = shape[key] as z.ZodType;
  return out as S;
}

/**
 * The own property names of a plain object (what zod's `in` sees on one), as one string; undefined
 * for an array or an object with another prototype, whose inherited keys would count too.
 */
export function keySignature(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  return Object.getOwnPropertyNames(value).join("\u0000");
}

/** The schema for `signature` from `cache`, made by `make` on first use; `full` once the cache is full. */
export function schemaForKeys<T>(cache: Map<string, T>, signature: string, make: () => unknown, full: T): T {
  let schema = cache.get(signature);
  if (schema === undefined) {
    if (cache.size >= MAX_KEY_SETS) return full;
    // The narrowed schema has the full one's output type: every key it leaves out is optional.
    schema = make() as T;
    cache.set(signature, schema);
  }
  return schema;
}
