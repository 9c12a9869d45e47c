// Stream mapper: parsed SSE events of a Responses stream → StreamDelta. Wire shape: typed events
// (`response.created`, `response.output_text.delta`, …, `response.completed` or `.incomplete`),
// an `error` event then `response.failed` on a mid-stream failure; no `[DONE]`.
import { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { decodeJson, safeParseUpstream, snippet } from "../parse-upstream.js";
import type { StreamDelta } from "../types.js";
import { openAiChatStreamError } from "../openai-chat/openai-chat-error.js";
import { OPENAI_RESPONSES_EVENT_TYPES, openAiResponsesEventSchema, type OpenAiResponsesEvent } from "./openai-responses-api-types.js";
import { openAiResponseResult } from "./openai-responses-response.js";

const KNOWN: ReadonlySet<string> = new Set(OPENAI_RESPONSES_EVENT_TYPES);

function mapEvent(event: OpenAiResponsesEvent): StreamDelta[] {
  switch (event.type) {
    case "response.created":
      return [{ type: "start", id: event.response.id, model: event.response.model }];
    case "response.output_text.delta":
      return event.delta === "" ? [] : [{ type: "text", text: event.delta }];
    case "response.completed":
    case "response.incomplete": {
      const result = openAiResponseResult(event.response);
      return [
        { type: "usage", usage: result.usage },
        { type: "finish", finishReason: result.finishReason },
      ];
    }
    case "response.failed":
      return [{ type: "error", error: openAiChatStreamError({ message: event.response.error?.message ?? "response failed", type: "server_error", code: event.response.error?.code }) }];
    case "error":
      return [{ type: "error", error: openAiChatStreamError({ message: event.message, type: event.code ?? "server_error", code: event.code, param: event.param }) }];
  }
}

/**
 * A mapper for one stream; `finish` comes only with the terminal `response.completed`/`.incomplete`,
 * so a stream cut short has none. After `finish` or `error`, nothing more.
 *
 * @example
 * const map = createOpenAiResponsesStreamMapper();
 * map({ event: "response.output_text.delta", data: '{"type":"response.output_text.delta","delta":"Hi"}' }); // [{ type: "text", text: "Hi" }]
 */
export function createOpenAiResponsesStreamMapper(): (event: SseEvent) => StreamDelta[] {
  let ended = false;
  return function mapOpenAiResponsesEvent(event: SseEvent): StreamDelta[] {
    if (ended) return [];
    const json = decodeJson(event.data);
    if (!json.ok) {
      ended = true;
      return [{ type: "error", error: new GatewayError("upstream_invalid_response", `openai-responses stream event is not valid JSON: ${snippet(event.data)}`) }];
    }
    const type = typeof json.value === "object" && json.value !== null && "type" in json.value ? json.value.type : undefined;
    if (typeof type === "string" && !KNOWN.has(type)) return [];
    const parsed = safeParseUpstream(openAiResponsesEventSchema, json.value, `openai-responses ${event.event ?? "stream"} event`);
    const deltas = parsed.ok ? mapEvent(parsed.value) : [{ type: "error" as const, error: parsed.error }];
    if (deltas.some((d) => d.type === "finish" || d.type === "error")) ended = true;
    return deltas;
  };
}
