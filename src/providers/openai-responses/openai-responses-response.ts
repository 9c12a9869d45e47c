// Pure response mapper: a 2xx `response` body (zod-checked first) → UpstreamResult.
import { parseUpstream } from "../parse-upstream.js";
import type { UpstreamResult } from "../types.js";
import { openAiResponseSchema, type OpenAiResponse } from "./openai-responses-api-types.js";
import { mapOpenAiResponsesStatus } from "./map-openai-responses-status.js";

/** The answer text: every `output_text` part of every message item, in order. */
export function openAiResponseText(response: OpenAiResponse): string {
  let text = "";
  for (const item of response.output) {
    if (item.type !== "message" || !Array.isArray(item.content)) continue;
    for (const part of item.content) if (part.type === "output_text" && typeof part.text === "string") text += part.text;
  }
  return text;
}

/** The mapped result of a parsed response (shared with the stream's final event). */
export function openAiResponseResult(response: OpenAiResponse): UpstreamResult {
  const calledTool = response.output.some((item) => item.type === "function_call");
  return {
    id: response.id,
    model: response.model,
    text: openAiResponseText(response),
    finishReason: mapOpenAiResponsesStatus(response.status, response.incomplete_details?.reason, calledTool),
    usage: { inputTokens: response.usage?.input_tokens ?? 0, outputTokens: response.usage?.output_tokens ?? 0 },
  };
}

/**
 * Maps a `response` body.
 *
 * @throws GatewayError `upstream_invalid_response` when the body is not a Responses `response`.
 * @example
 * const result = parseOpenAiResponsesResponse(await response.json());
 */
export function parseOpenAiResponsesResponse(body: unknown): UpstreamResult {
  return openAiResponseResult(parseUpstream(openAiResponseSchema, body, "openai-responses response"));
}
