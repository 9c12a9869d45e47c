// Turns zod issues into the `details[]` of a 400 validation_error: one entry per invalid field,
// located by a JSON path (`provider.sort`, `input[1].content`) and tagged with a stable keyword.
import type { z } from "zod";
import type { ErrorDetail } from "../../core/errors.js";
import { formatPath } from "../../core/load-config.js";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Flattens zod issues (including the branches of unions) into error details.
 * Parse with `{ reportInput: true }` so a missing field reads as `required` rather than a type error.
 *
 * @example
 * const parsed = schema.safeParse(body, { reportInput: true });
 * if (!parsed.success) issuesToDetails(parsed.error.issues); // [{ path: "temperature", keyword: "maximum", ... }]
 */
export function issuesToDetails(issues: readonly Issue[], prefix: Path = []): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) details.push(...issueToDetails(issue, prefix));
  return dedupe(details);
}

function issueToDetails(issue: Issue, prefix: Path): ErrorDetail[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "unrecognized_keys":
      // One detail per unknown key, located at the key itself, so each can be fixed on its own.
      return issue.keys.map((key) => ({
        message: `unknown parameter "${key}"`,
        path: formatPath([...path, key]),
        keyword: "unknown_parameter",
      }));
    case "invalid_union":
      return unionDetails(issue, path);
    case "invalid_type":
      if (isMissing(issue)) return [{ message: "required", path: formatPath(path), keyword: "required" }];
      return [{ message: `expected ${expectedName(issue.expected)}, got ${describe(issue.input)}`, path: formatPath(path), keyword: "type" }];
    case "custom": {
      const keyword = typeof issue.params?.["keyword"] === "string" ? issue.params["keyword"] : "custom";
      return [{ message: issue.message, path: formatPath(path), keyword }];
    }
    case "invalid_value":
      return [{ message: `expected ${oneOf(issue.values)}, got ${JSON.stringify(issue.input) ?? "nothing"}`, path: formatPath(path), keyword: "enum" }];
    default:
      return [{ message: readable(issue), path: formatPath(path), keyword: keywordFor(issue) }];
  }
}

/**
 * A union failed. When one branch matched the value's type (its problems lie deeper than the union
 * itself), report that branch's problems with their full paths; otherwise one "expected A or B".
 */
function unionDetails(issue: Extract<Issue, { code: "invalid_union" }>, path: PropertyKey[]): ErrorDetail[] {
  if (isMissing(issue)) return [{ message: "required", path: formatPath(path), keyword: "required" }];
  // A discriminated union with no matching discriminator has no branches, only its own message.
  if (issue.errors.length === 0) return [{ message: issue.message, path: formatPath(path), keyword: "enum" }];
  const matched = issue.errors.find((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
  if (matched) return matched.flatMap((inner) => issueToDetails(inner, path));
  const expected = issue.errors.flatMap((branch) => branch.map((inner) => (inner.code === "invalid_type" ? expectedName(inner.expected) : undefined)));
  const names = [...new Set(expected.filter((name) => name !== undefined))];
  return [{ message: `expected ${names.join(" or ")}, got ${describe(issue.input)}`, path: formatPath(path), keyword: "type" }];
}

function isMissing(issue: Issue): boolean {
  return !("input" in issue) || issue.input === undefined;
}

/** JSON-Schema-like keywords, so details read the same as the healer's `validation_errors`. */
function keywordFor(issue: Issue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" ? "minItems" : issue.origin === "string" ? "minLength" : issue.inclusive ? "minimum" : "exclusiveMinimum";
    case "too_big":
      return issue.origin === "array" ? "maxItems" : issue.origin === "string" ? "maxLength" : issue.inclusive ? "maximum" : "exclusiveMaximum";
    case "invalid_format":
      return issue.format === "regex" ? "pattern" : "format";
    case "not_multiple_of":
      return "multipleOf";
    default:
      return issue.code;
  }
}

/** zod's default size messages ("Too big: expected number to be <=2") rewritten as rules. */
function readable(issue: Issue): string {
  if ((issue.code === "too_big" || issue.code === "too_small") && /^Too (big|small):/.test(issue.message)) {
    const bound = issue.code === "too_big" ? issue.maximum : issue.minimum;
    const op = issue.code === "too_big" ? (issue.inclusive ? "<=" : "<") : issue.inclusive ? ">=" : ">";
    if (issue.origin === "array") return `must hold ${op} ${String(bound)} items`;
    if (issue.origin === "string") return `length must be ${op} ${String(bound)}`;
    return `must be ${op} ${String(bound)}${"input" in issue && issue.input !== undefined ? ` (got ${String(issue.input)})` : ""}`;
  }
  return issue.message;
}

function oneOf(values: readonly unknown[]): string {
  const names = values.map((v) => JSON.stringify(v));
  return names.length === 1 ? (names[0] ?? "") : `one of ${names.join(", ")}`;
}

/** zod's names for JSON types, as a JSON user knows them. */
function expectedName(expected: string): string {
  return expected === "record" ? "object" : expected === "int" ? "integer" : expected;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isInteger(value)) return `number ${value}`;
  return typeof value;
}

function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return details.filter((detail) => {
    const key = `${detail.path}\u0000${detail.keyword}\u0000${detail.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
