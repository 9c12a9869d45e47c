// OpenAI's finish_reason values mapped to the gateway's; anything unknown (or null) is "other".
import type { FinishReason } from "../types.js";

/** Every finish_reason the Chat Completions API documents. */
export const OPENAI_CHAT_FINISH_REASONS = {
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
  tool_calls: "tool_calls",
  // The deprecated single-function form of tool calling.
  function_call: "tool_calls",
} as const satisfies Record<string, FinishReason>;

/**
 * Maps an OpenAI finish_reason.
 *
 * @example
 * mapOpenAiChatFinishReason("function_call"); // "tool_calls"
 */
export function mapOpenAiChatFinishReason(reason: string | null | undefined): FinishReason {
  if (reason != null && Object.hasOwn(OPENAI_CHAT_FINISH_REASONS, reason)) {
    return OPENAI_CHAT_FINISH_REASONS[reason as keyof typeof OPENAI_CHAT_FINISH_REASONS];
  }
  return "other";
}
