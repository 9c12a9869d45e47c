// The response-healing plugin (reference §6): run after the provider answers, it turns near-valid
// JSON into valid JSON and records what it did as a `plugin_executions` entry. It never reports
// success for a value that fails the requested schema.
import type { PluginExecution } from "../../gateway/types.js";
import type { FinishReason, ResponseFormat } from "../../providers/types.js";
import { compileSchema } from "../../structured-output/compile-schema.js";
import { validateJson } from "../../structured-output/validate-json.js";
import type { ValidationIssue } from "../../structured-output/validation-issue.js";
import { coerceToSchema } from "./extended/coerce-to-schema.js";
import { healSyntax } from "./heal-syntax.js";
import type { HealingMode, HealingReason, HealingTransform } from "./registry.js";

export const RESPONSE_HEALING_PLUGIN_ID = "response-healing";

export interface HealInput {
  /** The provider's output text. */
  text: string;
  finishReason: FinishReason;
  /** The normalised requested format; undefined when none was requested. */
  responseFormat: ResponseFormat | undefined;
  mode: HealingMode;
  streaming: boolean;
}

/** The execution record, the text to send on (compact JSON on success, else the input), and the value. */
export interface HealResult {
  execution: PluginExecution;
  text: string;
  value?: unknown;
}

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
  const { text, mode, responseFormat } = input;
  if (input.streaming) return skipped(input, "streaming_unsupported");
  if (responseFormat === undefined || responseFormat.type === "text") return skipped(input, "not_json");
  const schema = responseFormat.type === "json_schema" ? responseFormat.schema : undefined;
  if (schema !== undefined && !compileSchema(schema).ok) return failed(input, "invalid_schema", [], { attempted: false });

  const syntax = healSyntax(text, mode, input.finishReason);
  if (!syntax.ok) return failed(input, syntax.reason, syntax.transforms);
  let value = syntax.value;
  const transforms = [...syntax.transforms];
  if (schema !== undefined) {
    const validation = validateJson(schema, value);
    if (!validation.ok) {
      const coerced = mode === "extended" ? coerceToSchema(schema, value) : { ok: false as const };
      if (!coerced.ok) {
        const errors = validation.reason === "schema_mismatch" ? validation.errors : [];
        return failed(input, "schema_mismatch", transforms, { validationErrors: errors });
      }
      value = coerced.value;
      transforms.push(...coerced.coercions);
    }
  }
  const healedText = JSON.stringify(value);
  return {
    execution: execution(input, "applied", healedText !== text, {
      attempted: true,
      healed: transforms.length > 0,
      transforms,
    }),
    text: healedText,
    value,
  };
}

function skipped(input: HealInput, reason: HealingReason): HealResult {
  return { execution: execution(input, "skipped", false, { attempted: false, healed: false, transforms: [], reason }), text: input.text };
}

function failed(
  input: HealInput,
  reason: HealingReason,
  transforms: HealingTransform[],
  extra: { attempted?: boolean; validationErrors?: ValidationIssue[] } = {},
): HealResult {
  const fields = { attempted: extra.attempted ?? true, healed: false, transforms, reason, validationErrors: extra.validationErrors };
  return { execution: execution(input, "failed", false, fields), text: input.text };
}

function execution(
  input: HealInput,
  status: PluginExecution["status"],
  changed: boolean,
  fields: { attempted: boolean; healed: boolean; transforms: HealingTransform[]; reason?: HealingReason; validationErrors?: ValidationIssue[] | undefined },
): PluginExecution {
  const metadata: PluginExecution["metadata"] = {
    attempted: fields.attempted,
    healed: fields.healed,
    mode: input.mode,
    transforms_applied: fields.transforms,
  };
  if (fields.reason !== undefined) metadata.failure_reason = fields.reason;
  if (fields.validationErrors !== undefined) metadata.validation_errors = fields.validationErrors;
  return { id: RESPONSE_HEALING_PLUGIN_ID, stage: "response", changed, status, metadata };
}
