// Responses success bodies: the `response` object and its typed stream (`response.created` …
// `response.output_text.delta` … `response.completed`), each event with its `sequence_number`.
import type { SseEvent } from "../../../core/sse.js";
import type { FakeAnswer, StreamEvents } from "../types.js";
import { openAiErrorObject } from "../openai-chat/errors.js";

type Status = "completed" | "incomplete" | "in_progress";

function usageOf(answer: FakeAnswer) {
  if (!answer.usage) return null;
  return {
    input_tokens: answer.usage.input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: answer.usage.output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: answer.usage.input + answer.usage.output,
  };
}

/** The item id shares the response id's random part, as OpenAI's do not but stable per answer. */
const itemIdOf = (answer: FakeAnswer) => `msg_${answer.id.slice("resp_".length)}`;

function messageItem(answer: FakeAnswer, text: string, status: Status) {
  return {
    id: itemIdOf(answer),
    type: "message",
    status,
    role: "assistant",
    content: status === "in_progress" ? [] : [{ type: "output_text", text, annotations: [], logprobs: [] }],
  };
}

/**
 * A non-streaming `response`, or its snapshot at a stream's start (`in_progress`, no output).
 *
 * @example
 * openAiResponseBody(answer).output[0].content[0].text;
 */
export function openAiResponseBody(answer: FakeAnswer, status: Status = answer.finishReason === "length" ? "incomplete" : "completed") {
  return {
    id: answer.id,
    object: "response",
    created_at: answer.created,
    status,
    background: false,
    error: null,
    incomplete_details: status === "incomplete" ? { reason: "max_output_tokens" } : null,
    instructions: null,
    max_output_tokens: null,
    model: answer.model,
    output: status === "in_progress" ? [] : [messageItem(answer, answer.text, status)],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    usage: status === "in_progress" ? null : usageOf(answer),
    user: null,
    metadata: {},
  };
}

/** The events of one Responses stream; numbering follows the order the engine asks for them. */
export function openAiResponsesStreamEvents(answer: FakeAnswer): StreamEvents {
  let seq = 0;
  const event = (type: string, payload: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, sequence_number: seq++, ...payload }) });
  const itemId = itemIdOf(answer);
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const final = answer.finishReason === "length" ? "incomplete" : "completed";
  return {
    opening: () => [
      event("response.created", { response: openAiResponseBody(answer, "in_progress") }),
      event("response.in_progress", { response: openAiResponseBody(answer, "in_progress") }),
      event("response.output_item.added", { output_index: 0, item: messageItem(answer, "", "in_progress") }),
      event("response.content_part.added", { ...at, part: { type: "output_text", text: "", annotations: [], logprobs: [] } }),
    ],
    delta: (text) => [event("response.output_text.delta", { ...at, delta: text, logprobs: [] })],
    closing: () => [
      event("response.output_text.done", { ...at, text: answer.text, logprobs: [] }),
      event("response.content_part.done", { ...at, part: { type: "output_text", text: answer.text, annotations: [], logprobs: [] } }),
      event("response.output_item.done", { output_index: 0, item: messageItem(answer, answer.text, final) }),
    ],
    terminator: () => [event(`response.${final}`, { response: openAiResponseBody(answer, final) })],
    error: (errorType) => {
      const error = openAiErrorObject({ kind: "status", status: 500, message: undefined });
      return [event("error", { code: errorType ?? error.type, message: error.message, param: null })];
    },
    malformed: (text) => {
      const whole = event("response.output_text.delta", { ...at, delta: text, logprobs: [] });
      return [{ event: whole.event, data: whole.data.slice(0, Math.floor(whole.data.length / 2)) } as SseEvent];
    },
  };
}
