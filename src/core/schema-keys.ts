// The keys an object schema accepts at a path of a zod schema, for "did you mean" on unknown keys.
// Best effort: wrappers (optional, default, pipe…), arrays, records and unions are followed; a custom
// or transformed-away schema yields no keys, and then no suggestion is made.
import type { z } from "zod";

type Def = { type: string; [key: string]: unknown };

/** Schemas that check their input by hand (z.custom + transform) but accept another schema's keys. */
const keysOf = new WeakMap<object, unknown>();

/**
 * Declares that `schema` accepts the keys `like` accepts, for a schema the walker cannot see into.
 *
 * @example
 * return acceptsKeysOf(z.custom<Input>(() => true).transform(check), profileSchema);
 */
export function acceptsKeysOf<S extends z.ZodType>(schema: S, like: z.ZodType): S {
  keysOf.set(schema, like);
  return schema;
}

function defOf(schema: unknown): Def | undefined {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  return def !== undefined && typeof def.type === "string" ? def : undefined;
}

/** The object schemas `schema` may be at `path` (several under a union). */
function objectsAt(schema: unknown, path: readonly PropertyKey[], depth = 0): Def[] {
  const like = typeof schema === "object" && schema !== null ? keysOf.get(schema) : undefined;
  if (like !== undefined) return objectsAt(like, path, depth + 1);
  const def = defOf(schema);
  if (def === undefined || depth > 64) return [];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return objectsAt(def.innerType, path, depth + 1);
    case "pipe": {
      // A transform's output, or a preprocess step's (`in` is then the preprocessing transform): where
      // `in` shows no keys, the keys are `out`'s.
      const inner = objectsAt(def.in, path, depth + 1);
      return inner.length > 0 ? inner : objectsAt(def.out, path, depth + 1);
    }
    case "lazy":
      return objectsAt((def.getter as () => unknown)(), path, depth + 1);
    case "union":
      return (def.options as unknown[]).flatMap((option) => objectsAt(option, path, depth + 1));
    case "intersection":
      return [...objectsAt(def.left, path, depth + 1), ...objectsAt(def.right, path, depth + 1)];
    default:
  }
  if (path.length === 0) return def.type === "object" ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === "object") {
    const shape = def.shape as Record<string, unknown>;
    return typeof head === "string" && head in shape ? objectsAt(shape[head], rest, depth + 1) : [];
  }
  if (def.type === "array") return objectsAt(def.element, rest, depth + 1);
  if (def.type === "record") return objectsAt(def.valueType, rest, depth + 1);
  if (def.type === "tuple") return typeof head === "number" ? objectsAt((def.items as unknown[])[head], rest, depth + 1) : [];
  return [];
}

/**
 * @example
 * knownKeysAt(scenarioSchema, ["providers", 0]); // ["id", "models", "latency", …]
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((def) => Object.keys(def.shape as Record<string, unknown>)))];
}
