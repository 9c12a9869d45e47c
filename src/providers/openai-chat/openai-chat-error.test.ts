import { describe, expect, it } from "vitest";
import { fixtureJson, STATUS_RETRYABILITY } from "../__fixtures__/fixtures.js";
import { openAiChatStreamError, parseOpenAiChatError } from "./openai-chat-error.js";

describe("parseOpenAiChatError", () => {
  it.each([
    [400, "error-400.json", false, "Unsupported parameter: 'max_tokens'"],
    [401, "error-401.json", false, "Incorrect API key provided"],
    [404, "error-404.json", false, "does not exist or you do not have access to it"],
    [429, "error-429.json", true, "Rate limit reached for gpt-5.4-nano"],
    [500, "error-500.json", true, "The server had an error"],
    [503, "error-503.json", true, "The server is overloaded"],
  ])("maps the recorded %i body", (status, name, retryable, message) => {
    const error = parseOpenAiChatError(status, fixtureJson("openai-chat", name));
    expect(error.code).toBe("upstream_http_error");
    expect(error.upstreamStatus).toBe(status);
    expect(error.isRetryable).toBe(retryable);
    expect(error.message).toContain(message);
  });

  it.each(STATUS_RETRYABILITY)("status %i is retryable: %s", (status, retryable) => {
    const error = parseOpenAiChatError(status, { error: { message: `failure ${status}`, type: "x", param: null, code: null } });
    expect(error.isRetryable).toBe(retryable);
    expect(error.message).toBe(`failure ${status}`);
  });

  it("keeps the provider's type, code and param in the error body", () => {
    const error = parseOpenAiChatError(429, fixtureJson("openai-chat", "error-429.json"));
    expect(error.toBody("G-1")).toMatchObject({ error: "upstream_http_error", upstream_error: { type: "requests", code: "rate_limit_exceeded" } });
    const bad = parseOpenAiChatError(400, fixtureJson("openai-chat", "error-400.json"));
    expect(bad.extra).toEqual({ upstream_error: { type: "invalid_request_error", code: "unsupported_parameter", param: "max_tokens" } });
  });

  it("falls back to the raw text of a body that is not the error envelope", () => {
    expect(parseOpenAiChatError(502, "<html>\n<h1>502 Bad Gateway</h1>\n</html>").message).toBe("HTTP 502: <html> <h1>502 Bad Gateway</h1> </html>");
    expect(parseOpenAiChatError(500, { detail: "boom" }).message).toBe('HTTP 500: {"detail":"boom"}');
    expect(parseOpenAiChatError(503, "").message).toBe("HTTP 503 with an empty body");
  });
});

describe("openAiChatStreamError", () => {
  it("infers a status from the error type, for retryability", () => {
    const server = openAiChatStreamError({ message: "The server had an error", type: "server_error" });
    expect(server.upstreamStatus).toBe(500);
    expect(server.isRetryable).toBe(true);
    expect(server.extra).toMatchObject({ in_stream: true });
    expect(openAiChatStreamError({ message: "slow down", type: "tokens", code: "rate_limit_exceeded" }).upstreamStatus).toBe(429);
    const invalid = openAiChatStreamError({ message: "bad", type: "invalid_request_error" });
    expect(invalid.upstreamStatus).toBe(400);
    expect(invalid.isRetryable).toBe(false);
  });
});
