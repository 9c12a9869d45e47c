// The request's `response_format` (and `text.format`) as zod schemas, shared by the request parser and
// normalise-response-format.ts. All spellings parse to the one provider-neutral `ResponseFormat`.
import { z } from "zod";
import type { ResponseFormat } from "../providers/types.js";
import { compileSchema } from "./compile-schema.js";

/** OpenAI's rule for format names, which the real APIs enforce. */
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const nameSchema = z.string().regex(NAME_PATTERN, { error: "must be 1–64 letters, digits, underscores or dashes" });
const jsonSchemaSchema = z.record(z.string(), z.unknown(), { error: "must be a JSON Schema object" });

/** The nested body of `{type: "json_schema", json_schema: {...}}` (Chat Completions spelling). */
const nestedJsonSchema = z.strictObject({
  name: nameSchema,
  schema: jsonSchemaSchema,
  strict: z.boolean().optional(),
  description: z.string().optional(),
});

/** Both json_schema spellings: flat (`name`, `schema` beside `type`) or nested under `json_schema`. */
const jsonSchemaFormat = z
  .strictObject({
    type: z.literal("json_schema"),
    name: nameSchema.optional(),
    schema: jsonSchemaSchema.optional(),
    strict: z.boolean().optional(),
    description: z.string().optional(),
    json_schema: nestedJsonSchema.optional(),
  })
  .superRefine((format, ctx) => {
    if (format.json_schema !== undefined) {
      for (const key of ["name", "schema", "strict", "description"] as const) {
        if (format[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "set it inside `json_schema`, or use the flat form without `json_schema`" });
      }
      checkCompiles(format.json_schema.schema, ["json_schema", "schema"], ctx);
      return;
    }
    if (format.name === undefined) ctx.addIssue({ code: "custom", path: ["name"], message: "is required for a json_schema format" });
    if (format.schema === undefined) ctx.addIssue({ code: "custom", path: ["schema"], message: "is required for a json_schema format" });
    else checkCompiles(format.schema, ["schema"], ctx);
  });

function checkCompiles(schema: Record<string, unknown>, path: string[], ctx: z.RefinementCtx): void {
  const compiled = compileSchema(schema);
  if (!compiled.ok) ctx.addIssue({ code: "custom", path, message: `is not a valid ${compiled.draft} JSON Schema: ${compiled.message}`, params: { keyword: "invalid_schema" } });
}

/**
 * `response_format` / `text.format`: json_schema (flat or nested), json_object or text. Parses to the
 * provider-neutral {@link ResponseFormat}; a json_schema whose schema does not compile is an issue at
 * its `schema` path.
 *
 * @example
 * responseFormatSchema.parse({ type: "json_schema", json_schema: { name: "s", schema: { type: "object" } } });
 * // { type: "json_schema", name: "s", schema: { type: "object" } }
 */
export const responseFormatSchema = z
  .discriminatedUnion("type", [jsonSchemaFormat, z.strictObject({ type: z.literal("json_object") }), z.strictObject({ type: z.literal("text") })], {
    error: 'must be an object with `type` "json_schema", "json_object" or "text"',
  })
  .transform((format): ResponseFormat => {
    if (format.type !== "json_schema") return { type: format.type };
    const body = format.json_schema ?? format;
    // Both are guaranteed by the refinement above; the fallbacks only satisfy the type checker.
    const out: ResponseFormat = { type: "json_schema", name: body.name ?? "", schema: body.schema ?? {} };
    if (body.strict !== undefined) out.strict = body.strict;
    if (body.description !== undefined) out.description = body.description;
    return out;
  });

/**
 * The Responses API's `text` parameter: only `format` is interpreted; other keys (e.g. `verbosity`)
 * pass through untouched.
 *
 * @example
 * textParamSchema.parse({ format: { type: "json_object" }, verbosity: "low" });
 */
export const textParamSchema = z.looseObject({ format: responseFormatSchema.optional() });
