import { describe, expect, it } from "vitest";
import { z } from "zod";
import { presentKeys } from "./present-keys-schema.js";
import { providerPreferencesSchema, providerPreferencesSchemaOf } from "./provider-preferences.js";
import { requestSchemaOf, responsesRequestSchema } from "./responses-request-schema.js";

/** Valid and invalid bodies: every one must parse to the same result through the narrowed schema. */
const BODIES: Record<string, unknown>[] = [
  { model: "openai/gpt-5.4-nano", input: "Hi" },
  { model: "openai/gpt-5.4-nano", input: "Hi", provider: { only: ["openai", "openai-eu"], sort: "price" } },
  { model: "openai/gpt-5.4-nano", input: [{ role: "user", content: [{ type: "input_text", text: "a" }] }], routing: { mode: "latency", allowFallbacks: false } },
  { model: "@release-summary", input: "x", temperature: 0.2, max_output_tokens: 100, meta: true, debug: { enabled: true }, response_caching: { ttl_seconds: 60 } },
  { model: "openai/gpt-5.4-nano", input: "x", provider: { sort: { by: "throughput" }, max_price: { prompt: "1" }, zdr: true, require_zero_data_retention: false } },
  { model: "openai/gpt-5.4-nano", input: "x", provider: null, routing: null, temperature: null, stream: undefined },
  { model: 42, input: "" },
  { input: "no model" },
  { model: "openai/gpt-5.4-nano" },
  { model: "openai/gpt-5.4-nano", input: [], temperature: "hot", provider: { only: "openai", bogus: 1 } },
  { model: "openai/gpt-5.4-nano", input: "x", unknown_top: true, provider: { order: [""], weights: { a: -1 } } },
  { model: "openai/gpt-5.4-nano", input: "x", provider: [1, 2] },
  { model: "openai/gpt-5.4-nano", input: "x", routing: "fast", text: { format: { type: "json_object" }, extra: 1 } },
  { model: "openai/gpt-5.4-nano", input: "x", provider: { data_collection: "deny", quantizations: ["fp8"], preferred_max_latency: { p90: 2 } } },
];

describe("requestSchemaOf", () => {
  it("gives the full schema's output and issues for every body", () => {
    for (const body of BODIES) {
      const full = responsesRequestSchema.safeParse(body, { reportInput: true });
      const narrowed = requestSchemaOf(body).safeParse(body, { reportInput: true });
      expect(narrowed.success, JSON.stringify(body)).toBe(full.success);
      if (full.success && narrowed.success) expect(narrowed.data).toStrictEqual(full.data);
      else expect(narrowed.error?.issues).toStrictEqual(full.error?.issues);
    }
  });

  it("reuses one schema per key set", () => {
    expect(requestSchemaOf({ model: "a/b", input: "1", provider: { only: ["x"] } })).toBe(requestSchemaOf({ model: "c/d", input: "2", provider: { only: ["y"] } }));
    expect(requestSchemaOf({ model: "a/b", input: "1" })).not.toBe(requestSchemaOf({ model: "a/b", input: "1", meta: true }));
  });
});

describe("providerPreferencesSchemaOf", () => {
  it("parses camelCase and snake_case keys as the full schema does", () => {
    for (const value of [{ allowFallbacks: false, allow_fallbacks: true }, { requireParameters: true }, { sort: "cost", ignore: ["a"] }, {}]) {
      expect(providerPreferencesSchemaOf(value).parse(value)).toStrictEqual(providerPreferencesSchema.parse(value));
    }
  });
});

describe("presentKeys", () => {
  it("keeps present, required and defaulted keys in shape order", () => {
    const shape = { a: z.string().optional(), b: z.string(), c: z.number().default(1), d: z.string().nullish() };
    expect(presentKeys(shape, { d: null })).toEqual(["b", "c", "d"]);
  });
});
