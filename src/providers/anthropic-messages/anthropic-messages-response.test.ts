import { describe, expect, it } from "vitest";
import { GatewayError } from "../../core/errors.js";
import { fixtureJson } from "../__fixtures__/fixtures.js";
import { parseAnthropicMessagesResponse } from "./anthropic-messages-response.js";

const fixture = (name: string): Record<string, unknown> => fixtureJson("anthropic-messages", name) as Record<string, unknown>;

function invalid(body: unknown): GatewayError {
  try {
    parseAnthropicMessagesResponse(body);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected the body to be rejected");
}

describe("parseAnthropicMessagesResponse", () => {
  it("maps the recorded message", () => {
    expect(parseAnthropicMessagesResponse(fixture("response-basic.json"))).toEqual({
      id: "msg_01XFDUDYJgAACzvnptvVoYEL",
      model: "claude-sonnet-4-6",
      text: "The capital of France is Paris.",
      finishReason: "stop",
      usage: { inputTokens: 19, outputTokens: 10 },
    });
  });

  it.each([
    ["response-json-schema.json", "stop", '{"city":"Paris","country":"France","population":2102650}'],
    ["response-max-tokens.json", "length", '{"city":"Paris","landmarks":["Eiffel Tower","Louvre'],
    ["response-stop-sequence.json", "stop", "1. Paris\n2. Lyon\n"],
    ["response-refusal.json", "content_filter", "I can't help with that."],
    ["response-tool-use.json", "tool_calls", "I'll check the current weather in Paris."],
  ])("maps %s to %s", (name, finishReason, text) => {
    expect(parseAnthropicMessagesResponse(fixture(name))).toMatchObject({ finishReason, text });
  });

  it("joins several text blocks and skips the others", () => {
    const body = {
      ...fixture("response-basic.json"),
      content: [
        { type: "text", text: "A" },
        { type: "thinking", thinking: "…", signature: "s" },
        { type: "text", text: "B" },
      ],
    };
    expect(parseAnthropicMessagesResponse(body).text).toBe("AB");
  });

  it("counts cache reads and writes as input tokens", () => {
    expect(parseAnthropicMessagesResponse(fixture("response-cached.json")).usage).toEqual({ inputTokens: 1812, outputTokens: 3 });
  });

  it.each([
    ["an error body", { type: "error", error: { type: "api_error", message: "x" } }],
    ["a text block without text", { ...fixture("response-basic.json"), content: [{ type: "text" }] }],
    ["missing usage", { ...fixture("response-basic.json"), usage: undefined }],
    ["a user message", { ...fixture("response-basic.json"), role: "user" }],
    ["a string", "Internal Server Error"],
  ])("rejects %s as upstream_invalid_response", (_label, body) => {
    const error = invalid(body);
    expect(error.code).toBe("upstream_invalid_response");
    expect(error.message).toContain("anthropic-messages response does not match the wire format");
  });
});
