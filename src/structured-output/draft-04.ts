// Draft-04 support without the separate `ajv-draft-04` package: a draft-04 schema is rewritten into
// the draft-07 schema that means the same thing, and validated by the draft-07 instance. The only
// draft-04 keywords whose meaning changed are `id` (now `$id`) and the boolean forms of
// `exclusiveMaximum` / `exclusiveMinimum` (now numbers); everything else is shared.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keywords whose values are data, not subschemas: copied as they are. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples", "required"]);
/** Keywords whose values map names to subschemas: the names are not keywords. */
const MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions", "$defs", "dependencies"]);

/**
 * Returns a draft-07 equivalent of a draft-04 schema (a new object; the input is not modified).
 *
 * @example
 * upgradeDraft04({ maximum: 5, exclusiveMaximum: true }); // { exclusiveMaximum: 5 }
 */
export function upgradeDraft04(schema: Record<string, unknown>): Record<string, unknown> {
  return upgradeSchema(schema as Json) as Record<string, unknown>;
}

function upgradeSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(upgradeSchema);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYWORDS.has(key)) out[key] = value;
    else if (MAP_KEYWORDS.has(key)) out[key] = upgradeMap(value);
    // Unknown keywords are walked as schemas too: a `$ref` may point into them.
    else out[key] = upgradeSchema(value);
  }
  delete out["$schema"];
  if (typeof out["id"] === "string" && out["$id"] === undefined) {
    out["$id"] = out["id"];
    delete out["id"];
  }
  upgradeExclusive(out, "exclusiveMaximum", "maximum");
  upgradeExclusive(out, "exclusiveMinimum", "minimum");
  return out;
}

function upgradeMap(node: Json): Json {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  const out: { [key: string]: Json } = {};
  for (const [name, value] of Object.entries(node)) out[name] = upgradeSchema(value);
  return out;
}

function upgradeExclusive(schema: { [key: string]: Json }, exclusive: string, limit: string): void {
  const flag = schema[exclusive];
  if (typeof flag !== "boolean") return;
  delete schema[exclusive];
  const bound = schema[limit];
  if (flag && typeof bound === "number") {
    schema[exclusive] = bound;
    delete schema[limit];
  }
}
