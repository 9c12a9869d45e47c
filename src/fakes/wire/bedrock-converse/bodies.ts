// Converse success bodies: the ConverseResponse, and the ConverseStream events (messageStart,
// contentBlockDelta, contentBlockStop, messageStop, metadata) framed as event-stream messages.
import { encodeEventMessage } from "../../../core/event-stream/encode-event-message.js";
import type { SseEvent } from "../../../core/sse.js";
import type { FakeAnswer, StreamEvents } from "../types.js";
import { bedrockException } from "./errors.js";

const stopOf = (answer: FakeAnswer) => (answer.finishReason === "length" ? "max_tokens" : "end_turn");

function usageOf(answer: FakeAnswer) {
  // Bedrock always reports usage; the wrong_usage "omit" fault reports zeros instead.
  const usage = answer.usage ?? { input: 0, output: 0 };
  return { inputTokens: usage.input, outputTokens: usage.output, totalTokens: usage.input + usage.output };
}

/**
 * A ConverseResponse.
 *
 * @example
 * bedrockConverseBody(answer).output.message.content[0].text;
 */
export function bedrockConverseBody(answer: FakeAnswer) {
  return {
    output: { message: { role: "assistant", content: [{ text: answer.text }] } },
    stopReason: stopOf(answer),
    usage: usageOf(answer),
    metrics: { latencyMs: 0 },
  };
}

/** The events of one ConverseStream; an exception is an event named after it (e.g. `throttlingException`). */
export function bedrockStreamEvents(answer: FakeAnswer): StreamEvents {
  const event = (name: string, value: unknown): SseEvent => ({ event: name, data: JSON.stringify(value) });
  return {
    opening: () => [event("messageStart", { role: "assistant" })],
    delta: (text) => [event("contentBlockDelta", { contentBlockIndex: 0, delta: { text } })],
    closing: () => [event("contentBlockStop", { contentBlockIndex: 0 }), event("messageStop", { stopReason: stopOf(answer) })],
    terminator: () => [event("metadata", { usage: usageOf(answer), metrics: { latencyMs: 0 } })],
    // Default: the exception Bedrock sends when the model fails mid-stream.
    error: (errorType) => [event(errorType ?? "modelStreamErrorException", { message: bedrockException({ kind: "status", status: 424, message: undefined }).message })],
    malformed: (text) => {
      const whole = JSON.stringify({ contentBlockIndex: 0, delta: { text } });
      return [{ event: "contentBlockDelta", data: whole.slice(0, Math.floor(whole.length / 2)) }];
    },
  };
}

const encoder = new TextEncoder();

/**
 * Frames stream events as event-stream messages: `…Exception` names become exception messages.
 *
 * @example
 * encodeBedrockEvents([{ event: "messageStop", data: '{"stopReason":"end_turn"}' }]);
 */
export function encodeBedrockEvents(events: readonly SseEvent[]): Uint8Array {
  const frames = events.map((e) => {
    const name = e.event ?? "message";
    const headers: Record<string, string> = name.endsWith("Exception")
      ? { ":exception-type": name, ":content-type": "application/json", ":message-type": "exception" }
      : { ":event-type": name, ":content-type": "application/json", ":message-type": "event" };
    return encodeEventMessage({ headers, payload: encoder.encode(e.data) });
  });
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
}
