// Pure response mapper: a 2xx `chat.completion` body (zod-checked first) → UpstreamResult.
import { parseUpstream } from "../parse-upstream.js";
import type { UpstreamResult } from "../types.js";
import { openAiChatResponseSchema } from "./openai-chat-api-types.js";
import { mapOpenAiChatFinishReason } from "./map-openai-chat-finish-reason.js";
import { isChatCompletion } from "./openai-chat-shape-check.js";

/**
 * Maps the first choice. A refusal (structured outputs: `content` null, `refusal` set) becomes the text
 * with finish reason `content_filter`, as Anthropic's `refusal` stop reason does. Missing `usage`
 * (some compatible providers omit it) counts as zero tokens.
 *
 * @throws GatewayError `upstream_invalid_response` when the body is not a chat.completion.
 * @example
 * const result = parseOpenAiChatResponse(await response.json());
 */
export function parseOpenAiChatResponse(body: unknown): UpstreamResult {
  // The common well-formed answer is checked by hand; anything else gets the schema and its error.
  const response = isChatCompletion(body) ? body : parseUpstream(openAiChatResponseSchema, body, "openai-chat response");
  const { message, finish_reason } = response.choices[0];
  const refused = message.content === null && message.refusal != null;
  return {
    id: response.id,
    model: response.model,
    text: message.content ?? message.refusal ?? "",
    finishReason: refused ? "content_filter" : mapOpenAiChatFinishReason(finish_reason),
    usage: {
      inputTokens: response.usage?.prompt_tokens ?? 0,
      outputTokens: response.usage?.completion_tokens ?? 0,
    },
  };
}
