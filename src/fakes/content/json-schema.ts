// Reading JSON schemas as plain data: keyword accessors, local `$ref` resolution, and the
// simplifications the generator relies on (allOf merged, anyOf/oneOf take their first branch).

/** A JSON schema object (boolean schemas are normalised to `{}`). */
export type JsonSchema = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function schemaAt(value: unknown): JsonSchema {
  return isRecord(value) ? value : {};
}

export function numberKeyword(schema: JsonSchema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === "number" ? value : undefined;
}

export function stringKeyword(schema: JsonSchema, key: string): string | undefined {
  const value = schema[key];
  return typeof value === "string" ? value : undefined;
}

/** Follows a `#/…` pointer inside `root`; other references resolve to `{}` (anything). */
function resolvePointer(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith("#")) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isRecord(node) ? node[key] : undefined;
  }
  return schemaAt(node);
}

/**
 * The schema to generate from: references followed, `allOf` merged, `anyOf`/`oneOf` narrowed to
 * their first branch (sibling keywords kept).
 *
 * @example
 * resolveSchema(root, { $ref: "#/$defs/address" });
 */
export function resolveSchema(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 32) return {};
  const { $ref, allOf, anyOf, oneOf, ...rest } = schema;
  let merged: JsonSchema = rest;
  if (typeof $ref === "string") merged = { ...resolveSchema(root, resolvePointer(root, $ref), depth + 1), ...rest };
  const branch = Array.isArray(anyOf) ? anyOf[0] : Array.isArray(oneOf) ? oneOf[0] : undefined;
  if (branch !== undefined) merged = { ...merged, ...resolveSchema(root, schemaAt(branch), depth + 1) };
  if (Array.isArray(allOf)) {
    for (const part of allOf) merged = mergeSchemas(merged, resolveSchema(root, schemaAt(part), depth + 1));
  }
  return merged;
}

function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const properties = { ...schemaAt(a.properties), ...schemaAt(b.properties) };
  const required = [...new Set([...stringList(a.required), ...stringList(b.required)])];
  return { ...a, ...b, properties, required };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The type to generate: the first non-null of `type`, else inferred from the keywords present. */
export function schemaType(schema: JsonSchema): string {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const first = type.find((t) => t !== "null") ?? type[0];
    if (typeof first === "string") return first;
  }
  if ("properties" in schema || "required" in schema || "additionalProperties" in schema) return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  if ("minimum" in schema || "maximum" in schema || "multipleOf" in schema) return "number";
  return "string";
}
