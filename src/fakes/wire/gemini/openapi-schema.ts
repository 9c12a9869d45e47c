// Gemini's `responseSchema` is an OpenAPI 3.0 subset with upper-case type names ("OBJECT",
// "STRING"); the fakes' content generator reads JSON Schema, so the names are lower-cased.

/**
 * The JSON Schema equivalent of a Gemini `responseSchema` (type names lower-cased at every depth).
 *
 * @example
 * openApiToJsonSchema({ type: "OBJECT", properties: { city: { type: "STRING" } } });
 * // { type: "object", properties: { city: { type: "string" } } }
 */
export function openApiToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiToJsonSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === "type" && typeof value === "string" ? value.toLowerCase() : key === "enum" || key === "required" ? value : openApiToJsonSchema(value);
  }
  return out;
}
