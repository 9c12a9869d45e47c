// Bedrock Converse stopReason values mapped to the gateway's finish reasons; unknown is "other".
import type { FinishReason } from "../types.js";

/** Every StopReason of the Converse API (SDK enum `StopReason`). */
export const BEDROCK_STOP_REASONS = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  guardrail_intervened: "content_filter",
  content_filtered: "content_filter",
  tool_use: "tool_calls",
  malformed_model_output: "other",
  malformed_tool_use: "other",
} as const satisfies Record<string, FinishReason>;

/**
 * Maps a Converse stopReason.
 *
 * @example
 * mapBedrockStopReason("max_tokens"); // "length"
 */
export function mapBedrockStopReason(reason: string | undefined): FinishReason {
  if (reason !== undefined && Object.hasOwn(BEDROCK_STOP_REASONS, reason)) return BEDROCK_STOP_REASONS[reason as keyof typeof BEDROCK_STOP_REASONS];
  return "other";
}
