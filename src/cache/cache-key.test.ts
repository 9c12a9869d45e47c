import { describe, expect, it } from "vitest";
import { computeCacheKey, stripIgnoredFields } from "./cache-key.js";

const body = {
  preset: "release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: { type: "json_schema", name: "release_summary", schema: { type: "object", required: ["summary"], properties: { summary: { type: "string" } } } },
  plugins: [{ id: "response-healing" }],
};
const key = (b: unknown, overrides: Record<string, unknown> = {}) =>
  computeCacheKey({ endpoint: "/v1/responses", model: "openai/gpt-5.4-nano", preset: "release-summary", routingMode: "balanced_shuffle", body: b, ...overrides });

describe("computeCacheKey", () => {
  it("is a SHA-256 hex digest, stable for the same input", () => {
    expect(key(body)).toMatch(/^[0-9a-f]{64}$/);
    expect(key(body)).toBe(key(structuredClone(body)));
  });

  it("ignores key order and debug fields", () => {
    const reordered = { plugins: body.plugins, response_format: body.response_format, input: body.input, preset: body.preset };
    expect(key(reordered)).toBe(key(body));
    expect(key({ ...body, meta: true, stream_options: { include_usage: true }, provider: { diagnostics: true } })).toBe(key(body));
    expect(key({ ...body, provider: { order: ["a"], diagnostics: true } })).toBe(key({ ...body, provider: { order: ["a"] } }));
    expect(key({ ...body, response_caching: { ttl_seconds: 900 } })).toBe(key(body));
  });

  it("changes with prompt wording, schema, provider overrides and tools", () => {
    const base = key(body);
    expect(key({ ...body, input: "Summarise the last 24 hours of deployment activity." })).not.toBe(base);
    expect(key({ ...body, response_format: { ...body.response_format, schema: { type: "object" } } })).not.toBe(base);
    expect(key({ ...body, provider: { order: ["openai"] } })).not.toBe(base);
    expect(key({ ...body, tools: [{ type: "function", name: "deploys" }] })).not.toBe(key({ ...body, tools: [{ type: "function", name: "incidents" }] }));
  });

  it("changes with endpoint, model, preset and routing mode", () => {
    const base = key(body);
    expect(key(body, { endpoint: "/v1/chat/completions" })).not.toBe(base);
    expect(key(body, { model: "anthropic/claude-haiku" })).not.toBe(base);
    expect(key(body, { preset: null })).not.toBe(base);
    expect(key(body, { routingMode: "explicit_sort:price" })).not.toBe(base);
  });
});

describe("stripIgnoredFields", () => {
  it("removes debug fields without touching the input", () => {
    const input = { input: "hi", meta: true, provider: { order: ["a"], diagnostics: true }, routing: { diagnostics: true } };
    expect(stripIgnoredFields(input)).toEqual({ input: "hi", provider: { order: ["a"] } });
    expect(input.meta).toBe(true);
    expect(input.provider.diagnostics).toBe(true);
  });
});
