// The response-healing plugin (plugins/response-healing.ts at the pin): run after the provider
// answers, it turns near-valid JSON into compact JSON and records what it did as a
// `plugin_executions` entry. Every outcome short of a rewrite is `skipped`.
import { PLUGIN_STAGE, type PluginExecution, type PluginExecutionMetadata } from "../../gateway/types.js";
import type { FinishReason, ResponseFormat } from "../../providers/types.js";
import { validateJson } from "../../structured-output/validate-json.js";
import { MAX_VALIDATION_ERRORS } from "../../structured-output/validation-issue.js";
import { coerceToSchema } from "./extended/coerce-to-schema.js";
import { healSyntax, type SyntaxHealResult } from "./heal-syntax.js";
import { referenceSchemaErrors } from "./reference-schema-check.js";
import type { HealingMode, HealingReason, HealingTransform } from "./registry.js";

export const RESPONSE_HEALING_PLUGIN_ID = "response-healing";

/** `full`: a value must pass the whole JSON Schema (ajv) too; `reference`: only the reference's keyword subset. */
export const SCHEMA_CHECKS = ["full", "reference"] as const;
export type SchemaCheck = (typeof SCHEMA_CHECKS)[number];

export interface HealInput {
  /** The provider's output text, or each text block of the message in order. */
  text: string | readonly string[];
  finishReason: FinishReason | string | null;
  /** The normalised requested format; undefined when none was requested. */
  responseFormat: ResponseFormat | undefined;
  mode: HealingMode;
  /**
   * A stream: the plugin's own check skips it (response-healing.ts:574-588). Through the registry
   * this is never reached: runResponsePlugins records the registry's skip instead (registry.ts:58-70).
   */
  streaming: boolean;
  /** Default `full` (a named difference from the reference, which checks a keyword subset only). */
  schemaCheck?: SchemaCheck | undefined;
}

/** The execution record, the text blocks to send on (a rewrite keeps only the healed block), and the value. */
export interface HealResult {
  execution: PluginExecution;
  /** The first block to send on (the healed one after a rewrite). */
  text: string;
  blocks: string[];
  value?: unknown;
}

type Healed = Extract<SyntaxHealResult, { ok: true }> & { text: string; index: number };

/**
 * Heals one response.
 *
 * @example
 * const { execution, text } = healResponse({
 *   text: '```json\n{"summary": "ok", "risk_level": "low",}\n```', finishReason: "stop",
 *   responseFormat: { type: "json_object" }, mode: "safe", streaming: false,
 * });
 * // text === '{"summary":"ok","risk_level":"low"}'
 * // execution.metadata.transforms_applied === ["strip_markdown_fence", "remove_trailing_commas"]
 */
export function healResponse(input: HealInput): HealResult {
  const blocks = typeof input.text === "string" ? [input.text] : [...input.text];
  const unchanged = (execution: PluginExecution): HealResult => ({ execution, text: blocks[0] ?? "", blocks });
  const { mode, responseFormat } = input;
  if (input.streaming) return unchanged(record("skipped", false, { attempted: false, healed: false, mode, failure_reason: "streaming_unsupported" }));
  if (responseFormat === undefined || responseFormat.type === "text") return unchanged(notJson(mode));
  const schema = responseFormat.type === "json_schema" ? responseFormat.schema : undefined;

  let healed: Healed | undefined;
  let firstFailure: Extract<SyntaxHealResult, { ok: false }> | undefined;
  let mismatch: { errors: string[]; transforms: HealingTransform[] } | undefined;
  for (const [index, text] of blocks.entries()) {
    if (text === "") continue;
    const candidate = healSyntax(text, mode, input.finishReason);
    if (!candidate.ok) {
      firstFailure ??= candidate;
      continue;
    }
    const checked = schema === undefined ? { ok: true as const, value: candidate.value, coercions: [] } : fitSchema(candidate.value, schema, mode, input.schemaCheck ?? "full");
    if (!checked.ok) {
      mismatch ??= { errors: checked.errors, transforms: candidate.transforms };
      continue;
    }
    const transforms = [...candidate.transforms, ...checked.coercions];
    healed = { ...candidate, value: checked.value, healed: candidate.healed || checked.coercions.length > 0, transforms, text: JSON.stringify(checked.value), index };
    break;
  }
  if (healed === undefined) {
    // A later unrepairable block outranks an earlier schema mismatch (response-healing.ts:656-658, 694).
    if (firstFailure !== undefined) return unchanged(skipped(mode, firstFailure.reason, firstFailure.transforms));
    if (mismatch !== undefined) return unchanged(skipped(mode, "schema_mismatch", mismatch.transforms, mismatch.errors));
    return unchanged(notJson(mode));
  }
  const source = blocks[healed.index] ?? "";
  const rewrite = healed.healed || source.trim() !== healed.text || blocks.length > 1;
  const metadata: PluginExecutionMetadata = { attempted: true, healed: healed.healed, mode, transforms_applied: healed.transforms };
  const execution = record(rewrite ? "applied" : "skipped", rewrite, metadata);
  if (!rewrite) return { execution, text: source, blocks, value: healed.value };
  return { execution, text: healed.text, blocks: [healed.text], value: healed.value };
}

/** Whether `value` passes the schema; in extended mode, after gateway-sim's lossless coercions. */
function fitSchema(
  value: unknown,
  schema: Record<string, unknown>,
  mode: HealingMode,
  check: SchemaCheck,
): { ok: true; value: unknown; coercions: HealingTransform[] } | { ok: false; errors: string[] } {
  const errors = schemaErrors(value, schema, check);
  if (errors.length === 0) return { ok: true, value, coercions: [] };
  if (mode === "extended") {
    const coerced = coerceToSchema(schema, value);
    if (coerced.ok && schemaErrors(coerced.value, schema, check).length === 0) return { ok: true, value: coerced.value, coercions: coerced.coercions };
  }
  return { ok: false, errors };
}

/** The reference's errors first; under `full`, ajv's too when the reference's subset passed the value. */
function schemaErrors(value: unknown, schema: Record<string, unknown>, check: SchemaCheck): string[] {
  const reference = referenceSchemaErrors(value, schema);
  if (reference.length > 0 || check === "reference") return reference;
  const full = validateJson(schema, value);
  // A schema ajv cannot compile leaves the reference's own check as the only one, as at the pin.
  if (full.ok || full.reason === "invalid_schema") return [];
  return full.errors.slice(0, MAX_VALIDATION_ERRORS).map((issue) => `${issue.path} ${issue.message}`);
}

function notJson(mode: HealingMode): PluginExecution {
  return record("skipped", false, { attempted: false, healed: false, mode, failure_reason: "not_json" });
}

function skipped(mode: HealingMode, reason: HealingReason, transforms: HealingTransform[], errors?: string[]): PluginExecution {
  const metadata: PluginExecutionMetadata = { attempted: true, healed: false, mode, failure_reason: reason, transforms_applied: transforms };
  if (errors !== undefined) metadata.validation_errors = errors;
  return record("skipped", false, metadata);
}

function record(status: PluginExecution["status"], changed: boolean, metadata: PluginExecutionMetadata): PluginExecution {
  return { id: RESPONSE_HEALING_PLUGIN_ID, stage: PLUGIN_STAGE, changed, status, metadata };
}

/**
 * Whether the plugin ended with JSON the request can use: rewritten (`applied`), or already valid
 * and compact (`skipped` with no `failure_reason`). The record's status alone cannot say, since the
 * reference writes `skipped` for both that and every failure.
 *
 * @example
 * healingSucceeded(healResponse({ text: '{"a":1}', finishReason: "stop", responseFormat: { type: "json_object" }, mode: "safe", streaming: false }).execution); // true
 */
export function healingSucceeded(execution: PluginExecution): boolean {
  if (execution.status === "applied") return true;
  return execution.status === "skipped" && execution.metadata.attempted && execution.metadata.failure_reason === undefined && execution.metadata.reason === undefined;
}
