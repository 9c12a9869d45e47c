// Seeded values that validate against a requested JSON schema: the well-behaved answer a content
// fault then breaks. Every generated node is recorded with its schema so faults can target one.
import type { Faker } from "@faker-js/faker";
import type { Random } from "../../core/random.js";
import { numberKeyword, resolveSchema, schemaAt, schemaType, stringList, type JsonSchema } from "./json-schema.js";
import { stringValue } from "./string-value.js";

/** A generated node: where it sits in the value and the (resolved) schema it satisfies. */
export interface GeneratedNode {
  path: (string | number)[];
  schema: JsonSchema;
}

export interface GeneratedValue {
  value: unknown;
  nodes: GeneratedNode[];
}

/** Beyond this depth optional properties are left out and arrays kept to their minimum, so recursive schemas end. */
const MAX_DEPTH = 6;

interface Context {
  root: JsonSchema;
  faker: Faker;
  random: Random;
  nodes: GeneratedNode[];
}

/**
 * A schema-valid value for `schema`, drawn from `faker` and `random`.
 *
 * @example
 * generateFromSchema({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }, { faker, random }).value;
 * // { city: "velit quis" }
 */
export function generateFromSchema(schema: JsonSchema, source: { faker: Faker; random: Random }): GeneratedValue {
  const ctx: Context = { root: schema, ...source, nodes: [] };
  const value = generate(schema, [], ctx);
  return { value, nodes: ctx.nodes };
}

function generate(raw: JsonSchema, path: (string | number)[], ctx: Context): unknown {
  const schema = resolveSchema(ctx.root, raw);
  ctx.nodes.push({ path, schema });
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return ctx.random.pick(schema.enum);
  switch (schemaType(schema)) {
    case "object":
      return objectValue(schema, path, ctx);
    case "array":
      return arrayValue(schema, path, ctx);
    case "integer":
      return integerValue(schema, ctx.random);
    case "number":
      return numberValue(schema, ctx.random);
    case "boolean":
      return ctx.random.chance(0.5);
    case "null":
      return null;
    default:
      return stringValue(schema, ctx.faker, ctx.random);
  }
}

function objectValue(schema: JsonSchema, path: (string | number)[], ctx: Context): Record<string, unknown> {
  const properties = schemaAt(schema.properties);
  const required = new Set(stringList(schema.required));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(properties)) {
    const include = required.has(key) || (path.length < MAX_DEPTH && ctx.random.chance(0.5));
    if (include) out[key] = generate(schemaAt(sub), [...path, key], ctx);
  }
  // A required key without a declared schema still has to be present.
  for (const key of required) if (!(key in out)) out[key] = generate({}, [...path, key], ctx);
  return out;
}

function arrayValue(schema: JsonSchema, path: (string | number)[], ctx: Context): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.map(schemaAt) : [];
  const minItems = Math.max(numberKeyword(schema, "minItems") ?? (path.length < MAX_DEPTH ? 1 : 0), prefix.length);
  const maxItems = numberKeyword(schema, "maxItems") ?? minItems + 2;
  const count = path.length < MAX_DEPTH ? ctx.random.int(minItems, Math.max(minItems, maxItems) + 1) : minItems;
  const items = schemaAt(schema.items);
  const out: unknown[] = [];
  const seen = new Set<string>();
  // uniqueItems: a duplicate is drawn again; after a few tries the array stays shorter (never below minItems in practice).
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    const mark = ctx.nodes.length;
    const item = generate(prefix[out.length] ?? items, [...path, out.length], ctx);
    const key = schema.uniqueItems === true ? JSON.stringify(item) : "";
    if (schema.uniqueItems === true && seen.has(key)) {
      ctx.nodes.length = mark;
      continue;
    }
    seen.add(key);
    out.push(item);
  }
  return out;
}

function bounds(schema: JsonSchema, fallback: [number, number], step: number): [number, number] {
  const exMin = numberKeyword(schema, "exclusiveMinimum");
  const exMax = numberKeyword(schema, "exclusiveMaximum");
  const low = numberKeyword(schema, "minimum") ?? (exMin !== undefined ? exMin + step : undefined);
  const high = numberKeyword(schema, "maximum") ?? (exMax !== undefined ? exMax - step : undefined);
  const min = low ?? Math.min(fallback[0], high ?? fallback[0]);
  const max = high ?? Math.max(fallback[1], min);
  return [min, Math.max(min, max)];
}

function integerValue(schema: JsonSchema, random: Random): number {
  const [min, max] = bounds(schema, [0, 1000], 1);
  const multiple = numberKeyword(schema, "multipleOf");
  if (multiple !== undefined && multiple > 0) {
    const first = Math.ceil(min / multiple);
    const last = Math.floor(max / multiple);
    return Math.max(first, random.int(first, last + 1)) * multiple;
  }
  return random.int(Math.ceil(min), Math.floor(max) + 1);
}

function numberValue(schema: JsonSchema, random: Random): number {
  const [min, max] = bounds(schema, [0, 100], 0.01);
  if (numberKeyword(schema, "multipleOf") !== undefined) return integerValue(schema, random);
  const value = Math.round((min + random.next() * (max - min)) * 100) / 100;
  return Math.min(max, Math.max(min, value));
}
