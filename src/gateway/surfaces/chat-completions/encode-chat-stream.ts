// Re-encodes the pipeline's Responses event stream as `chat.completion.chunk` events: a role chunk,
// one chunk per text delta, the finish chunk, a usage chunk when `stream_options.include_usage`,
// then `data: [DONE]`. A failure after the start is the reference's own frame,
// `data: {"object": "error", "message": …}` (apps/api/src/protocols/stream/encode.ts:48-55), then the
// stream ends without `[DONE]`.
import type { SseEvent } from "../../../core/sse.js";
import { responsesView } from "../responses-body-view.js";

const parse = (data: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(data);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
};

/**
 * @example
 * for await (const event of encodeChatStream(response.events, { includeUsage: true })) write(event);
 */
export async function* encodeChatStream(events: AsyncIterable<SseEvent>, options: { includeUsage: boolean }): AsyncGenerator<SseEvent> {
  let head = { id: "", created: 0, model: "" };
  const chunk = (choices: unknown[], usage?: unknown): SseEvent => ({
    data: JSON.stringify({ ...head, object: "chat.completion.chunk", choices, ...(options.includeUsage ? { usage: usage ?? null } : {}) }),
  });
  const choice = (delta: Record<string, unknown>, finish: string | null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });
  for await (const event of events) {
    const payload = parse(event.data);
    switch (event.event) {
      case "response.created": {
        const response = payload.response as { id?: string; created_at?: number; model?: string } | undefined;
        head = { id: response?.id ?? "", created: response?.created_at ?? 0, model: response?.model ?? "" };
        yield chunk([choice({ role: "assistant", content: "" }, null)]);
        break;
      }
      case "response.output_text.delta":
        yield chunk([choice({ content: typeof payload.delta === "string" ? payload.delta : "" }, null)]);
        break;
      case "response.completed":
      case "response.incomplete": {
        const view = responsesView(payload.response);
        yield chunk([choice({}, view?.finishReason ?? "stop")]);
        if (options.includeUsage && view) {
          yield chunk([], { prompt_tokens: view.usage.input, completion_tokens: view.usage.output, total_tokens: view.usage.input + view.usage.output });
        }
        yield { data: "[DONE]" };
        return;
      }
      case "error":
        yield { data: JSON.stringify({ object: "error", message: typeof payload.message === "string" ? payload.message : "stream_error" }) };
        return;
      default:
        break;
    }
  }
}
