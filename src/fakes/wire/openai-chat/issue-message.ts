// Turns a zod validation issue into OpenAI's own 400 wording ("Missing required parameter: 'x'.",
// "Invalid type for 'x': …", "Unrecognized request argument supplied: x").
import type { z } from "zod";
import type { WireErrorCase } from "../types.js";

/** `messages[0].content`, the way OpenAI names a parameter. */
function paramName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

const TYPE_NAMES: Record<string, string> = { number: "a decimal", int: "an integer", string: "a string", boolean: "a boolean", array: "an array", object: "an object" };

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * The OpenAI error for the first issue of a failed request validation.
 *
 * @example
 * openAiIssueError(issue, body); // { kind: "invalid_request", message: "Missing required parameter: 'messages'.", … }
 */
export function openAiIssueError(issue: z.core.$ZodIssue, input: unknown): WireErrorCase {
  const param = paramName(issue.path);
  if (issue.code === "unrecognized_keys") {
    const key = paramName([...issue.path, issue.keys[0] ?? ""]);
    return { kind: "invalid_request", message: `Unrecognized request argument supplied: ${key}`, param: null, code: null };
  }
  const value = issue.path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
  if (value === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
    return { kind: "invalid_request", message: `Missing required parameter: '${param}'.`, param, code: "missing_required_parameter" };
  }
  if (issue.code === "invalid_type") {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return { kind: "invalid_request", message: `Invalid type for '${param}': expected ${expected}, but got ${describe(value)} instead.`, param, code: "invalid_type" };
  }
  if (issue.code === "too_small" && Array.isArray(value) && value.length === 0) {
    return { kind: "invalid_request", message: `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`, param, code: "empty_array" };
  }
  return { kind: "invalid_request", message: `Invalid value for '${param}': ${issue.message}.`, param, code: "invalid_value" };
}
