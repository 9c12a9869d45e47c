// Messages success bodies: the `message` object and the stream message_start → content_block_start
// → ping → content_block_delta… → content_block_stop → message_delta → message_stop.
import type { SseEvent } from "../../../core/sse.js";
import type { FakeAnswer, StreamEvents } from "../types.js";
import { anthropicErrorForStatus } from "./errors.js";

const STOP_REASONS = { stop: "end_turn", length: "max_tokens" } as const;

function usageOf(answer: FakeAnswer, outputTokens: number) {
  if (!answer.usage) return undefined;
  return {
    input_tokens: answer.usage.input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

function messageShell(answer: FakeAnswer) {
  return { id: answer.id, type: "message" as const, role: "assistant" as const, model: answer.model, container: null, stop_details: null, stop_sequence: null };
}

/**
 * A non-streaming `message`.
 *
 * @example
 * anthropicMessageBody(answer).content[0].text;
 */
export function anthropicMessageBody(answer: FakeAnswer) {
  return {
    ...messageShell(answer),
    content: [{ type: "text" as const, text: answer.text, citations: null }],
    stop_reason: STOP_REASONS[answer.finishReason],
    usage: usageOf(answer, answer.usage?.output ?? 0),
  };
}

const event = (type: string, payload: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...payload }) });

/** The events of one Messages stream. */
export function anthropicStreamEvents(answer: FakeAnswer): StreamEvents {
  const delta = (text: string) => event("content_block_delta", { index: 0, delta: { type: "text_delta", text } });
  return {
    opening: () => [
      // Anthropic reports one output token at the start and the total in message_delta.
      event("message_start", { message: { ...messageShell(answer), content: [], stop_reason: null, usage: usageOf(answer, 1) } }),
      event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
      event("ping", {}),
    ],
    delta: (text) => [delta(text)],
    closing: () => {
      const usage = usageOf(answer, answer.usage?.output ?? 0);
      return [
        event("content_block_stop", { index: 0 }),
        event("message_delta", {
          delta: { stop_reason: STOP_REASONS[answer.finishReason], stop_sequence: null, stop_details: null },
          ...(usage ? { usage: { input_tokens: usage.input_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: usage.output_tokens } } : {}),
        }),
      ];
    },
    terminator: () => [event("message_stop", {})],
    error: (errorType) => {
      const known = anthropicErrorForStatus(529);
      return [event("error", { error: { type: errorType ?? known.type, message: errorType ? "Internal server error" : known.message } })];
    },
    malformed: (text) => {
      const whole = delta(text);
      return [{ ...whole, data: whole.data.slice(0, Math.floor(whole.data.length / 2)) }];
    },
  };
}
