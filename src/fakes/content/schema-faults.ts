// Schema violations a model really produces: an enum value it invented, a number sent as a
// string, a required field left out, a field nobody asked for. Each breaks one generated node.
import type { Random } from "../../core/random.js";
import { isRecord, stringList } from "./json-schema.js";
import type { GeneratedNode } from "./schema-value.js";

export const SCHEMA_FAULT_TYPES = ["wrong_enum", "enum_case", "wrong_type", "missing_required", "extra_property"] as const;
export type SchemaFaultType = (typeof SCHEMA_FAULT_TYPES)[number];

/** The broken value, or `applied: false` when the schema offers no place for this violation. */
export type SchemaFaultResult = { applied: true; value: unknown; detail: string } | { applied: false; value: unknown; detail: string };

/**
 * Applies one schema violation to `value` (copied, never mutated).
 *
 * @example
 * applySchemaFault("missing_required", value, nodes, random); // { applied: true, value: {...}, detail: "removed required \"city\"" }
 */
export function applySchemaFault(type: SchemaFaultType, value: unknown, nodes: readonly GeneratedNode[], random: Random): SchemaFaultResult {
  const copy: unknown = structuredClone(value);
  const live = nodes.filter((node) => read(copy, node.path) !== undefined);
  switch (type) {
    case "wrong_enum": {
      const target = pickNode(
        live.filter((n) => Array.isArray(n.schema.enum) && n.schema.enum.length > 0),
        random,
      );
      if (!target) return { applied: false, value, detail: "no enum in the schema" };
      return replace(copy, target.path, `${String(read(copy, target.path))}_unlisted`, "replaced an enum value");
    }
    case "enum_case": {
      // An allowed string in another case, only where that variant is not itself allowed.
      const cased = live.filter((n) => Array.isArray(n.schema.enum) && caseVariant(read(copy, n.path), n.schema.enum) !== undefined);
      const target = pickNode(cased, random);
      if (!target) return { applied: false, value, detail: "no string enum value with a case variant" };
      const variant = caseVariant(read(copy, target.path), target.schema.enum as unknown[]) as string;
      return replace(copy, target.path, variant, "changed the case of an enum value at");
    }
    case "wrong_type": {
      const leaves = live.filter((n) => n.path.length > 0 && !isRecord(read(copy, n.path)) && !Array.isArray(read(copy, n.path)));
      const target = pickNode(leaves.length > 0 ? leaves : live, random);
      if (!target) return { applied: false, value, detail: "nothing to retype" };
      return replace(copy, target.path, retyped(read(copy, target.path)), "changed the type of");
    }
    case "missing_required": {
      const holders = live.filter((n) => stringList(n.schema.required).some((key) => isRecord(read(copy, n.path)) && key in (read(copy, n.path) as object)));
      const target = pickNode(holders, random);
      if (!target) return { applied: false, value, detail: "no required field" };
      const object = read(copy, target.path) as Record<string, unknown>;
      const key = random.pick(stringList(target.schema.required).filter((k) => k in object));
      delete object[key];
      return { applied: true, value: copy, detail: `removed required ${formatPath([...target.path, key])}` };
    }
    case "extra_property": {
      const objects = live.filter((n) => isRecord(read(copy, n.path)));
      const strict = objects.filter((n) => n.schema.additionalProperties === false);
      const target = pickNode(strict.length > 0 ? strict : objects, random);
      if (!target) return { applied: false, value, detail: "no object in the answer" };
      (read(copy, target.path) as Record<string, unknown>).unexpected_field = "not in the schema";
      return { applied: true, value: copy, detail: `added ${formatPath([...target.path, "unexpected_field"])}` };
    }
  }
}

function pickNode(nodes: readonly GeneratedNode[], random: Random): GeneratedNode | undefined {
  return nodes.length > 0 ? random.pick(nodes) : undefined;
}

function retyped(value: unknown): unknown {
  if (typeof value === "string") return value.length;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null) return 0;
  return Array.isArray(value) ? {} : "[object]";
}

function read(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === "number") node = node[key];
    else if (isRecord(node) && typeof key === "string") node = node[key];
    else return undefined;
  }
  return node;
}

function replace(root: unknown, path: readonly (string | number)[], next: unknown, what: string): SchemaFaultResult {
  const detail = `${what} ${formatPath(path)}`;
  if (path.length === 0) return { applied: true, value: next, detail };
  const parent = read(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof key === "number") parent[key] = next;
  else if (isRecord(parent) && typeof key === "string") parent[key] = next;
  return { applied: true, value: root, detail };
}

function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? "the root" : `"${path.map(String).join(".")}"`;
}

/** "high" → "High" (or "HIGH"), when that spelling is not itself allowed; undefined when none is. */
function caseVariant(current: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof current !== "string") return undefined;
  const options = [current.charAt(0).toUpperCase() + current.slice(1), current.toUpperCase(), current.toLowerCase()];
  return options.find((v) => v !== current && !allowed.includes(v));
}
