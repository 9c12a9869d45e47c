// The reference healer's own schema check (plugins/response-healing.ts:277-455): a subset of JSON
// Schema keywords, stopping at 8 errors, each a string `$.path must …`. gateway-sim reports its
// errors in this form; whether a value passes also depends on `healing.schemaCheck` (see heal-response.ts).

const LIMIT = 8;
type Schema = Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

const FORMATS: Record<string, (value: string) => boolean> = {
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(v),
  uri: isUri,
  url: isUri,
  "date-time": (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/u.test(v) && !Number.isNaN(Date.parse(v)),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu.test(v),
};

function isUri(value: string): boolean {
  try {
    return new URL(value).protocol.length > 0;
  } catch {
    return false;
  }
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return true;
  }
}

const child = (path: string, segment: string | number): string => (typeof segment === "number" ? `${path}[${segment}]` : path === "$" ? `$.${segment}` : `${path}.${segment}`);

/**
 * The reference's validation errors for `value` (empty when it passes the reference's check).
 *
 * @example
 * referenceSchemaErrors({ foo: 1 }, { type: "object", required: ["ok"], additionalProperties: false, properties: { ok: { type: "boolean" } } });
 * // ["$.ok is required", "$.foo is not allowed"]
 */
export function referenceSchemaErrors(value: unknown, schema: Schema): string[] {
  const errors: string[] = [];
  const push = (message: string): boolean => {
    errors.push(message);
    return errors.length >= LIMIT;
  };
  const visit = (node: unknown, s: Schema, path: string): void => {
    if (errors.length >= LIMIT) return;
    if (s.const !== undefined && !same(node, s.const)) return void push(`${path} must equal the configured const value`);
    if (Array.isArray(s.enum) && !s.enum.some((item) => same(node, item))) return void push(`${path} must match one of the configured enum values`);
    const types = typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === "string") : [];
    if (types.length > 0 && !types.some((t) => typeMatches(node, t))) return void push(`${path} must be ${types.join(" or ")}`);
    if (typeof node === "string" && stringErrors(node, s, path, push)) return;
    if (typeof node === "number" && Number.isFinite(node) && numberErrors(node, s, path, push)) return;
    if (isObject(node)) return objectErrors(node, s, path, push, visit);
    if (Array.isArray(node)) arrayErrors(node, s, path, push, visit);
  };
  visit(value, schema, "$");
  return errors;
}

type Push = (message: string) => boolean;
type Visit = (node: unknown, schema: Schema, path: string) => void;

function stringErrors(node: string, s: Schema, path: string, push: Push): boolean {
  const minLength = num(s.minLength);
  const maxLength = num(s.maxLength);
  if (minLength !== undefined && node.length < minLength && push(`${path} must be at least ${minLength} character(s)`)) return true;
  if (maxLength !== undefined && node.length > maxLength && push(`${path} must be at most ${maxLength} character(s)`)) return true;
  if (typeof s.pattern === "string") {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(s.pattern);
    } catch {
      // The reference ignores a pattern it cannot compile.
    }
    if (pattern && !pattern.test(node) && push(`${path} does not match the required pattern`)) return true;
  }
  if (typeof s.format === "string") {
    const format = s.format.trim().toLowerCase();
    const check = FORMATS[format];
    if (check && !check(node) && push(`${path} must match the ${format} format`)) return true;
  }
  return false;
}

function numberErrors(node: number, s: Schema, path: string, push: Push): boolean {
  const [min, max, xmin, xmax, multipleOf] = [num(s.minimum), num(s.maximum), num(s.exclusiveMinimum), num(s.exclusiveMaximum), num(s.multipleOf)];
  if (min !== undefined && node < min && push(`${path} must be greater than or equal to ${min}`)) return true;
  if (max !== undefined && node > max && push(`${path} must be less than or equal to ${max}`)) return true;
  if (xmin !== undefined && node <= xmin && push(`${path} must be greater than ${xmin}`)) return true;
  if (xmax !== undefined && node >= xmax && push(`${path} must be less than ${xmax}`)) return true;
  if (multipleOf !== undefined && Number.isFinite(multipleOf) && multipleOf > 0) {
    const quotient = node / multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9 && push(`${path} must be a multiple of ${multipleOf}`)) return true;
  }
  return false;
}

function objectErrors(node: Record<string, unknown>, s: Schema, path: string, push: Push, visit: Visit): void {
  const count = Object.keys(node).length;
  const minProperties = num(s.minProperties);
  const maxProperties = num(s.maxProperties);
  const plural = (n: number): string => (n === 1 ? "property" : "properties");
  if (minProperties !== undefined && count < minProperties && push(`${path} must contain at least ${minProperties} ${plural(minProperties)}`)) return;
  if (maxProperties !== undefined && count > maxProperties && push(`${path} must contain at most ${maxProperties} ${plural(maxProperties)}`)) return;
  const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === "string") : [];
  for (const key of required) if (!(key in node) && push(`${child(path, key)} is required`)) return;
  const properties = isObject(s.properties) ? s.properties : {};
  if (s.additionalProperties === false) {
    for (const key of Object.keys(node)) if (!(key in properties) && push(`${child(path, key)} is not allowed`)) return;
  }
  for (const [key, propertySchema] of Object.entries(properties)) {
    if (!(key in node) || !isObject(propertySchema)) continue;
    visit(node[key], propertySchema, child(path, key));
  }
}

function arrayErrors(node: unknown[], s: Schema, path: string, push: Push, visit: Visit): void {
  const minItems = num(s.minItems);
  const maxItems = num(s.maxItems);
  // The reference does not stop at the limit after these two (response-healing.ts:427-432).
  if (minItems !== undefined && node.length < minItems) push(`${path} must contain at least ${minItems} item(s)`);
  if (maxItems !== undefined && node.length > maxItems) push(`${path} must contain at most ${maxItems} item(s)`);
  if (s.uniqueItems === true) {
    const seen = new Set<string>();
    for (const item of node) {
      const key = JSON.stringify(item);
      if (seen.has(key)) {
        push(`${path} must contain only unique items`);
        break;
      }
      seen.add(key);
    }
  }
  if (!isObject(s.items)) return;
  const items = s.items;
  node.forEach((item, index) => visit(item, items, child(path, index)));
}
