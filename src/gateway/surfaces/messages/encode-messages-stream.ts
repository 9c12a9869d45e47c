// Re-encodes the pipeline's Responses event stream as Anthropic Messages events: message_start,
// content_block_start, ping, content_block_delta per text delta, content_block_stop, message_delta
// (stop_reason and usage), message_stop. A failure after the start is the reference's
// `event: error` `{type: "error", error: {message}}` (apps/api/src/protocols/stream/encode.ts:381-388),
// which @anthropic-ai/sdk raises as an APIError.
import type { SseEvent } from "../../../core/sse.js";
import { responsesView } from "../responses-body-view.js";

const event = (type: string, payload: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...payload }) });

const parse = (data: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(data);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
};

/**
 * @example
 * for await (const e of encodeMessagesStream(response.events)) write(e);
 */
export async function* encodeMessagesStream(events: AsyncIterable<SseEvent>): AsyncGenerator<SseEvent> {
  for await (const source of events) {
    const payload = parse(source.data);
    switch (source.event) {
      case "response.created": {
        const response = payload.response as { id?: string; model?: string } | undefined;
        // Input tokens are known only when the provider's stream ends: they come with message_delta.
        const message = {
          id: response?.id ?? "",
          type: "message",
          role: "assistant",
          model: response?.model ?? "",
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 0, output_tokens: 0 },
        };
        yield event("message_start", { message });
        yield event("content_block_start", { index: 0, content_block: { type: "text", text: "", citations: null } });
        yield event("ping", {});
        break;
      }
      case "response.output_text.delta":
        yield event("content_block_delta", { index: 0, delta: { type: "text_delta", text: typeof payload.delta === "string" ? payload.delta : "" } });
        break;
      case "response.completed":
      case "response.incomplete": {
        const view = responsesView(payload.response);
        yield event("content_block_stop", { index: 0 });
        yield event("message_delta", {
          delta: { stop_reason: view?.finishReason === "length" ? "max_tokens" : "end_turn", stop_sequence: null },
          usage: { input_tokens: view?.usage.input ?? 0, output_tokens: view?.usage.output ?? 0 },
        });
        yield event("message_stop", {});
        return;
      }
      case "error":
        yield { event: "error", data: JSON.stringify({ type: "error", error: { message: typeof payload.message === "string" ? payload.message : "stream_error" } }) };
        return;
      default:
        break;
    }
  }
}
