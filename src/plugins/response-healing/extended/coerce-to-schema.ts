// Extended mode's schema step: lossless changes that make a parsed value fit its json_schema, driven
// by ajv's own errors. Nothing is ever added: a missing required property stays missing.
import type { ErrorObject, ValidateFunction } from "ajv";
import { compileSchema } from "../../../structured-output/compile-schema.js";
import { parseJsonPointer } from "../../../structured-output/json-path.js";
import type { SchemaCoercion } from "../registry.js";
import { locate, valueAt } from "./value-at-path.js";

export type CoercionResult = { ok: true; value: unknown; coercions: SchemaCoercion[] } | { ok: false };

/** Rounds of validate → fix. Lossless fixes go many per round; deletions one per round. */
const MAX_ROUNDS = 32;
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Coerces `value` toward `schema`: numeric and boolean strings where a number/integer/boolean is
 * wanted, a unique case-insensitive enum match, stringified JSON where an object/array is wanted,
 * and — only when nothing else is left to fix — dropping properties that `additionalProperties:
 * false` (or `unevaluatedProperties: false`) forbids. Succeeds only with a value that passes.
 *
 * @example
 * coerceToSchema({ type: "object", properties: { n: { type: "integer" } } }, { n: "3" });
 * // { ok: true, value: { n: 3 }, coercions: ["coerce_numeric_string"] }
 */
export function coerceToSchema(schema: Record<string, unknown>, value: unknown): CoercionResult {
  const compiled = compileSchema(schema);
  if (!compiled.ok) return { ok: false };
  let current = structuredClone(value);
  const coercions = new Set<SchemaCoercion>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (compiled.validate(current)) return { ok: true, value: current, coercions: [...coercions] };
    const errors = compiled.validate.errors ?? [];
    const applied = applyFixes(current, errors, fixValue, coercions);
    if (applied.changed) {
      current = applied.root;
      continue;
    }
    // Deletions wait until no lossless fix is left, and go one at a time: under anyOf/oneOf each branch
    // reports the properties *it* forbids, and dropping all of them would strip the branch that fits.
    const dropped = dropBestProperty(compiled.validate, current, errors);
    if (dropped === undefined) return { ok: false };
    current = dropped;
    coercions.add("drop_additional_property");
  }
  return { ok: false };
}

type Fix = { coercion: SchemaCoercion; replacement: unknown } | undefined;
type Fixer = (error: ErrorObject, data: unknown) => Fix;

function applyFixes(root: unknown, errors: readonly ErrorObject[], fixer: Fixer, coercions: Set<SchemaCoercion>): { root: unknown; changed: boolean } {
  let changed = false;
  const done = new Set<string>();
  for (const error of errors) {
    const segments = parseJsonPointer(error.instancePath);
    const fix = fixer(error, valueAt(root, segments));
    if (fix === undefined) continue;
    if (done.has(error.instancePath)) continue; // several branches may ask for the same change
    done.add(error.instancePath);
    const place = locate(root, segments);
    if (place === undefined) root = fix.replacement;
    else if (Array.isArray(place.parent)) place.parent[Number(place.key)] = fix.replacement;
    else place.parent[String(place.key)] = fix.replacement;
    coercions.add(fix.coercion);
    changed = true;
  }
  return { root, changed };
}

function fixValue(error: ErrorObject, data: unknown): Fix {
  if (typeof data !== "string") return undefined;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "type") return fixType(data, wantedTypes(params["type"]));
  if (error.keyword === "enum" && Array.isArray(params["allowedValues"])) {
    const lower = data.toLowerCase();
    const matches = params["allowedValues"].filter((v): v is string => typeof v === "string" && v !== data && v.toLowerCase() === lower);
    return matches.length === 1 ? { coercion: "coerce_enum_case", replacement: matches[0] } : undefined;
  }
  return undefined;
}

function wantedTypes(type: unknown): string[] {
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return typeof type === "string" ? type.split(",") : [];
}

function fixType(data: string, wanted: readonly string[]): Fix {
  if ((wanted.includes("number") || wanted.includes("integer")) && JSON_NUMBER.test(data)) {
    const number = Number(data);
    if (Number.isFinite(number) && (wanted.includes("number") || Number.isInteger(number))) return { coercion: "coerce_numeric_string", replacement: number };
  }
  if (wanted.includes("boolean") && /^(true|false)$/i.test(data)) return { coercion: "coerce_boolean_string", replacement: data.toLowerCase() === "true" };
  if (wanted.includes("object") || wanted.includes("array")) {
    try {
      const inner = JSON.parse(data) as unknown;
      const innerType = Array.isArray(inner) ? "array" : inner === null ? "null" : typeof inner;
      if (wanted.includes(innerType)) return { coercion: "unwrap_stringified_json", replacement: inner };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Drops the one forbidden property whose removal leaves the fewest errors (the first on a tie), or
 * returns undefined when no error names a forbidden property.
 */
function dropBestProperty(validate: ValidateFunction, root: unknown, errors: readonly ErrorObject[]): unknown {
  let best: { root: unknown; errors: number } | undefined;
  const tried = new Set<string>();
  for (const error of errors) {
    const name = forbiddenProperty(error);
    const key = `${error.instancePath}\u0000${name}`;
    if (name === undefined || tried.has(key)) continue;
    tried.add(key);
    const candidate = structuredClone(root);
    const holder = valueAt(candidate, parseJsonPointer(error.instancePath));
    if (typeof holder !== "object" || holder === null || Array.isArray(holder) || !(name in holder)) continue;
    delete (holder as Record<string, unknown>)[name];
    const remaining = validate(candidate) ? 0 : (validate.errors?.length ?? 1);
    if (best === undefined || remaining < best.errors) best = { root: candidate, errors: remaining };
    if (remaining === 0) break;
  }
  return best?.root;
}

/** The property an `additionalProperties: false` / `unevaluatedProperties: false` error names. */
function forbiddenProperty(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  const name = error.keyword === "additionalProperties" ? params["additionalProperty"] : error.keyword === "unevaluatedProperties" ? params["unevaluatedProperty"] : undefined;
  return typeof name === "string" ? name : undefined;
}
