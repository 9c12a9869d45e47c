// Turns ajv's errors into the `{path, message, keyword}` records gateway-sim reports (the shape of
// `validation_errors` in a plugin execution and of `details[]` in an error body).
import type { ErrorObject } from "ajv";
import { formatJsonPath, parseJsonPointer } from "./json-path.js";

/** One way a value fails its schema. `path` is `$`-rooted JSONPath (see json-path.ts). */
export interface ValidationIssue {
  path: string;
  message: string;
  keyword: string;
}

/** At most this many issues are reported for one value (reference §6). */
export const MAX_VALIDATION_ERRORS = 8;

/** ajv params naming the property an error is about, which the path then points at. */
const PROPERTY_PARAMS = ["missingProperty", "additionalProperty", "unevaluatedProperty", "propertyName"] as const;

/**
 * Path segments of the value an ajv error is about. For `required` and `additionalProperties` that
 * is the named property, not its parent object, so a reader sees `$.risk_level` rather than `$`.
 *
 * @example
 * errorSegments({ instancePath: "/a", keyword: "required", params: { missingProperty: "b" } }); // ["a", "b"]
 */
export function errorSegments(error: Pick<ErrorObject, "instancePath" | "params">): (string | number)[] {
  const segments = parseJsonPointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  for (const name of PROPERTY_PARAMS) {
    const property = params[name];
    if (typeof property === "string") return [...segments, property];
  }
  return segments;
}

/**
 * Maps ajv errors to at most {@link MAX_VALIDATION_ERRORS} issues, dropping exact repeats.
 *
 * @example
 * toValidationIssues(validate.errors ?? []);
 */
export function toValidationIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const issue = { path: formatJsonPath(errorSegments(error)), message: error.message ?? error.keyword, keyword: error.keyword };
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length === MAX_VALIDATION_ERRORS) break;
  }
  return issues;
}
