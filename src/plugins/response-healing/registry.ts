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

/**
 * Every `metadata.failure_reason` the plugin writes. All of them come with status `skipped`
 * (plugins/response-healing.ts:574-708); `failed` is only the registry's record of an exception.
 */
export const HEALING_REASONS = [
  /** The plugin's own stream check (unreachable through the registry, kept for `healResponse` callers). */
  "streaming_unsupported",
  /** No json_object/json_schema target, no text to heal, or only blank text. */
  "not_json",
  /** Finish reason `length` and the JSON does not parse: closers are never appended to cut-off output. */
  "truncated",
  /** No transform produced parseable JSON, or the only parse names keys or values the text never spelled. */
  "unrepairable",
  /** Parsed, but the value fails the json_schema; `validation_errors` lists up to 8 `$.path must …` strings. */
  "schema_mismatch",
] as const;
export type HealingReason = (typeof HEALING_REASONS)[number];

/** Reasons the plugin registry writes in `metadata.reason` (plugins/registry.ts:58-96). */
export const PLUGIN_REGISTRY_REASONS = ["streaming_unsupported", "plugin_error"] as const;
export type PluginRegistryReason = (typeof PLUGIN_REGISTRY_REASONS)[number];
