// Compiles a request's JSON Schema once and reuses the validator: by object identity first (the same
// parsed request is validated several times), then by canonical text (replayed scenarios send equal
// schemas as new objects). The text cache is bounded so a long `serve` run cannot grow without limit.
import type { ValidateFunction } from "ajv";
import { jsonDepth } from "../core/json-bounds.js";
import { ajvForDraft } from "./ajv-for-draft.js";
import { upgradeDraft04 } from "./draft-04.js";
import { detectSchemaDraft, DRAFT_META_SCHEMA_URIS, type SchemaDraft } from "./schema-draft.js";

/** A compiled schema, or why it could not be compiled. */
export type CompiledSchema = { ok: true; draft: SchemaDraft; validate: ValidateFunction } | { ok: false; draft: SchemaDraft; message: string };

/**
 * Deepest schema compiled. ajv compiles (and JSON.stringify keys) by recursion: a schema nested
 * thousands of levels would overflow the stack. Schemas from presets, scenarios and `heal --schema`
 * reach here without the request-body bounds, so the check sits at the one compile entry.
 */
export const MAX_SCHEMA_DEPTH = 64;

/** How many distinct schema texts keep their compiled validator. */
export const COMPILED_SCHEMA_CACHE_SIZE = 500;

const byObject = new WeakMap<object, CompiledSchema>();
const byText = new Map<string, CompiledSchema>();

/**
 * Compiles `schema` for its dialect (see schema-draft.ts). Never throws: an invalid schema is a result.
 *
 * @example
 * const compiled = compileSchema({ type: "object", required: ["a"] });
 * if (compiled.ok) compiled.validate({ a: 1 }); // true
 */
export function compileSchema(schema: Record<string, unknown>): CompiledSchema {
  const cached = byObject.get(schema);
  if (cached !== undefined) return cached;
  if (jsonDepth(schema, MAX_SCHEMA_DEPTH) > MAX_SCHEMA_DEPTH) {
    return { ok: false, draft: detectSchemaDraft(schema), message: `the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels` };
  }
  const text = JSON.stringify(schema);
  let compiled = byText.get(text);
  if (compiled === undefined) {
    compiled = compileFresh(schema);
    remember(text, compiled);
  } else {
    // Refresh its place in the least-recently-used order.
    byText.delete(text);
    byText.set(text, compiled);
  }
  byObject.set(schema, compiled);
  return compiled;
}

function compileFresh(schema: Record<string, unknown>): CompiledSchema {
  const draft = detectSchemaDraft(schema);
  const prepared = prepareSchema(schema, draft);
  const ajv = ajvForDraft(draft);
  try {
    const validate = ajv.compile(prepared);
    if (isAsync(validate)) return { ok: false, draft, message: "$async schemas are not supported" };
    return { ok: true, draft, validate };
  } catch (error) {
    return { ok: false, draft, message: error instanceof Error ? error.message : String(error) };
  } finally {
    // The validator keeps what it needs; dropping the schema from the shared instance frees it and its
    // `$id`. A schema claiming a meta-schema's id failed to compile and must not unregister the real one.
    if (!claimsReservedId(prepared)) ajv.removeSchema(prepared);
  }
}

const RESERVED_IDS = new Set(Object.values(DRAFT_META_SCHEMA_URIS).map(withoutFragment));

function withoutFragment(uri: string): string {
  return uri.replace(/#$/, "");
}

function claimsReservedId(schema: Record<string, unknown>): boolean {
  const id = schema["$id"] ?? schema["id"];
  return typeof id === "string" && RESERVED_IDS.has(withoutFragment(id));
}

/** Draft-04 is upgraded; others get their canonical `$schema` so an `https` or `#`-less spelling still resolves. */
function prepareSchema(schema: Record<string, unknown>, draft: SchemaDraft): Record<string, unknown> {
  if (draft === "draft-04") return upgradeDraft04(schema);
  if (schema["$schema"] === undefined) return schema;
  return { ...schema, $schema: DRAFT_META_SCHEMA_URIS[draft] };
}

function isAsync(validate: ValidateFunction): boolean {
  return (validate as { $async?: unknown }).$async === true;
}

function remember(text: string, compiled: CompiledSchema): void {
  byText.set(text, compiled);
  if (byText.size <= COMPILED_SCHEMA_CACHE_SIZE) return;
  const oldest = byText.keys().next();
  if (oldest.done !== true) byText.delete(oldest.value);
}
