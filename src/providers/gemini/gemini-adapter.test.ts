import { describe, expect, it } from "vitest";
import { fixtureEvents, fixtureJson } from "../__fixtures__/fixtures.js";
import type { StreamDelta, UpstreamRequest } from "../types.js";
import { geminiAdapter } from "./gemini-adapter.js";
import { geminiRequestSchema } from "./gemini-api-types.js";
import { GEMINI_FINISH_REASONS, mapGeminiFinishReason } from "./map-gemini-finish-reason.js";

const target = { baseUrl: "https://generativelanguage.googleapis.com", apiKey: "AIza-test" };
const base: UpstreamRequest = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Capital of France?" }], stream: false };
const bodyOf = (request: UpstreamRequest) => geminiRequestSchema.parse(JSON.parse(geminiAdapter.buildRequest(request, target).init.body));
const streamOf = (name: string): StreamDelta[] => {
  const map = geminiAdapter.createStreamMapper();
  return fixtureEvents("gemini", name).flatMap((e) => map(e));
};

describe("gemini request mapper", () => {
  it("posts generateContent, or streamGenerateContent?alt=sse, with x-goog-api-key", () => {
    expect(geminiAdapter.buildRequest(base, target).url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    const stream = geminiAdapter.buildRequest({ ...base, stream: true }, target);
    expect(stream.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(stream.init.headers).toEqual({ "x-goog-api-key": "AIza-test", "content-type": "application/json" });
  });

  it("sends system text as systemInstruction, assistant turns as model turns, sampling in generationConfig", () => {
    const body = bodyOf({
      ...base,
      instructions: "Be brief.",
      messages: [
        { role: "developer", content: "No emoji." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello" },
        { role: "user", content: "Capital?" },
      ],
      maxOutputTokens: 200,
      temperature: 0.3,
      stop: ["###"],
    });
    expect(body).toEqual({
      contents: [
        { role: "user", parts: [{ text: "Hi" }] },
        { role: "model", parts: [{ text: "Hello" }] },
        { role: "user", parts: [{ text: "Capital?" }] },
      ],
      systemInstruction: { parts: [{ text: "Be brief.\n\nNo emoji." }] },
      generationConfig: { maxOutputTokens: 200, temperature: 0.3, stopSequences: ["###"] },
    });
    expect(bodyOf(base)).not.toHaveProperty("generationConfig");
  });

  it("asks for JSON with responseMimeType, and a schema with responseJsonSchema", () => {
    const schema = { type: "object", additionalProperties: false };
    expect(bodyOf({ ...base, responseFormat: { type: "json_schema", name: "x", schema } }).generationConfig).toEqual({ responseMimeType: "application/json", responseJsonSchema: schema });
    expect(bodyOf({ ...base, responseFormat: { type: "json_object" } }).generationConfig).toEqual({ responseMimeType: "application/json" });
  });
});

describe("gemini response mapper", () => {
  it("maps the response, counting thinking tokens as output and skipping thought text", () => {
    expect(geminiAdapter.parseResponse(fixtureJson("gemini", "response-basic.json"))).toEqual({
      id: "Il0taoSYJ5Cez7IPk4-b8Qc",
      model: "gemini-2.5-flash",
      text: "The capital of France is Paris.",
      finishReason: "stop",
      usage: { inputTokens: 8, outputTokens: 7 },
    });
    expect(geminiAdapter.parseResponse(fixtureJson("gemini", "response-thinking-max-tokens.json"))).toMatchObject({
      text: '{"city":"Paris","landmarks":["Eiffel',
      finishReason: "length",
      usage: { inputTokens: 30, outputTokens: 100 },
    });
  });

  it("maps a blocked prompt (no candidates) to an empty content_filter answer", () => {
    expect(geminiAdapter.parseResponse(fixtureJson("gemini", "response-blocked-prompt.json"))).toMatchObject({ text: "", finishReason: "content_filter" });
  });

  it.each(Object.entries(GEMINI_FINISH_REASONS))("finishReason %s → %s", (reason, expected) => {
    expect(mapGeminiFinishReason(reason)).toBe(expected);
  });
});

describe("gemini errors and streams", () => {
  it.each([
    [400, "error-400.json", false, "INVALID_ARGUMENT"],
    [429, "error-429.json", true, "RESOURCE_EXHAUSTED"],
    [503, "error-503.json", true, "UNAVAILABLE"],
  ])("maps a %i body", (status, name, retryable, type) => {
    expect(geminiAdapter.parseError(status, fixtureJson("gemini", name))).toMatchObject({ upstreamStatus: status, isRetryable: retryable, extra: { upstream_error: { type } } });
  });

  it("maps a stream of partial responses; the finishReason chunk ends it", () => {
    expect(streamOf("stream-basic.sse")).toEqual([
      { type: "start", id: "Il0taoSYJ5Cez7IPk4-b8Qc", model: "gemini-2.5-flash" },
      { type: "text", text: "The capital" },
      { type: "usage", usage: { inputTokens: 8 } },
      { type: "text", text: " of France is Paris." },
      { type: "usage", usage: { inputTokens: 8, outputTokens: 7 } },
      { type: "finish", finishReason: "stop" },
    ]);
  });

  it("maps an error object inside the stream with its own code", () => {
    const last = streamOf("stream-error.sse").at(-1);
    expect(last?.type === "error" && last.error).toMatchObject({ upstreamStatus: 503, isRetryable: true, extra: { in_stream: true } });
  });
});
