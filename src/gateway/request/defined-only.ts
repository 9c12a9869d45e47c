// Drops undefined values, so key-by-key merges and deep equality see only what was written.

/**
 * @example
 * definedOnly({ a: 1, b: undefined }); // { a: 1 }
 */
export function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
