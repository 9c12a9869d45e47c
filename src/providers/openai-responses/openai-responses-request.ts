// Pure request mapper: UpstreamRequest → POST {baseUrl}/responses.
import type { HttpCall, UpstreamRequest, UpstreamTarget } from "../types.js";
import type { OpenAiResponsesRequestBody } from "./openai-responses-api-types.js";

/**
 * Builds the Responses call. Messages go into `input` with their roles (the API takes system and
 * developer messages there); structured output goes to `text.format`. The Responses API has no
 * stop sequences, so `stop` is not sent (the gateway's own request schema documents this loss).
 * `store: false`: a gateway must not leave a copy of every answer at the provider.
 *
 * @example
 * const call = buildOpenAiResponsesRequest({ model: "gpt-5.4-nano", messages, stream: true }, { baseUrl, apiKey });
 */
export function buildOpenAiResponsesRequest(request: UpstreamRequest, target: UpstreamTarget): HttpCall {
  const format = request.responseFormat;
  const body: OpenAiResponsesRequestBody = {
    model: request.model,
    instructions: request.instructions,
    input: request.messages.map((m) => ({ role: m.role, content: m.content })),
    temperature: request.temperature,
    top_p: request.topP,
    max_output_tokens: request.maxOutputTokens,
    text:
      format?.type === "json_schema"
        ? { format: { type: "json_schema", name: format.name, schema: format.schema, strict: format.strict, description: format.description } }
        : format?.type === "json_object"
          ? { format: { type: "json_object" } }
          : undefined,
    stream: request.stream ? true : undefined,
    store: false,
  };
  return {
    url: `${target.baseUrl.replace(/\/+$/, "")}/responses`,
    init: { method: "POST", headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) },
  };
}
