// Every name the response-healing plugin reports: its modes, transforms and skip/failure reasons.
// Lists of valid values elsewhere (zod enums, docs, tests) derive from these.

/** `safe` (default) and `strict` are the reference's; `extended` is gateway-sim's opt-in superset. */
export const HEALING_MODES = ["safe", "strict", "extended"] as const;
export type HealingMode = (typeof HEALING_MODES)[number];
export const DEFAULT_HEALING_MODE: HealingMode = "safe";

/**
 * Narrows a resolved plugin's mode (layerPlugins has already rejected invalid ones).
 *
 * @example
 * const mode = isHealingMode(plugin.mode) ? plugin.mode : DEFAULT_HEALING_MODE;
 */
export function isHealingMode(mode: string): mode is HealingMode {
  return (HEALING_MODES as readonly string[]).includes(mode);
}

/** The reference transforms, in the order they are tried (§6); strict mode stops after the first two. */
export const SYNTAX_TRANSFORMS = ["strip_markdown_fence", "extract_json_window", "remove_trailing_commas", "quote_bare_keys", "append_missing_closers"] as const;
export type SyntaxTransform = (typeof SYNTAX_TRANSFORMS)[number];
export const STRICT_TRANSFORMS: readonly SyntaxTransform[] = ["strip_markdown_fence", "extract_json_window"];

/**
 * Extended mode: repairs done by the `jsonrepair` library after the window is extracted, named by
 * what the input showed (see detect-syntax-repairs.ts); `jsonrepair` when none of these was seen.
 * Those named like a reference transform mean the same thing, done by the library.
 */
export const EXTENDED_SYNTAX_REPAIRS = [
  "normalise_quotes",
  "strip_comments",
  "python_literals",
  "escape_control_characters",
  "insert_missing_commas",
  "insert_missing_colons",
  "merge_concatenated_values",
  "remove_trailing_commas",
  "quote_bare_keys",
  "append_missing_closers",
  "jsonrepair",
] as const;
export type ExtendedSyntaxRepair = (typeof EXTENDED_SYNTAX_REPAIRS)[number];

/** Extended mode: lossless changes that make a parsed value fit its schema. */
export const SCHEMA_COERCIONS = ["coerce_numeric_string", "coerce_boolean_string", "coerce_enum_case", "drop_additional_property", "unwrap_stringified_json"] as const;
export type SchemaCoercion = (typeof SCHEMA_COERCIONS)[number];

export type HealingTransform = SyntaxTransform | ExtendedSyntaxRepair | SchemaCoercion;

/** Why the plugin did not run (status `skipped`). */
export const HEALING_SKIP_REASONS = ["streaming_unsupported", "not_json"] as const;
/** Why it ran and could not deliver schema-valid JSON (status `failed`). */
export const HEALING_FAILURE_REASONS = [
  /** Finish reason `length` and the JSON is incomplete: closers are never appended to cut-off output. */
  "truncated",
  /** No transform produced parseable JSON (or extended mode refused a repair that would invent content). */
  "unparseable",
  /** Parsed, but the value fails the json_schema; `validation_errors` lists up to 8 problems. */
  "schema_mismatch",
  /** The request's json_schema cannot be compiled, so nothing can be validated. */
  "invalid_schema",
] as const;
/** Every value `metadata.failure_reason` can take. */
export const HEALING_REASONS = [...HEALING_SKIP_REASONS, ...HEALING_FAILURE_REASONS] as const;
export type HealingSkipReason = (typeof HEALING_SKIP_REASONS)[number];
export type HealingFailureReason = (typeof HEALING_FAILURE_REASONS)[number];
export type HealingReason = (typeof HEALING_REASONS)[number];
