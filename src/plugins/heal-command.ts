// The pure half of `gateway-sim heal`: heal one saved provider response against a schema and print
// the plugin execution record, to debug a production response by hand. The CLI reads the files.
import type { PluginExecution } from "../gateway/types.js";
import { FINISH_REASONS, type FinishReason, type ResponseFormat } from "../providers/types.js";
import { responseFormatSchema } from "../structured-output/response-format-schema.js";
import { healingSucceeded, healResponse } from "./response-healing/heal-response.js";
import { DEFAULT_HEALING_MODE, HEALING_MODES, isHealingMode } from "./response-healing/registry.js";

export interface HealCommandInput {
  /** The response text, as the provider sent it. */
  text: string;
  /**
   * A JSON Schema, or a whole `response_format` object (any of the request's spellings). Without it
   * the text is healed as `json_object` (syntax only).
   */
  schema?: unknown;
  mode?: string;
  /** Default `stop`; `length` reproduces the truncation rule. */
  finishReason?: string;
}

/** What the command prints: the execution record and the text the gateway would send on. */
export interface HealCommandRecord {
  execution: PluginExecution;
  text: string;
  value?: unknown;
}

export type HealCommandResult =
  /** 0: healed or already valid; 1: healing failed. */
  | { exitCode: 0 | 1; record: HealCommandRecord; output: string }
  /** 2: the input is unusable (bad mode, finish reason or schema); `output` says why. */
  | { exitCode: 2; output: string };

/**
 * Runs one heal. `output` is pretty JSON (or a usage error), ending in a newline.
 *
 * @example
 * const result = runHealCommand({ text: readFileSync(file, "utf8"), schema: JSON.parse(schemaText), mode: "extended" });
 * process.stdout.write(result.output);
 * process.exitCode = result.exitCode;
 */
export function runHealCommand(input: HealCommandInput): HealCommandResult {
  const mode = input.mode ?? DEFAULT_HEALING_MODE;
  if (!isHealingMode(mode)) return usage(`--mode must be one of ${HEALING_MODES.join(", ")} (got "${mode}")`);
  const finishReason = input.finishReason ?? "stop";
  if (!isFinishReason(finishReason)) return usage(`--finish-reason must be one of ${FINISH_REASONS.join(", ")} (got "${finishReason}")`);
  const format = toResponseFormat(input.schema);
  if (typeof format === "string") return usage(format);
  const healed = healResponse({ text: input.text, finishReason, responseFormat: format, mode, streaming: false });
  const record: HealCommandRecord = { execution: healed.execution, text: healed.text };
  if (healed.value !== undefined) record.value = healed.value;
  return { exitCode: healingSucceeded(healed.execution) ? 0 : 1, record, output: `${JSON.stringify(record, null, 2)}\n` };
}

function toResponseFormat(schema: unknown): ResponseFormat | string {
  if (schema === undefined) return { type: "json_object" };
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return "the schema must be a JSON object";
  const type = (schema as Record<string, unknown>)["type"];
  const looksLikeFormat = type === "json_schema" || type === "json_object";
  const parsed = responseFormatSchema.safeParse(looksLikeFormat ? schema : { type: "json_schema", name: "schema", schema });
  if (parsed.success) return parsed.data;
  return `invalid schema: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`;
}

function usage(message: string): HealCommandResult {
  return { exitCode: 2, output: `gateway-sim heal: ${message}\n` };
}

function isFinishReason(reason: string): reason is FinishReason {
  return (FINISH_REASONS as readonly string[]).includes(reason);
}
