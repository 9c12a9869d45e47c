import { describe, expect, it } from "vitest";
import type { UpstreamRequest } from "../types.js";
import { openAiChatRequestSchema } from "./openai-chat-api-types.js";
import { buildOpenAiChatRequest } from "./openai-chat-request.js";

const target = { baseUrl: "https://api.openai.com/v1", apiKey: "sk-test-123" };
const base: UpstreamRequest = { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Capital of France?" }], stream: false };

function bodyOf(request: UpstreamRequest): Record<string, unknown> {
  const body = JSON.parse(buildOpenAiChatRequest(request, target).init.body) as Record<string, unknown>;
  openAiChatRequestSchema.parse(body);
  return body;
}

describe("buildOpenAiChatRequest", () => {
  it("posts to {baseUrl}/chat/completions with a bearer key, tolerating a trailing slash", () => {
    const call = buildOpenAiChatRequest(base, { ...target, baseUrl: "https://api.deepinfra.com/v1/openai/" });
    expect(call.url).toBe("https://api.deepinfra.com/v1/openai/chat/completions");
    expect(call.init.method).toBe("POST");
    expect(call.init.headers).toEqual({ authorization: "Bearer sk-test-123", "content-type": "application/json" });
  });

  it("sends instructions as a leading system message and keeps the other roles in order", () => {
    const body = bodyOf({
      ...base,
      instructions: "Be terse.",
      messages: [
        { role: "developer", content: "Answer in English." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello" },
        { role: "user", content: "Capital of France?" },
      ],
    });
    expect(body.messages).toEqual([
      { role: "system", content: "Be terse." },
      { role: "developer", content: "Answer in English." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello" },
      { role: "user", content: "Capital of France?" },
    ]);
  });

  it("maps sampling parameters and uses max_completion_tokens, never the deprecated max_tokens", () => {
    const body = bodyOf({ ...base, temperature: 0.2, topP: 0.9, maxOutputTokens: 256, stop: ["\n\n", "END"] });
    expect(body).toEqual({
      model: "gpt-5.4-nano",
      messages: [{ role: "user", content: "Capital of France?" }],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 256,
      stop: ["\n\n", "END"],
    });
    expect(body).not.toHaveProperty("max_tokens");
  });

  it("omits unset parameters, an empty stop list and the stream flag of a plain call", () => {
    expect(bodyOf({ ...base, stop: [] })).toEqual({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Capital of France?" }] });
  });

  it("maps json_schema to the nested response_format, keeping strict and description", () => {
    const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false };
    const body = bodyOf({ ...base, responseFormat: { type: "json_schema", name: "city_answer", schema, strict: true, description: "A city" } });
    expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "city_answer", description: "A city", schema, strict: true } });
  });

  it("leaves strict out when the request did not set it", () => {
    const body = bodyOf({ ...base, responseFormat: { type: "json_schema", name: "x", schema: { type: "object" } } });
    expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } });
  });

  it("maps json_object as is and leaves the default text format out", () => {
    expect(bodyOf({ ...base, responseFormat: { type: "json_object" } }).response_format).toEqual({ type: "json_object" });
    expect(bodyOf({ ...base, responseFormat: { type: "text" } })).not.toHaveProperty("response_format");
  });

  it("asks a stream for its usage chunk", () => {
    const body = bodyOf({ ...base, stream: true });
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it("writes the body's keys in one fixed order, stream keys last (the bytes a provider and a journal see)", () => {
    const text = buildOpenAiChatRequest({ ...base, instructions: "Be terse.", temperature: 0.2, maxOutputTokens: 64, stop: ["END"], responseFormat: { type: "json_object" }, stream: true }, target)
      .init.body;
    expect(text).toBe(
      '{"model":"gpt-5.4-nano","messages":[{"role":"system","content":"Be terse."},{"role":"user","content":"Capital of France?"}],' +
        '"temperature":0.2,"max_completion_tokens":64,"stop":["END"],"response_format":{"type":"json_object"},"stream":true,"stream_options":{"include_usage":true}}',
    );
    expect(buildOpenAiChatRequest(base, target).init.body).toBe('{"model":"gpt-5.4-nano","messages":[{"role":"user","content":"Capital of France?"}]}');
  });
});
