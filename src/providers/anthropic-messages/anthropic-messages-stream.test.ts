import { describe, expect, it } from "vitest";
import { SseParser, type SseEvent } from "../../core/sse.js";
import { fixtureEvents, fixtureText, splitEvery } from "../__fixtures__/fixtures.js";
import type { StreamDelta } from "../types.js";
import { createAnthropicMessagesStreamMapper } from "./anthropic-messages-stream.js";

function mapAll(events: SseEvent[]): StreamDelta[] {
  const map = createAnthropicMessagesStreamMapper();
  return events.flatMap((event) => map(event));
}

const event = (name: string, data: Record<string, unknown>): SseEvent => ({ event: name, data: JSON.stringify({ type: name, ...data }) });

describe("createAnthropicMessagesStreamMapper", () => {
  it("maps the recorded stream; the finish comes at message_stop", () => {
    expect(mapAll(fixtureEvents("anthropic-messages", "stream-basic.sse"))).toEqual([
      { type: "start", id: "msg_01Jp3Vx8WqRt5Nc2ZbYk7HmL", model: "claude-sonnet-4-6" },
      { type: "usage", usage: { inputTokens: 19 } },
      ...["The capital", " of France", " is Paris", "."].map((text) => ({ type: "text", text })),
      { type: "usage", usage: { inputTokens: 19, outputTokens: 10 } },
      { type: "finish", finishReason: "stop" },
    ]);
  });

  it("gives the same deltas whatever the network chunking", () => {
    const transcript = fixtureText("anthropic-messages", "stream-basic.sse");
    const expected = mapAll(fixtureEvents("anthropic-messages", "stream-basic.sse"));
    for (const size of [1, 5, 50, 401]) {
      const parser = new SseParser();
      const map = createAnthropicMessagesStreamMapper();
      expect(splitEvery(transcript, size).flatMap((piece) => parser.push(piece).flatMap((e) => map(e)))).toEqual(expected);
    }
  });

  it("skips thinking and signature deltas and maps max_tokens to length", () => {
    const deltas = mapAll(fixtureEvents("anthropic-messages", "stream-thinking.sse"));
    expect(deltas.filter((d) => d.type === "text")).toEqual([
      { type: "text", text: '{"city":' },
      { type: "text", text: '"Paris"}' },
    ]);
    expect(deltas.at(-1)).toEqual({ type: "finish", finishReason: "length" });
  });

  it("maps `event: error` overloaded_error to a retryable 529 error delta, and nothing after it", () => {
    const map = createAnthropicMessagesStreamMapper();
    const deltas = fixtureEvents("anthropic-messages", "stream-overloaded.sse").flatMap((e) => map(e));
    const last = deltas.at(-1);
    expect(last?.type).toBe("error");
    if (last?.type !== "error") return;
    expect(last.error.upstreamStatus).toBe(529);
    expect(last.error.isRetryable).toBe(true);
    expect(last.error.message).toBe("Overloaded");
    expect(map(event("message_stop", {}))).toEqual([]);
  });

  it("has no finish when the stream stops before message_stop", () => {
    const events = fixtureEvents("anthropic-messages", "stream-basic.sse");
    expect(mapAll(events.slice(0, -1)).some((d) => d.type === "finish")).toBe(false);
  });

  it("ignores event types it does not know, and pings", () => {
    const map = createAnthropicMessagesStreamMapper();
    expect(map(event("ping", {}))).toEqual([]);
    expect(map(event("content_block_stop", { index: 0 }))).toEqual([]);
    expect(map(event("message_annotation", { whatever: [1, 2] }))).toEqual([]);
  });

  it("emits text carried by content_block_start itself", () => {
    const map = createAnthropicMessagesStreamMapper();
    expect(map(event("content_block_start", { index: 0, content_block: { type: "text", text: "Hi" } }))).toEqual([{ type: "text", text: "Hi" }]);
  });

  it("counts cache tokens in the input of message_start", () => {
    const map = createAnthropicMessagesStreamMapper();
    const start = event("message_start", {
      message: { id: "msg_1", model: "claude-haiku-4-5", usage: { input_tokens: 5, cache_read_input_tokens: 1000, cache_creation_input_tokens: 20, output_tokens: 1 } },
    });
    expect(map(start)).toEqual([
      { type: "start", id: "msg_1", model: "claude-haiku-4-5" },
      { type: "usage", usage: { inputTokens: 1025 } },
    ]);
  });

  it.each([
    ["malformed JSON", { event: "content_block_delta", data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"He' }, "not valid JSON"],
    ["a text delta without text", event("content_block_delta", { index: 0, delta: { type: "text_delta" } }), "does not match the wire format"],
    ["a message_delta without usage", event("message_delta", { delta: { stop_reason: "end_turn" } }), "does not match the wire format"],
  ])("turns %s into upstream_invalid_response", (_label, sse, message) => {
    const map = createAnthropicMessagesStreamMapper();
    const [delta, ...rest] = map(sse);
    expect(rest).toEqual([]);
    expect(delta?.type === "error" && delta.error.code).toBe("upstream_invalid_response");
    expect(delta?.type === "error" && delta.error.message).toContain(message);
    expect(map(event("message_stop", {}))).toEqual([]);
  });
});
