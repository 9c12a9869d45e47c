import { describe, expect, it } from "vitest";
import { GatewayError } from "../../core/errors.js";
import { fixtureJson } from "../__fixtures__/fixtures.js";
import { parseOpenAiChatResponse } from "./openai-chat-response.js";

const fixture = (name: string): Record<string, unknown> => fixtureJson("openai-chat", name) as Record<string, unknown>;

function invalid(body: unknown): GatewayError {
  try {
    parseOpenAiChatResponse(body);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected the body to be rejected");
}

describe("parseOpenAiChatResponse", () => {
  it("maps the recorded completion", () => {
    expect(parseOpenAiChatResponse(fixture("response-basic.json"))).toEqual({
      id: "chatcmpl-CrT8kQ2v1mZ0aXbN7yGfE4hJpLwS3",
      model: "gpt-5.4-nano-2026-03-05",
      text: "The capital of France is Paris.",
      finishReason: "stop",
      usage: { inputTokens: 24, outputTokens: 8 },
    });
  });

  it("keeps structured output as text, and length as length", () => {
    expect(parseOpenAiChatResponse(fixture("response-json-schema.json")).text).toBe('{"city":"Paris","country":"France","population":2102650}');
    const truncated = parseOpenAiChatResponse(fixture("response-length.json"));
    expect(truncated.finishReason).toBe("length");
    expect(truncated.usage).toEqual({ inputTokens: 41, outputTokens: 16 });
  });

  it("maps a refusal to its text with content_filter", () => {
    const result = parseOpenAiChatResponse(fixture("response-refusal.json"));
    expect(result.text).toBe("I'm sorry, I can't help with that request.");
    expect(result.finishReason).toBe("content_filter");
  });

  it("maps tool calls with empty text", () => {
    const result = parseOpenAiChatResponse(fixture("response-tool-calls.json"));
    expect(result).toMatchObject({ text: "", finishReason: "tool_calls" });
  });

  it("counts a missing usage as zero tokens", () => {
    const { usage: _usage, ...body } = fixture("response-basic.json");
    expect(parseOpenAiChatResponse(body).usage).toEqual({ inputTokens: 0, outputTokens: 0 });
  });

  it.each([
    ["an HTML page", "<html>502</html>"],
    ["null", null],
    ["no choices", { ...fixture("response-basic.json"), choices: [] }],
    ["a chunk instead of a completion", { ...fixture("response-basic.json"), object: "chat.completion.chunk" }],
    ["numeric content", { ...fixture("response-basic.json"), choices: [{ index: 0, message: { role: "assistant", content: 42 }, finish_reason: "stop" }] }],
    ["negative usage", { ...fixture("response-basic.json"), usage: { prompt_tokens: -1, completion_tokens: 2 } }],
  ])("rejects %s as upstream_invalid_response", (_label, body) => {
    const error = invalid(body);
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.message).toContain("openai-chat response does not match the wire format");
    expect(error.isRetryable).toBe(true);
  });
});
