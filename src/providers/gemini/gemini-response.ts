// Pure response mapper: a 2xx GenerateContentResponse (zod-checked first) → UpstreamResult.
import { parseUpstream } from "../parse-upstream.js";
import type { TokenUsage, UpstreamResult } from "../types.js";
import { geminiResponseSchema, type GeminiResponse } from "./gemini-api-types.js";
import { mapGeminiFinishReason } from "./map-gemini-finish-reason.js";

/** The text of the first candidate (thought parts are not answer text). */
export function geminiText(response: GeminiResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts.map((p) => (p.thought === true ? "" : (p.text ?? ""))).join("");
}

/** Usage: thinking tokens are billed as output, so they count as output tokens. */
export function geminiUsage(response: GeminiResponse): Partial<TokenUsage> {
  const meta = response.usageMetadata;
  if (!meta) return {};
  const usage: Partial<TokenUsage> = {};
  if (meta.promptTokenCount !== undefined) usage.inputTokens = meta.promptTokenCount;
  if (meta.candidatesTokenCount !== undefined || meta.thoughtsTokenCount !== undefined) usage.outputTokens = (meta.candidatesTokenCount ?? 0) + (meta.thoughtsTokenCount ?? 0);
  return usage;
}

/**
 * Maps a GenerateContentResponse; a prompt blocked before any candidate is an empty `content_filter` answer.
 *
 * @throws GatewayError `upstream_invalid_response` when the body is not the wire format.
 * @example
 * const result = parseGeminiResponse(await response.json());
 */
export function parseGeminiResponse(body: unknown): UpstreamResult {
  const response = parseUpstream(geminiResponseSchema, body, "gemini response");
  const usage = geminiUsage(response);
  const candidate = response.candidates?.[0];
  return {
    id: response.responseId,
    model: response.modelVersion,
    text: geminiText(response),
    finishReason: candidate ? mapGeminiFinishReason(candidate.finishReason) : response.promptFeedback?.blockReason ? "content_filter" : "other",
    usage: { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 },
  };
}
