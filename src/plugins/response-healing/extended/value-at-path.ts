// Reads and writes inside a parsed JSON value by path segments (from ajv's instancePath).

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

/**
 * The container holding the value at `segments`, and that value's key in it; undefined when the
 * path does not exist or points at the root.
 *
 * @example
 * locate({ a: [10, 20] }, ["a", 1]); // { parent: [10, 20], key: 1 }
 */
export function locate(root: unknown, segments: readonly (string | number)[]): { parent: Container; key: string | number } | undefined {
  if (segments.length === 0) return undefined;
  let node: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : node[String(segment)];
  }
  if (!isContainer(node)) return undefined;
  const last = segments[segments.length - 1] as string | number;
  return { parent: node, key: Array.isArray(node) ? Number(last) : String(last) };
}

/**
 * The value at `segments` (the root for an empty path).
 *
 * @example
 * valueAt({ a: [10, 20] }, ["a", 1]); // 20
 */
export function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  const place = locate(root, segments);
  if (place === undefined) return segments.length === 0 ? root : undefined;
  return Array.isArray(place.parent) ? place.parent[Number(place.key)] : place.parent[String(place.key)];
}
