import type { Message, RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import type { FakeAnswer } from "../types.js";
import { anthropicMessageBody, anthropicStreamEvents } from "./bodies.js";
import { anthropicMessagesWire } from "./wire.js";

const headers = new Headers({ "anthropic-version": "2023-06-01" });
const base = { model: "claude-opus-4-6", max_tokens: 200, messages: [{ role: "user", content: "Hello" }] };
const errorOf = (body: unknown, h = headers) => {
  const result = anthropicMessagesWire.parseRequest(body, h);
  if (result.ok) throw new Error("expected a validation error");
  return anthropicMessagesWire.errorReply(result.error, "req_1").body;
};
const answer: FakeAnswer = { id: "msg_01", model: "claude-opus-4-6", created: 1, text: "Hi!", finishReason: "length", usage: { input: 2, output: 1 }, fingerprint: "" };

describe("anthropicMessagesWire", () => {
  it("requires the key and the version header", () => {
    expect(anthropicMessagesWire.checkHeaders(new Headers(), "k")).toEqual({ kind: "missing_key" });
    expect(anthropicMessagesWire.checkHeaders(new Headers({ "x-api-key": "x" }), "k")).toEqual({ kind: "wrong_key", key: "x" });
    expect(anthropicMessagesWire.checkHeaders(new Headers({ "x-api-key": "k" }), "k")).toEqual({ kind: "missing_version" });
    expect(anthropicMessagesWire.checkHeaders(headers, undefined)).toBeUndefined();
    const bearer = new Headers({ authorization: "Bearer k", "anthropic-version": "2023-06-01" });
    expect(anthropicMessagesWire.checkHeaders(bearer, "k")).toBeUndefined();
  });

  it("reads structured output from output_config.format, and the beta spelling only with its header", () => {
    const schema = { type: "object" };
    const parsed = anthropicMessagesWire.parseRequest({ ...base, system: "Be brief", output_config: { format: { type: "json_schema", schema } } }, headers);
    expect(parsed).toMatchObject({ ok: true, request: { format: { type: "json_schema", schema }, maxTokens: 200, includeUsage: true, inputText: `Be brief\nHello${JSON.stringify(schema)}` } });
    expect(errorOf({ ...base, output_format: { type: "json_schema", schema } })).toMatchObject({ error: { message: "output_format: Extra inputs are not permitted" } });
    const beta = new Headers({ "anthropic-version": "2023-06-01", "anthropic-beta": "structured-outputs-2025-11-13" });
    expect(anthropicMessagesWire.parseRequest({ ...base, output_format: { type: "json_schema", schema } }, beta).ok).toBe(true);
  });

  it("answers Anthropic's own 400 wording", () => {
    expect(errorOf({ model: "claude-opus-4-6", messages: base.messages })).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: "max_tokens: Field required" },
      request_id: "req_1",
    });
    expect(errorOf({ ...base, extra: true })).toMatchObject({ error: { message: "extra: Extra inputs are not permitted" } });
    expect(errorOf({ ...base, max_tokens: 0 })).toMatchObject({ error: { message: "max_tokens: Input should be greater than or equal to 1" } });
  });

  it("uses 529 overloaded_error and the per-status error types", () => {
    expect(anthropicMessagesWire.errorReply({ kind: "overloaded" }, "r")).toMatchObject({ status: 529, body: { error: { type: "overloaded_error", message: "Overloaded" } } });
    expect(anthropicMessagesWire.errorReply({ kind: "status", status: 500, message: undefined }, "r").body).toMatchObject({ error: { type: "api_error" } });
    expect(anthropicMessagesWire.errorReply({ kind: "status", status: 429, message: undefined }, "r").body).toMatchObject({ error: { type: "rate_limit_error" } });
  });

  it("builds a message with the SDK's field names", () => {
    const body: Pick<Message, "id" | "type" | "role" | "model" | "content" | "stop_reason" | "stop_sequence" | "stop_details" | "container"> = anthropicMessageBody(answer);
    expect(body).toMatchObject({ id: "msg_01", type: "message", role: "assistant", stop_reason: "max_tokens", stop_sequence: null });
  });

  it("streams the full event sequence with usage in message_start and message_delta", () => {
    const events = anthropicStreamEvents(answer);
    const all = [...events.opening(), ...events.delta("Hi!"), ...events.closing(), ...events.terminator()];
    expect(all.map((e) => e.event)).toEqual(["message_start", "content_block_start", "ping", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
    const parsed = all.map((e) => JSON.parse(e.data) as RawMessageStreamEvent | { type: "ping" });
    expect(parsed.map((p) => p.type)).toEqual(all.map((e) => e.event));
    expect(parsed[0]).toMatchObject({ message: { usage: { input_tokens: 2, output_tokens: 1 } } });
    expect(parsed[5]).toMatchObject({ delta: { stop_reason: "max_tokens" }, usage: { output_tokens: 1 } });
    expect(events.error(undefined)).toEqual([{ event: "error", data: JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }) }]);
  });
});
