import { describe, expect, it } from "vitest";
import { SseParser, type SseEvent } from "../../core/sse.js";
import { fixtureEvents, fixtureText, splitEvery } from "../__fixtures__/fixtures.js";
import type { StreamDelta } from "../types.js";
import { createOpenAiChatStreamMapper } from "./openai-chat-stream.js";

function mapAll(events: SseEvent[]): StreamDelta[] {
  const map = createOpenAiChatStreamMapper();
  return events.flatMap((event) => map(event));
}

const chunk = (fields: Record<string, unknown>): SseEvent => ({
  data: JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [], ...fields }),
});

describe("createOpenAiChatStreamMapper", () => {
  it("maps the recorded stream: start, text, usage, then finish at [DONE]", () => {
    expect(mapAll(fixtureEvents("openai-chat", "stream-basic.sse"))).toEqual([
      { type: "start", id: "chatcmpl-CrTD6hYs3kPb9Vz4gWuX8eLqMfNc7", model: "gpt-5.4-nano-2026-03-05" },
      ...["The", " capital", " of", " France", " is", " Paris", "."].map((text) => ({ type: "text", text })),
      { type: "usage", usage: { inputTokens: 24, outputTokens: 8 } },
      { type: "finish", finishReason: "stop" },
    ]);
  });

  it("gives the same deltas whatever the network chunking", () => {
    const transcript = fixtureText("openai-chat", "stream-basic.sse");
    const expected = mapAll(fixtureEvents("openai-chat", "stream-basic.sse"));
    for (const size of [1, 7, 64, 333]) {
      const parser = new SseParser();
      const map = createOpenAiChatStreamMapper();
      const deltas = splitEvery(transcript, size).flatMap((piece) => parser.push(piece).flatMap((event) => map(event)));
      expect(deltas).toEqual(expected);
    }
  });

  it("holds the finish back until [DONE], so a stream cut after finish_reason has no finish", () => {
    const events = fixtureEvents("openai-chat", "stream-basic.sse");
    const deltas = mapAll(events.slice(0, -1));
    expect(deltas.some((d) => d.type === "finish")).toBe(false);
  });

  it("maps an error object sent mid-stream to a retryable error delta, and nothing after it", () => {
    const map = createOpenAiChatStreamMapper();
    const deltas = fixtureEvents("openai-chat", "stream-server-error.sse").flatMap((event) => map(event));
    const last = deltas.at(-1);
    expect(deltas.filter((d) => d.type === "text").map((d) => (d.type === "text" ? d.text : ""))).toEqual(["Once", " upon", " a"]);
    expect(last?.type).toBe("error");
    if (last?.type !== "error") return;
    expect(last.error.code).toBe("upstream_http_error");
    expect(last.error.upstreamStatus).toBe(500);
    expect(last.error.isRetryable).toBe(true);
    expect(last.error.message).toContain("The server had an error");
    expect(map({ data: "[DONE]" })).toEqual([]);
  });

  it("turns a malformed JSON chunk into upstream_invalid_response", () => {
    const map = createOpenAiChatStreamMapper();
    const [delta] = map({ data: '{"id":"chatcmpl-1","choices":[{"delta":{"content":"Hi"' });
    expect(delta?.type).toBe("error");
    if (delta?.type !== "error") return;
    expect(delta.error.code).toBe("upstream_invalid_response");
    expect(delta.error.message).toContain("not valid JSON");
  });

  it("turns a chunk that is not the wire format into upstream_invalid_response", () => {
    const map = createOpenAiChatStreamMapper();
    const [delta] = map(chunk({ choices: [{ index: 0, delta: { content: 7 }, finish_reason: null }] }));
    expect(delta?.type === "error" && delta.error.code).toBe("upstream_invalid_response");
  });

  it("finishes with other when [DONE] came without a finish_reason", () => {
    const map = createOpenAiChatStreamMapper();
    expect(map(chunk({ choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] }))).toHaveLength(2);
    expect(map({ data: "[DONE]" })).toEqual([{ type: "finish", finishReason: "other" }]);
  });

  it("streams a refusal as text and finishes with content_filter", () => {
    const map = createOpenAiChatStreamMapper();
    const deltas = [
      chunk({ choices: [{ index: 0, delta: { role: "assistant", content: null, refusal: "" }, finish_reason: null }] }),
      chunk({ choices: [{ index: 0, delta: { refusal: "I can't help." }, finish_reason: null }] }),
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }),
      { data: "[DONE]" },
    ].flatMap((event) => map(event));
    expect(deltas).toEqual([
      { type: "start", id: "chatcmpl-1", model: "m" },
      { type: "text", text: "I can't help." },
      { type: "finish", finishReason: "content_filter" },
    ]);
  });
});
