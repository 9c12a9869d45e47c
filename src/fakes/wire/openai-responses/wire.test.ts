import { describe, expect, it } from "vitest";
import type { FakeAnswer } from "../types.js";
import { openAiResponseBody, openAiResponsesStreamEvents } from "./bodies.js";
import { openAiResponsesWire } from "./wire.js";

const answer: FakeAnswer = { id: "resp_abc", model: "gpt-5.4-nano", created: 1, text: "Hi!", finishReason: "length", usage: { input: 2, output: 1 }, fingerprint: "" };

describe("openAiResponsesWire", () => {
  it("reads input items, instructions, max_output_tokens and text.format", () => {
    const schema = { type: "object" };
    const parsed = openAiResponsesWire.parseRequest(
      {
        model: "m",
        instructions: "Be brief",
        input: [{ role: "user", content: [{ type: "input_text", text: "Hello" }] }],
        max_output_tokens: 64,
        text: { format: { type: "json_schema", name: "x", schema } },
      },
      new Headers(),
    );
    expect(parsed).toMatchObject({ ok: true, request: { maxTokens: 64, format: { type: "json_schema", schema }, inputText: `Be brief\nHello${JSON.stringify(schema)}` } });
  });

  it("answers OpenAI's 400 wording", () => {
    const result = openAiResponsesWire.parseRequest({ model: "m", input: "x", max_output_tokens: 4 }, new Headers());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(openAiResponsesWire.errorReply(result.error, "r")).toMatchObject({ status: 400, body: { error: { type: "invalid_request_error", param: "max_output_tokens" } } });
  });

  it("marks an answer cut at the limit incomplete", () => {
    expect(openAiResponseBody(answer)).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, usage: { input_tokens: 2, output_tokens: 1, total_tokens: 3 } });
  });

  it("numbers every event in order and ends with response.incomplete", () => {
    const events = openAiResponsesStreamEvents(answer);
    const all = [...events.opening(), ...events.delta("Hi!"), ...events.closing(), ...events.terminator()];
    const parsed = all.map((e) => JSON.parse(e.data) as { type: string; sequence_number: number });
    expect(parsed.map((p) => p.sequence_number)).toEqual(all.map((_, i) => i));
    expect(parsed.map((p) => p.type)).toEqual(all.map((e) => e.event));
    expect(all.at(-1)?.event).toBe("response.incomplete");
  });
});
