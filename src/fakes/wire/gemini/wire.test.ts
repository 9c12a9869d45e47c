import { describe, expect, it } from "vitest";
import type { FakeAnswer } from "../types.js";
import { geminiStreamEvents } from "./bodies.js";
import { geminiWire, matchGeminiPath } from "./wire.js";

const url = new URL("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
const base = { contents: [{ role: "user", parts: [{ text: "Hello" }] }] };
const answer: FakeAnswer = { id: "r1", model: "gemini-2.5-flash", created: 1, text: "Hi!", finishReason: "length", usage: { input: 2, output: 1 }, fingerprint: "" };
const errorOf = (body: unknown) => {
  const result = geminiWire.parseRequest(body, new Headers(), { model: "gemini-2.5-flash", stream: false });
  if (result.ok) throw new Error("expected a validation error");
  return geminiWire.errorReply(result.error, "r").body;
};

describe("geminiWire", () => {
  it("reads the model and the mode from the path", () => {
    expect(matchGeminiPath("/v1beta/models/gemini-2.5-flash:streamGenerateContent")).toEqual({ model: "gemini-2.5-flash", stream: true });
    expect(matchGeminiPath("/v1beta/models/gemini-2.5-flash:countTokens")).toBeUndefined();
  });

  it("takes the key from x-goog-api-key or ?key=, with Google's errors", () => {
    expect(geminiWire.checkHeaders(new Headers({ "x-goog-api-key": "k" }), "k", url)).toBeUndefined();
    expect(geminiWire.checkHeaders(new Headers(), "k", new URL(`${url.href}?key=k`))).toBeUndefined();
    const missing = geminiWire.checkHeaders(new Headers(), "k", url);
    expect(missing && geminiWire.errorReply(missing, "r")).toMatchObject({ status: 403, body: { error: { code: 403, status: "PERMISSION_DENIED" } } });
    const wrong = geminiWire.checkHeaders(new Headers({ "x-goog-api-key": "x" }), "k", url);
    expect(wrong && geminiWire.errorReply(wrong, "r")).toMatchObject({ status: 400, body: { error: { status: "INVALID_ARGUMENT", message: "API key not valid. Please pass a valid API key." } } });
  });

  it("reads structured output from responseMimeType and responseSchema, and rejects a schema without the JSON mime type", () => {
    const schema = { type: "OBJECT", properties: { kind: { type: "STRING", enum: ["A", "B"] } }, required: ["kind"] };
    const parsed = geminiWire.parseRequest({ ...base, generationConfig: { responseMimeType: "application/json", responseSchema: schema } }, new Headers(), { model: "m", stream: false });
    const asJsonSchema = { type: "object", properties: { kind: { type: "string", enum: ["A", "B"] } }, required: ["kind"] };
    expect(parsed).toMatchObject({ ok: true, request: { model: "m", format: { type: "json_schema", schema: asJsonSchema } } });
    expect(errorOf({ ...base, generationConfig: { responseSchema: schema } })).toMatchObject({ error: { code: 400, message: expect.stringContaining("response_mime_type") } });
    expect(errorOf({ ...base, bogus: 1 })).toMatchObject({ error: { message: "Invalid JSON payload received. Unknown name \"bogus\" at 'bogus': Cannot find field." } });
  });

  it("answers 429 RESOURCE_EXHAUSTED with a RetryInfo delay, and sends no rate-limit headers", () => {
    const reply = geminiWire.errorReply({ kind: "rate_limited", limit: "requests", model: "m", max: 10, used: 10, requested: 1, retryAfterMs: 6500 }, "r");
    expect(reply.body).toMatchObject({ error: { code: 429, status: "RESOURCE_EXHAUSTED", details: [{ retryDelay: "7s" }] } });
    expect(geminiWire.rateLimitHeaders({ requests: { limit: 1, remaining: 0, resetAt: 1 }, tokens: undefined, now: 0 })).toEqual({});
  });

  it("streams partial responses with no preamble or terminator; the last carries finishReason and usage", () => {
    const events = geminiStreamEvents(answer);
    expect(events.opening()).toEqual([]);
    const last = JSON.parse(events.terminator()[0]?.data ?? "{}") as { candidates: { finishReason: string }[]; usageMetadata: { candidatesTokenCount: number } };
    expect(last.candidates[0]?.finishReason).toBe("MAX_TOKENS");
    expect(last.usageMetadata.candidatesTokenCount).toBe(1);
    expect(events.delta("Hi")[0]?.event).toBeUndefined();
  });
});
