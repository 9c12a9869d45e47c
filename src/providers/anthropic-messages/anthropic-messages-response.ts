// Pure response mapper: a 2xx `message` body (zod-checked first) → UpstreamResult.
import { parseUpstream } from "../parse-upstream.js";
import type { UpstreamResult } from "../types.js";
import { anthropicMessageSchema } from "./anthropic-messages-api-types.js";
import { anthropicInputTokens } from "./anthropic-messages-usage.js";
import { mapAnthropicStopReason } from "./map-anthropic-stop-reason.js";

/**
 * Maps a message: the text is every `text` block joined in order (thinking and tool blocks are not
 * output text); input tokens include cache reads and writes.
 *
 * @throws GatewayError `upstream_invalid_response` when the body is not a Messages `message`.
 * @example
 * const result = parseAnthropicMessagesResponse(await response.json());
 */
export function parseAnthropicMessagesResponse(body: unknown): UpstreamResult {
  const message = parseUpstream(anthropicMessageSchema, body, "anthropic-messages response");
  return {
    id: message.id,
    model: message.model,
    text: message.content.map((block) => (block.type === "text" && typeof block.text === "string" ? block.text : "")).join(""),
    finishReason: mapAnthropicStopReason(message.stop_reason),
    usage: { inputTokens: anthropicInputTokens(message.usage), outputTokens: message.usage.output_tokens },
  };
}
