// Bounds on the shape of a decoded JSON value (nesting depth, keys per object, items per array, total
// nodes), checked without recursion so that a hostile value cannot overflow the stack of the checker itself.
import { formatPath } from "./format-path.js";

/** The limits; every one is a named setting (`limits` in the gateway settings). */
export interface JsonBounds {
  /** Deepest nesting of objects and arrays (the top-level value is depth 1). */
  maxDepth: number;
  /** Most keys in one object. */
  maxObjectKeys: number;
  /** Most items in one array. */
  maxArrayItems: number;
  /** Most values (objects, arrays and scalars) in the whole document. */
  maxNodes: number;
}

/**
 * Defaults. The reference gateway sets none (it relies on its runtime), so these are chosen to sit far
 * above any real request and far below what hurts: JSON Schemas that editors generate nest < 20 levels,
 * OpenAI allows 16 metadata keys and caps `input` at a few thousand items, and a 1 MB body holds at
 * most ~500,000 values. 64 levels keep every recursive walk (zod, ajv, the cache key) far from the stack limit.
 */
export const DEFAULT_JSON_BOUNDS: JsonBounds = { maxDepth: 64, maxObjectKeys: 1_000, maxArrayItems: 10_000, maxNodes: 200_000 };

/** Which limit a value broke, where (JSON path of the offending node) and what the limit is. */
export interface JsonBoundsBreach {
  limit: keyof JsonBounds;
  max: number;
  path: string;
  message: string;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number | undefined;
}

/**
 * The first breach in document order, or undefined when `value` is within every bound.
 *
 * @example
 * checkJsonBounds({ a: { b: {} } }, { ...DEFAULT_JSON_BOUNDS, maxDepth: 2 });
 * // { limit: "maxDepth", max: 2, path: "a.b", message: "nesting deeper than 2 levels" }
 */
export function checkJsonBounds(value: unknown, bounds: JsonBounds = DEFAULT_JSON_BOUNDS): JsonBoundsBreach | undefined {
  // Every request's body is checked and nearly all are within bounds: a walk that allocates nothing
  // says so; only when it cannot (a breach, or nesting past its own depth) does the exact walk run.
  if (nodesWithin(value, 1, bounds, 0) !== OUT_OF_REACH) return undefined;
  return firstBreach(value, bounds);
}

/** The recursive walk's own nesting limit, far inside the stack, whatever `maxDepth` a user sets. */
export const FAST_WALK_DEPTH = 128;

const OUT_OF_REACH = -1;

/**
 * The nodes counted so far once `value` is walked, or OUT_OF_REACH when it breaks a bound or nests past
 * {@link FAST_WALK_DEPTH}. Recursive, so no frame objects; `for…in` with an own-key test visits what
 * Object.keys lists, in the same order, without building the key array.
 */
function nodesWithin(value: unknown, depth: number, bounds: JsonBounds, counted: number): number {
  let nodes = counted + 1;
  if (nodes > bounds.maxNodes) return OUT_OF_REACH;
  if (typeof value !== "object" || value === null) return nodes;
  if (depth > bounds.maxDepth || depth > FAST_WALK_DEPTH) return OUT_OF_REACH;
  if (Array.isArray(value)) {
    if (value.length > bounds.maxArrayItems) return OUT_OF_REACH;
    for (let i = 0; i < value.length; i++) {
      nodes = nodesWithin(value[i], depth + 1, bounds, nodes);
      if (nodes === OUT_OF_REACH) return OUT_OF_REACH;
    }
    return nodes;
  }
  let keys = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++keys > bounds.maxObjectKeys) return OUT_OF_REACH;
    nodes = nodesWithin((value as Record<string, unknown>)[key], depth + 1, bounds, nodes);
    if (nodes === OUT_OF_REACH) return OUT_OF_REACH;
  }
  return nodes;
}

/** The first breach in document order, by an explicit stack (no recursion, however deep the value). */
function firstBreach(value: unknown, bounds: JsonBounds): JsonBoundsBreach | undefined {
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: undefined }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    nodes++;
    if (nodes > bounds.maxNodes) return breach(frame, "maxNodes", bounds.maxNodes, `more than ${bounds.maxNodes} values in the document`);
    const current = frame.value;
    if (typeof current !== "object" || current === null) continue;
    if (frame.depth > bounds.maxDepth) return breach(frame, "maxDepth", bounds.maxDepth, `nesting deeper than ${bounds.maxDepth} levels`);
    if (Array.isArray(current)) {
      if (current.length > bounds.maxArrayItems) return breach(frame, "maxArrayItems", bounds.maxArrayItems, `array of ${current.length} items, more than ${bounds.maxArrayItems}`);
      // Pushed in reverse so that the first breach found is the first in document order.
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: frame.depth + 1, parent: frame, key: i });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > bounds.maxObjectKeys) return breach(frame, "maxObjectKeys", bounds.maxObjectKeys, `object with ${keys.length} keys, more than ${bounds.maxObjectKeys}`);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

/**
 * The nesting depth of `value`, counting only up to `cap + 1` (enough to say "too deep").
 *
 * @example
 * jsonDepth({ a: [1] }); // 2
 */
export function jsonDepth(value: unknown, cap = Number.MAX_SAFE_INTEGER): number {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current !== "object" || current === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}

function breach(frame: Frame, limit: keyof JsonBounds, max: number, message: string): JsonBoundsBreach {
  return { limit, max, path: pathOf(frame), message };
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  return formatPath(keys.reverse());
}
