import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import type { FakeAnswer, FakeChatRequest } from "../types.js";
import { openAiCompletionBody, openAiStreamEvents } from "./bodies.js";
import { formatOpenAiReset, openAiChatWire } from "./wire.js";

const headers = new Headers();
const parse = (body: unknown) => openAiChatWire.parseRequest(body, headers);
const errorOf = (body: unknown) => {
  const result = parse(body);
  if (result.ok) throw new Error("expected a validation error");
  return openAiChatWire.errorReply(result.error, "req_1");
};
const base = { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Hello there" }] };
const answer: FakeAnswer = { id: "chatcmpl-1", model: "gpt-5.4-nano", created: 1, text: "Hi!", finishReason: "stop", usage: { input: 3, output: 1 }, fingerprint: "fp_1" };

describe("openAiChatWire.parseRequest", () => {
  it("normalises a json_schema request", () => {
    const schema = { type: "object", properties: {} };
    const result = parse({
      ...base,
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
      response_format: { type: "json_schema", json_schema: { name: "out", schema, strict: true } },
    });
    expect(result).toEqual({
      ok: true,
      request: { model: "gpt-5.4-nano", stream: true, includeUsage: true, maxTokens: 50, format: { type: "json_schema", schema }, inputText: `Hello there${JSON.stringify(schema)}`, messageCount: 1 },
    });
  });

  it("answers OpenAI's own 400 wording", () => {
    expect(errorOf({ model: "gpt-5.4-nano" })).toEqual({
      status: 400,
      headers: { "content-type": "application/json", "x-request-id": "req_1" },
      body: { error: { message: "Missing required parameter: 'messages'.", type: "invalid_request_error", param: "messages", code: "missing_required_parameter" } },
    });
    expect(errorOf({ ...base, temperature: "hot" }).body).toMatchObject({ error: { message: "Invalid type for 'temperature': expected a decimal, but got a string instead.", code: "invalid_type" } });
    expect(errorOf({ ...base, frobnicate: 1 }).body).toMatchObject({ error: { message: "Unrecognized request argument supplied: frobnicate", param: null } });
    expect(errorOf({ ...base, messages: [] }).body).toMatchObject({ error: { code: "empty_array", param: "messages" } });
    expect(errorOf({ ...base, stream_options: { include_usage: true } }).body).toMatchObject({ error: { param: "stream_options" } });
  });
});

describe("openAiChatWire bodies", () => {
  it("builds a chat.completion the SDK type accepts", () => {
    const body: ChatCompletion = openAiCompletionBody(answer);
    expect(body).toMatchObject({
      object: "chat.completion",
      choices: [{ message: { role: "assistant", content: "Hi!" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    });
  });

  it("streams role, deltas, finish, usage and [DONE]", () => {
    const request = { includeUsage: true } as FakeChatRequest;
    const events = openAiStreamEvents(answer, request);
    const all = [...events.opening(), ...events.delta("Hi"), ...events.delta("!"), ...events.closing(), ...events.terminator()];
    expect(all.at(-1)).toEqual({ data: "[DONE]" });
    const chunks = all.slice(0, -1).map((e) => JSON.parse(e.data) as ChatCompletionChunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? null)).toEqual(["", "Hi", "!", null, null]);
    expect(chunks[3]?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks[4]).toMatchObject({ choices: [], usage: { total_tokens: 4 } });
    expect(chunks.slice(0, 4).every((c) => c.usage === null)).toBe(true);
  });

  it("leaves usage out of the stream without include_usage", () => {
    const events = openAiStreamEvents(answer, { includeUsage: false } as FakeChatRequest);
    expect(events.closing()).toHaveLength(1);
    expect(JSON.parse(events.closing()[0]!.data)).not.toHaveProperty("usage");
  });
});

describe("rate-limit headers", () => {
  it("formats resets the way OpenAI does", () => {
    expect(formatOpenAiReset(20)).toBe("20ms");
    expect(formatOpenAiReset(1500)).toBe("1.5s");
    expect(formatOpenAiReset(360_000)).toBe("6m0s");
    const h = openAiChatWire.rateLimitHeaders({ now: 0, requests: { limit: 60, remaining: 59, resetAt: 1000 }, tokens: undefined });
    expect(h).toEqual({ "x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "59", "x-ratelimit-reset-requests": "1s" });
  });
});
