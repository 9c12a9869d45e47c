// The content faults of issue 3, applied to a known-good JSON value, for the conformance run and the
// tests: each turns a schema-valid instance into the near-miss text a model might send. The fakes
// helper implements the same fault kinds (same names) for fake providers; this local copy keeps the
// healing conformance independent of the fakes and of their seeded draws — every corruption here is
// deterministic. The names are the fakes' registry.
import { CONTENT_FAULT_TYPES } from "../../fakes/profile/fault-schema.js";
import { compileSchema } from "../../structured-output/compile-schema.js";
import { errorSegments } from "../../structured-output/validation-issue.js";
import type { FinishReason } from "../../providers/types.js";

/** The fakes' content-fault vocabulary: one registry, so a new fault kind reaches the conformance run. */
export const CORRUPTION_KINDS = CONTENT_FAULT_TYPES;
export type CorruptionKind = (typeof CORRUPTION_KINDS)[number];

/** Faults in the text; the value underneath is the original. */
export const SYNTAX_CORRUPTIONS: readonly CorruptionKind[] = ["markdown_fence", "prose_around", "trailing_comma", "unquoted_keys", "missing_closers", "truncate_length"];

export interface CorruptedResponse {
  text: string;
  finishReason: FinishReason;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Where `truncate_length` cuts, as a share of the text. */
const TRUNCATE_AT = 0.6;
/** The key `extra_property` adds. */
export const EXTRA_PROPERTY_NAME = "unexpected_note";

/**
 * The corrupted text for `kind`, or undefined when the fault cannot apply to this value (no key to
 * unquote, no enum, no required property, extra properties allowed…). Schema faults are applied at
 * the first place (depth first) where the schema notices them, using the validator as the judge.
 *
 * @example
 * corrupt("trailing_comma", { a: [1] }, schema)?.text; // '{\n  "a": [\n    1,\n  ],\n}'
 */
export function corrupt(kind: CorruptionKind, value: unknown, schema: Record<string, unknown>): CorruptedResponse | undefined {
  const pretty = writeJson(value, {}, "");
  const stop = (text: string | undefined): CorruptedResponse | undefined => (text === undefined ? undefined : { text, finishReason: "stop" });
  switch (kind) {
    case "markdown_fence":
      return stop("```json\n" + pretty + "\n```");
    case "prose_around":
      return stop(`Here is the JSON you asked for:\n\n${pretty}\n\nLet me know if you need anything else.`);
    case "trailing_comma":
      return stop(changedOrUndefined(writeJson(value, { trailingCommas: true }, ""), pretty));
    case "unquoted_keys":
      return stop(changedOrUndefined(writeJson(value, { bareKeys: true }, ""), pretty));
    case "missing_closers":
      return stop(changedOrUndefined(pretty.replace(/[\s}\]]+$/, ""), pretty));
    case "truncate_length":
      return { text: pretty.slice(0, Math.floor(pretty.length * TRUNCATE_AT)), finishReason: "length" };
    default:
      return stop(schemaFault(kind, value, schema));
  }
}

function changedOrUndefined(text: string, original: string): string | undefined {
  return text === original ? undefined : text;
}

/**
 * Pretty JSON (2-space indent), optionally with trailing commas or JavaScript-style bare keys.
 *
 * @example
 * writeJson({ a: 1 }, { bareKeys: true }, ""); // '{\n  a: 1\n}'
 */
export function writeJson(value: unknown, style: { trailingCommas?: boolean; bareKeys?: boolean }, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => inner + writeJson(item, style, inner))
    : Object.entries(value).map(([key, item]) => `${inner}${style.bareKeys && IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${writeJson(item, style, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  return `${open}\n${items.join(",\n")}${style.trailingCommas ? "," : ""}\n${indent}${close}`;
}

type Path = (string | number)[];
/** One place to apply a fault, and the error (keyword at path) the schema must report for it. */
type Candidate = { path: Path; apply: (root: unknown) => void; keyword: string; at: Path };

function schemaFault(kind: CorruptionKind, value: unknown, schema: Record<string, unknown>): string | undefined {
  const compiled = compileSchema(schema);
  if (!compiled.ok) return undefined;
  for (const candidate of candidates(kind, value, [])) {
    const copy = structuredClone(value);
    candidate.apply(copy);
    if (compiled.validate(copy)) continue;
    const at = JSON.stringify(candidate.at.map(String));
    const noticed = (compiled.validate.errors ?? []).some((e) => e.keyword === candidate.keyword && JSON.stringify(errorSegments(e).map(String)) === at);
    if (noticed) return writeJson(copy, {}, "");
  }
  return undefined;
}

function* candidates(kind: CorruptionKind, node: unknown, path: Path): Generator<Candidate> {
  if (node === null || typeof node !== "object") {
    if (path.length === 0) return;
    if (kind === "wrong_enum" && typeof node === "string") {
      // Outside the enum in any case: the fakes' wrong_enum, which no healer may "fix".
      yield { path, apply: (root) => setAt(root, path, `${node}_unlisted`), keyword: "enum", at: path };
    }
    if (kind === "enum_case" && typeof node === "string") {
      const variant = node === node.toUpperCase() ? node.toLowerCase() : node.toUpperCase();
      if (variant !== node) yield { path, apply: (root) => setAt(root, path, variant), keyword: "enum", at: path };
    }
    if (kind === "wrong_type" && (typeof node === "number" || typeof node === "boolean")) yield { path, apply: (root) => setAt(root, path, String(node)), keyword: "type", at: path };
    return;
  }
  if (kind === "wrong_type" && path.length > 0) yield { path, apply: (root) => setAt(root, path, JSON.stringify(node)), keyword: "type", at: path };
  if (!Array.isArray(node)) {
    if (kind === "missing_required") {
      for (const key of Object.keys(node)) yield { path, apply: (root) => delete (getAt(root, path) as Record<string, unknown>)[key], keyword: "required", at: [...path, key] };
    }
    if (kind === "extra_property" && !(EXTRA_PROPERTY_NAME in node)) {
      const add = (root: unknown): void => void ((getAt(root, path) as Record<string, unknown>)[EXTRA_PROPERTY_NAME] = "added by the model");
      yield { path, apply: add, keyword: "additionalProperties", at: [...path, EXTRA_PROPERTY_NAME] };
      yield { path, apply: add, keyword: "unevaluatedProperties", at: [...path, EXTRA_PROPERTY_NAME] };
    }
  }
  const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, i) => [i, item]) : Object.entries(node);
  for (const [key, child] of entries) yield* candidates(kind, child, [...path, key]);
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
}
