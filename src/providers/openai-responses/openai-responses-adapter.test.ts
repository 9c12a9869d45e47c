import { describe, expect, it } from "vitest";
import { GatewayError } from "../../core/errors.js";
import { fixtureEvents, fixtureJson } from "../__fixtures__/fixtures.js";
import type { StreamDelta, UpstreamRequest } from "../types.js";
import { openAiResponsesRequestSchema } from "./openai-responses-api-types.js";
import { openAiResponsesAdapter } from "./openai-responses-adapter.js";
import { mapOpenAiResponsesStatus } from "./map-openai-responses-status.js";

const target = { baseUrl: "https://api.openai.com/v1/", apiKey: "sk-test" };
const base: UpstreamRequest = { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Capital of France?" }], stream: false };
const bodyOf = (request: UpstreamRequest) => openAiResponsesRequestSchema.parse(JSON.parse(openAiResponsesAdapter.buildRequest(request, target).init.body));
const streamOf = (name: string): StreamDelta[] => {
  const map = openAiResponsesAdapter.createStreamMapper();
  return fixtureEvents("openai-responses", name).flatMap((e) => map(e));
};

describe("openai-responses request mapper", () => {
  it("posts to {baseUrl}/responses with a bearer key, messages as input items, store off", () => {
    const call = openAiResponsesAdapter.buildRequest({ ...base, instructions: "Be brief.", maxOutputTokens: 300, temperature: 0.2, stream: true }, target);
    expect(call.url).toBe("https://api.openai.com/v1/responses");
    expect(call.init.headers).toEqual({ authorization: "Bearer sk-test", "content-type": "application/json" });
    expect(bodyOf({ ...base, instructions: "Be brief.", maxOutputTokens: 300, temperature: 0.2, stream: true })).toEqual({
      model: "gpt-5.4-nano",
      instructions: "Be brief.",
      input: [{ role: "user", content: "Capital of France?" }],
      max_output_tokens: 300,
      temperature: 0.2,
      stream: true,
      store: false,
    });
  });

  it("maps json_schema and json_object to text.format", () => {
    const schema = { type: "object" };
    expect(bodyOf({ ...base, responseFormat: { type: "json_schema", name: "city", schema, strict: true } }).text).toEqual({ format: { type: "json_schema", name: "city", schema, strict: true } });
    expect(bodyOf({ ...base, responseFormat: { type: "json_object" } }).text).toEqual({ format: { type: "json_object" } });
  });
});

describe("openai-responses response mapper", () => {
  it("maps the recorded-style response", () => {
    expect(openAiResponsesAdapter.parseResponse(fixtureJson("openai-responses", "response-basic.json"))).toEqual({
      id: "resp_68b9c2f1e0a48190a2d5c1b3f7e9d0a20c4e8b1f2a3d5e6f",
      model: "gpt-5.4-nano-2026-03-05",
      text: "The capital of France is Paris.",
      finishReason: "stop",
      usage: { inputTokens: 14, outputTokens: 8 },
    });
  });

  it.each([
    ["response-incomplete.json", "length"],
    ["response-reasoning-function-call.json", "tool_calls"],
  ])("maps %s to %s", (name, finishReason) => {
    expect(openAiResponsesAdapter.parseResponse(fixtureJson("openai-responses", name)).finishReason).toBe(finishReason);
  });

  it("rejects a chat.completion as upstream_invalid_response", () => {
    expect(() => openAiResponsesAdapter.parseResponse({ object: "chat.completion", choices: [] })).toThrow(GatewayError);
  });

  it.each([
    ["completed", null, false, "stop"],
    ["incomplete", "content_filter", false, "content_filter"],
    ["incomplete", "brand_new", false, "other"],
    ["failed", null, false, "other"],
  ] as const)("status %s (%s) → %s", (status, reason, tool, expected) => {
    expect(mapOpenAiResponsesStatus(status, reason, tool)).toBe(expected);
  });
});

describe("openai-responses errors and streams", () => {
  it("maps the error envelope, keeping the status", () => {
    const error = openAiResponsesAdapter.parseError(429, fixtureJson("openai-responses", "error-429.json"));
    expect(error).toMatchObject({ code: "upstream_http_error", upstreamStatus: 429, isRetryable: true, extra: { upstream_error: { type: "tokens", code: "rate_limit_exceeded" } } });
    expect(openAiResponsesAdapter.parseError(400, fixtureJson("openai-responses", "error-400.json")).isRetryable).toBe(false);
  });

  it("maps a stream: start, text, usage and finish at response.completed", () => {
    expect(streamOf("stream-basic.sse")).toEqual([
      { type: "start", id: "resp_68b9c5", model: "gpt-5.4-nano-2026-03-05" },
      { type: "text", text: "The capital" },
      { type: "text", text: " is Paris." },
      { type: "usage", usage: { inputTokens: 12, outputTokens: 6 } },
      { type: "finish", finishReason: "stop" },
    ]);
  });

  it("ends a stream at its error event, retryable as a server error", () => {
    const deltas = streamOf("stream-failed.sse");
    const last = deltas.at(-1);
    expect(deltas).toHaveLength(3);
    expect(last?.type === "error" && last.error).toMatchObject({ upstreamStatus: 500, isRetryable: true, extra: { in_stream: true } });
  });
});
