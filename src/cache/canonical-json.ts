// A deterministic JSON text for any JSON value: object keys sorted at every depth, so two bodies that
// differ only in key order give the same text (and the same cache key).

/**
 * `JSON.stringify` with sorted keys. Like it, drops `undefined` properties and writes non-finite
 * numbers as `null`; array order is kept.
 *
 * @example
 * canonicalJson({ b: 1, a: { d: [2, 1], c: null } }); // '{"a":{"c":null,"d":[2,1]},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // String building rather than map/join: this runs on every cacheable request.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i > 0 ? "," : "") + (item === undefined ? "null" : canonicalJson(item));
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  for (const key of sortedKeys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * The object's keys in `Array.prototype.sort` order (UTF-16 code units). A body's objects have a
 * handful of keys, often sorted already: an insertion sort in place, without the copy that sort()
 * allocates per call; long key lists still go to sort().
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
