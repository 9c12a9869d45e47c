// A Responses `status` (and `incomplete_details.reason`) mapped to the gateway's finish reasons.
import type { FinishReason } from "../types.js";

/** Why a response is `incomplete`, as the API documents it. */
export const OPENAI_INCOMPLETE_REASONS = {
  max_output_tokens: "length",
  content_filter: "content_filter",
} as const satisfies Record<string, FinishReason>;

/**
 * Maps a response's status; a function call in the output makes a complete answer `tool_calls`.
 *
 * @example
 * mapOpenAiResponsesStatus("incomplete", "max_output_tokens", false); // "length"
 */
export function mapOpenAiResponsesStatus(status: string, incompleteReason: string | null | undefined, calledTool: boolean): FinishReason {
  if (status === "completed") return calledTool ? "tool_calls" : "stop";
  if (status === "incomplete" && incompleteReason != null && Object.hasOwn(OPENAI_INCOMPLETE_REASONS, incompleteReason)) {
    return OPENAI_INCOMPLETE_REASONS[incompleteReason as keyof typeof OPENAI_INCOMPLETE_REASONS];
  }
  return "other";
}
