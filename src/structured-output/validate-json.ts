// Validates a value against a request's JSON Schema, in whatever dialect the schema is written.
import { compileSchema } from "./compile-schema.js";
import type { SchemaDraft } from "./schema-draft.js";
import { toValidationIssues, type ValidationIssue } from "./validation-issue.js";

/** The outcome of one validation; an unusable schema is an outcome too, never an exception. */
export type JsonValidationResult =
  | { ok: true; draft: SchemaDraft }
  | { ok: false; reason: "schema_mismatch"; draft: SchemaDraft; errors: ValidationIssue[]; errorCount: number }
  | { ok: false; reason: "invalid_schema"; draft: SchemaDraft; message: string };

/**
 * Validates `value` against `schema` (drafts 4, 6, 7, 2019-09, 2020-12, detected by `$schema`,
 * default draft-07; formats from ajv-formats). At most 8 errors are listed; `errorCount` is the total.
 *
 * @example
 * const result = validateJson({ type: "object", required: ["summary"] }, {});
 * // { ok: false, reason: "schema_mismatch", errors: [{ path: "$.summary", keyword: "required", message: "must have required property 'summary'" }], ... }
 */
export function validateJson(schema: Record<string, unknown>, value: unknown): JsonValidationResult {
  const compiled = compileSchema(schema);
  if (!compiled.ok) return { ok: false, reason: "invalid_schema", draft: compiled.draft, message: compiled.message };
  if (compiled.validate(value)) return { ok: true, draft: compiled.draft };
  const errors = compiled.validate.errors ?? [];
  return { ok: false, reason: "schema_mismatch", draft: compiled.draft, errors: toValidationIssues(errors), errorCount: errors.length };
}
