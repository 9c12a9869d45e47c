// Pure response mapper: a 2xx ConverseResponse (zod-checked first) → UpstreamResult.
import { parseUpstream } from "../parse-upstream.js";
import type { TokenUsage, UpstreamResult } from "../types.js";
import { bedrockConverseResponseSchema, type bedrockUsageSchema } from "./bedrock-converse-api-types.js";
import { mapBedrockStopReason } from "./map-bedrock-stop-reason.js";
import type { z } from "zod";

/** Usage: cache reads and writes are input tokens too. */
export function bedrockUsage(usage: z.infer<typeof bedrockUsageSchema>): TokenUsage {
  return { inputTokens: usage.inputTokens + (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0), outputTokens: usage.outputTokens };
}

/**
 * Maps a ConverseResponse: the text is every text block joined (reasoning and tool blocks are not).
 * Converse bodies carry no response id or model; both stay undefined.
 *
 * @throws GatewayError `upstream_invalid_response` when the body is not a ConverseResponse.
 * @example
 * const result = parseBedrockConverseResponse(await response.json());
 */
export function parseBedrockConverseResponse(body: unknown): UpstreamResult {
  const response = parseUpstream(bedrockConverseResponseSchema, body, "bedrock-converse response");
  return {
    id: undefined,
    model: undefined,
    text: response.output.message.content.map((block) => block.text ?? "").join(""),
    finishReason: mapBedrockStopReason(response.stopReason),
    usage: bedrockUsage(response.usage),
  };
}
