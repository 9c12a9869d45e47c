// Stream mapper: parsed SSE events of a Messages stream → StreamDelta. The raw bytes were already
// split into events by src/core/sse.ts; this only reads each event's `data`.
//
// Wire shape: message_start, then per block content_block_start / content_block_delta* /
// content_block_stop, ping at any point, message_delta (stop_reason, cumulative usage), message_stop;
// or `event: error` at any point (e.g. overloaded_error after a 200).
import { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { decodeJson, safeParseUpstream, snippet } from "../parse-upstream.js";
import type { FinishReason, StreamDelta } from "../types.js";
import { ANTHROPIC_STREAM_EVENT_TYPES, anthropicStreamEventSchema, type AnthropicStreamEvent } from "./anthropic-messages-api-types.js";
import { anthropicStreamError } from "./anthropic-messages-error.js";
import { anthropicInputTokens } from "./anthropic-messages-usage.js";
import { mapAnthropicStopReason } from "./map-anthropic-stop-reason.js";

const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(ANTHROPIC_STREAM_EVENT_TYPES);

/**
 * A mapper for one stream. The `finish` delta is emitted only at `message_stop` (the reason having
 * come with message_delta), so a caller can tell a complete stream from one cut short. Unknown event
 * types are skipped, as Anthropic's versioning policy asks. After `finish` or `error`, nothing more.
 *
 * @example
 * const map = createAnthropicMessagesStreamMapper();
 * map({ event: "message_stop", data: '{"type":"message_stop"}' }); // [{ type: "finish", finishReason: "other" }]
 */
export function createAnthropicMessagesStreamMapper(): (event: SseEvent) => StreamDelta[] {
  let ended = false;
  let finishReason: FinishReason | undefined;

  function mapEvent(event: AnthropicStreamEvent): StreamDelta[] {
    switch (event.type) {
      case "message_start": {
        const { id, model, usage } = event.message;
        return [
          { type: "start", id, model },
          { type: "usage", usage: { inputTokens: anthropicInputTokens(usage) } },
        ];
      }
      case "content_block_start":
        return event.content_block.type === "text" && typeof event.content_block.text === "string" && event.content_block.text !== "" ? [{ type: "text", text: event.content_block.text }] : [];
      case "content_block_delta":
        return event.delta.type === "text_delta" && typeof event.delta.text === "string" && event.delta.text !== "" ? [{ type: "text", text: event.delta.text }] : [];
      case "message_delta": {
        if (event.delta.stop_reason != null) finishReason = mapAnthropicStopReason(event.delta.stop_reason);
        const { usage } = event;
        return [
          {
            type: "usage",
            usage:
              usage.input_tokens != null
                ? { inputTokens: anthropicInputTokens({ ...usage, input_tokens: usage.input_tokens }), outputTokens: usage.output_tokens }
                : { outputTokens: usage.output_tokens },
          },
        ];
      }
      case "message_stop":
        ended = true;
        return [{ type: "finish", finishReason: finishReason ?? "other" }];
      case "error":
        ended = true;
        return [{ type: "error", error: anthropicStreamError(event.error) }];
      case "content_block_stop":
      case "ping":
        return [];
    }
  }

  return function mapAnthropicMessagesEvent(event: SseEvent): StreamDelta[] {
    if (ended) return [];
    const json = decodeJson(event.data);
    if (!json.ok) {
      ended = true;
      const error = new GatewayError("upstream_invalid_response", `anthropic-messages stream event is not valid JSON: ${snippet(event.data)}`);
      return [{ type: "error", error }];
    }
    const type = typeof json.value === "object" && json.value !== null && "type" in json.value ? json.value.type : undefined;
    if (typeof type === "string" && !KNOWN_EVENT_TYPES.has(type)) return [];
    const parsed = safeParseUpstream(anthropicStreamEventSchema, json.value, `anthropic-messages ${event.event ?? "stream"} event`);
    if (!parsed.ok) {
      ended = true;
      return [{ type: "error", error: parsed.error }];
    }
    return mapEvent(parsed.value);
  };
}
