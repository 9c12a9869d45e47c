// Gemini finishReason values mapped to the gateway's finish reasons; unknown or absent is "other".
import type { FinishReason } from "../types.js";

/** Every FinishReason the Gemini API documents. */
export const GEMINI_FINISH_REASONS = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  LANGUAGE: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
  MALFORMED_FUNCTION_CALL: "other",
  UNEXPECTED_TOOL_CALL: "other",
  OTHER: "other",
  FINISH_REASON_UNSPECIFIED: "other",
} as const satisfies Record<string, FinishReason>;

/**
 * Maps a Gemini finishReason.
 *
 * @example
 * mapGeminiFinishReason("MAX_TOKENS"); // "length"
 */
export function mapGeminiFinishReason(reason: string | undefined): FinishReason {
  if (reason !== undefined && Object.hasOwn(GEMINI_FINISH_REASONS, reason)) return GEMINI_FINISH_REASONS[reason as keyof typeof GEMINI_FINISH_REASONS];
  return "other";
}
