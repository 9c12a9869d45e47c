import { describe, expect, it } from "vitest";
import { fixtureJson, STATUS_RETRYABILITY } from "../__fixtures__/fixtures.js";
import { anthropicStreamError, parseAnthropicMessagesError } from "./anthropic-messages-error.js";

describe("parseAnthropicMessagesError", () => {
  it.each([
    [400, false, "max_tokens: Field required", "invalid_request_error"],
    [401, false, "invalid x-api-key", "authentication_error"],
    [403, false, "does not have permission", "permission_error"],
    [404, false, "model: claude-sonnet-9", "not_found_error"],
    [413, false, "maximum allowed number of bytes", "request_too_large"],
    [429, true, "would exceed the rate limit", "rate_limit_error"],
    [500, true, "Internal server error", "api_error"],
    [529, true, "Overloaded", "overloaded_error"],
  ])("maps the recorded %i body", (status, retryable, message, type) => {
    const error = parseAnthropicMessagesError(status, fixtureJson("anthropic-messages", `error-${status}.json`));
    expect(error.code).toBe("upstream_http_error");
    expect(error.upstreamStatus).toBe(status);
    expect(error.isRetryable).toBe(retryable);
    expect(error.message).toContain(message);
    expect(error.extra).toEqual({ upstream_error: { type } });
  });

  it.each(STATUS_RETRYABILITY)("status %i is retryable: %s", (status, retryable) => {
    const error = parseAnthropicMessagesError(status, { type: "error", error: { type: "api_error", message: `failure ${status}` } });
    expect(error.isRetryable).toBe(retryable);
    expect(error.message).toBe(`failure ${status}`);
  });

  it("falls back to the raw text of a body that is not the error envelope", () => {
    expect(parseAnthropicMessagesError(503, "upstream connect error or disconnect/reset before headers").message).toBe("HTTP 503: upstream connect error or disconnect/reset before headers");
  });
});

describe("anthropicStreamError", () => {
  it.each([
    ["overloaded_error", 529, true],
    ["rate_limit_error", 429, true],
    ["api_error", 500, true],
    ["timeout_error", 504, true],
    ["invalid_request_error", 400, false],
    ["brand_new_error", 500, true],
  ])("maps %s to status %i (retryable: %s)", (type, status, retryable) => {
    const error = anthropicStreamError({ type, message: "m" });
    expect(error.upstreamStatus).toBe(status);
    expect(error.isRetryable).toBe(retryable);
    expect(error.extra).toMatchObject({ in_stream: true, upstream_error: { type } });
  });
});
