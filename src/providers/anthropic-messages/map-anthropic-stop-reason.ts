// Anthropic's stop_reason values mapped to the gateway's finish reasons; unknown (or null) is "other".
import type { FinishReason } from "../types.js";

/** Every stop_reason the Messages API documents (SDK `StopReason`). */
export const ANTHROPIC_STOP_REASONS = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  // The context window, not max_tokens, cut the answer: still a truncation to the client.
  model_context_window_exceeded: "length",
  refusal: "content_filter",
  tool_use: "tool_calls",
  // A server tool loop paused the turn; the answer is complete but not a natural stop.
  pause_turn: "other",
} as const satisfies Record<string, FinishReason>;

/**
 * Maps an Anthropic stop_reason.
 *
 * @example
 * mapAnthropicStopReason("max_tokens"); // "length"
 */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  if (reason != null && Object.hasOwn(ANTHROPIC_STOP_REASONS, reason)) {
    return ANTHROPIC_STOP_REASONS[reason as keyof typeof ANTHROPIC_STOP_REASONS];
  }
  return "other";
}
