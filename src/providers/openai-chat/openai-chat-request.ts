// Pure request mapper: UpstreamRequest → POST {baseUrl}/chat/completions.
import type { HttpCall, ResponseFormat, UpstreamRequest } from "../types.js";
import type { OpenAiChatRequestBody } from "./openai-chat-api-types.js";

/**
 * Builds the Chat Completions call. The gateway's instructions become a leading `system` message.
 * Output length is sent as `max_completion_tokens`: `max_tokens` is deprecated for this endpoint and
 * rejected by OpenAI's reasoning models.
 *
 * @example
 * const call = buildOpenAiChatRequest({ model: "gpt-5.4-nano", messages, stream: false }, { baseUrl, apiKey });
 */
export function buildOpenAiChatRequest(request: UpstreamRequest, target: { baseUrl: string; apiKey: string }): HttpCall {
  const body: OpenAiChatRequestBody = {
    model: request.model,
    // The request's own array when there is no system message to put first: the body is only stringified.
    messages: request.instructions ? [{ role: "system", content: request.instructions }, ...request.messages] : request.messages,
    temperature: request.temperature,
    top_p: request.topP,
    max_completion_tokens: request.maxOutputTokens,
    stop: request.stop && request.stop.length > 0 ? request.stop : undefined,
    response_format: mapResponseFormat(request.responseFormat),
  };
  if (request.stream) {
    // Without include_usage a streamed answer carries no token counts at all. (Assigned after the
    // literal, these two keys still come last in the JSON, as the wire tests expect.)
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  const { baseUrl } = target;
  return {
    url: `${baseUrl.endsWith("/") ? baseUrl.replace(/\/+$/, "") : baseUrl}/chat/completions`,
    init: {
      method: "POST",
      headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  };
}

function mapResponseFormat(format: ResponseFormat | undefined): OpenAiChatRequestBody["response_format"] {
  switch (format?.type) {
    case undefined:
    case "text":
      // Plain text is the default: sending {type:"text"} would only lengthen the body.
      return undefined;
    case "json_object":
      return { type: "json_object" };
    case "json_schema":
      return {
        type: "json_schema",
        json_schema: { name: format.name, description: format.description, schema: format.schema, strict: format.strict },
      };
  }
}
