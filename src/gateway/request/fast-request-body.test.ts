import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastPathCounts } from "./fast-request-body.js";
import { TEMPERATURE_RANGE, TOP_P_RANGE } from "./generation-fields.js";
import { type ParseRequestOptions, type ParseRequestResult, parseResponsesRequest, parseResponsesRequestBySchema } from "./parse-responses-request.js";

/** Every combination of the three parse options (reference, documented and the mixes between). */
const OPTIONS: ParseRequestOptions[] = (["ignore", "select"] as const).flatMap((presetField) =>
  (["balanced", "reject"] as const).flatMap((unknownSort) => (["ignore", "reject"] as const).map((unknownFields) => ({ presetField, unknownSort, unknownFields }))),
);

/** The result as the server would write it: ok results whole, errors as their JSON body plus status. */
function comparable(result: ParseRequestResult): unknown {
  if (result.ok) return result;
  return { status: result.error.status, body: result.error.toBody("gen-1"), extra: result.error.extra };
}

/** Both paths give the same result, to the byte (key order included) and deeply (undefined-valued keys included). */
function expectSame(body: unknown, options: ParseRequestOptions): ParseRequestResult {
  const bySchema = parseResponsesRequestBySchema(body, options);
  const fast = parseResponsesRequest(body, options);
  expect(comparable(fast)).toStrictEqual(comparable(bySchema));
  expect(JSON.stringify(comparable(fast))).toBe(JSON.stringify(comparable(bySchema)));
  return fast;
}

const SORTS = ["price", "cost", "pricing", "latency", "speed", "throughput", "tps", "Cost", "PRICE", " price", "balanced", "default", "fastest", ""];
const MODELS = ["openai/gpt-5.4-nano", "openai/gpt-5.4-nano:cheap", "anthropic-us:anthropic/claude-opus-4.6", " openai/gpt-5.4-mini ", "@release-summary", "@support-chat"];
const providerId = fc.constantFrom("openai", "openai-eu", "deepinfra", "anthropic-us", "OpenAI", " vertex ");

const textPart = fc.record({ type: fc.constantFrom("input_text", "output_text"), text: fc.string({ maxLength: 12 }) });
const message = fc.record(
  {
    type: fc.constant("message"),
    role: fc.constantFrom("user", "assistant", "system", "developer"),
    content: fc.oneof(fc.string({ maxLength: 20 }), fc.array(textPart, { maxLength: 3 })),
    id: fc.string({ maxLength: 6 }),
    status: fc.constantFrom("completed", "in_progress"),
  },
  { requiredKeys: ["role", "content"] },
);

const preferences = fc.record(
  {
    only: fc.array(providerId, { maxLength: 3 }),
    order: fc.array(providerId, { maxLength: 3 }),
    ignore: fc.array(providerId, { maxLength: 2 }),
    sort: fc.constantFrom(...SORTS),
    mode: fc.constantFrom(...SORTS),
    // Rarer fields, read by their own field schema (camelCase ones renamed first).
    allow_fallbacks: fc.boolean(),
    allowFallbacks: fc.boolean(),
    requireParameters: fc.boolean(),
    max_price: fc.record({ prompt: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom("0.5", "cheap")) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** A body of the common shape: every value valid, no unknown keys. */
const commonBody = fc.record(
  {
    model: fc.constantFrom(...MODELS),
    input: fc.oneof(fc.string({ maxLength: 30 }), fc.array(message, { minLength: 1, maxLength: 3 })),
    instructions: fc.string({ maxLength: 20 }),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    top_p: fc.double({ min: 0, max: 1, noNaN: true }),
    max_output_tokens: fc.integer({ min: 1, max: 1_000_000 }),
    stop: fc.oneof(fc.string({ minLength: 1, maxLength: 5 }), fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })),
    seed: fc.integer(),
    stream: fc.boolean(),
    meta: fc.boolean(),
    provider: preferences,
    routing: preferences,
    user: fc.string({ maxLength: 8 }),
    text: fc.record({ verbosity: fc.constantFrom("low", "medium", "high") }),
    reasoning: fc.record({ effort: fc.constantFrom("low", "high"), max_tokens: fc.integer({ min: 1, max: 4096 }) }, { requiredKeys: [] }),
    response_caching: fc.record({ enabled: fc.boolean(), ttl_seconds: fc.integer({ min: 1, max: 3600 }) }, { requiredKeys: [] }),
    metadata: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  },
  { requiredKeys: ["model", "input"] },
);

/** Values that break some rule somewhere: wrong types, bounds, nulls, empties, arrays for strings. */
const oddConstant = fc.constantFrom<unknown>(
  null,
  undefined,
  "",
  " ",
  "x",
  "@Bad Slug",
  "bad slug:openai/x",
  "nope",
  [],
  [""],
  ["openai"],
  ["a", "b", "c", "d", "e"],
  [1],
  0,
  -0,
  -1,
  1,
  2,
  2.5,
  3,
  0.5,
  1e20,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  {},
  { a: 1 },
  { type: "text" },
  { type: "json_object" },
  { mode: "price" },
  { by: "nope" },
  { prompt: 1 },
  [{ role: "user", content: "hi" }],
  [
    {
      role: "user",
      content: [
        { type: "input_text", text: "a" },
        { type: "output_text", text: "b", annotations: [] },
      ],
    },
  ],
  [{ type: "function_call", role: "user", content: "x" }],
  [{ role: "robot", content: "x" }],
  [{ role: "user", content: "x", extra: 1 }],
  [{ role: "user", content: [{ type: "image", url: "u" }] }],
  [{ role: "user", content: [{ type: "input_text", text: 1 }] }],
);

const oddValue = fc.oneof(oddConstant, fc.double(), fc.integer({ min: -3, max: 5 }), fc.array(fc.string({ maxLength: 2 }), { maxLength: 6 }));

const TOP_KEYS = [
  "model",
  "preset",
  "input",
  "instructions",
  "temperature",
  "top_p",
  "max_output_tokens",
  "stop",
  "seed",
  "stream",
  "meta",
  "text",
  "response_format",
  "debug",
  "plugins",
  "reasoning",
  "response_caching",
  "tools",
  "user",
  "store",
  "not_a_field",
  "__proto__",
];
const NESTED_KEYS = [
  "only",
  "order",
  "ignore",
  "sort",
  "mode",
  "allow_fallbacks",
  "allowFallbacks",
  "zdr",
  "max_price",
  "maxPrice",
  "data_collection",
  "dataCollection",
  "quantizations",
  "weights",
  "nope",
];

/** One change to a common body: a top-level key, a provider/routing key, or a message item key set to an odd value. */
const mutation = fc.oneof(
  fc.tuple(fc.constant("top"), fc.constantFrom(...TOP_KEYS), oddValue),
  fc.tuple(fc.constantFrom("provider", "routing"), fc.constantFrom(...NESTED_KEYS), oddValue),
  fc.tuple(fc.constant("item"), fc.constantFrom("role", "content", "type", "id", "status", "name"), oddValue),
);

function mutated(body: Record<string, unknown>, changes: [string, string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(body);
  for (const [where, key, value] of changes) {
    if (where === "top") out[key] = value;
    else if (where === "item") {
      const items = Array.isArray(out["input"]) ? (out["input"] as Record<string, unknown>[]) : [{ role: "user", content: "hi" }];
      const first = { ...items[0], [key]: value };
      out["input"] = [first, ...items.slice(1)];
    } else {
      const nested = out[where];
      out[where] = { ...(typeof nested === "object" && nested !== null ? nested : {}), [key]: value };
    }
  }
  return out;
}

describe("fastRequestBody: the same results as the schema", () => {
  it("takes the fast path for every common body, with the schema's exact result, under every option mix", () => {
    fc.assert(
      fc.property(commonBody, fc.constantFrom(...OPTIONS), (body, options) => {
        const before = fastPathCounts.fast;
        expectSame(body, options);
        // Proof the fast path ran (the schema-only call does not count): not a silent fallback.
        expect(fastPathCounts.fast).toBe(before + 1);
      }),
      { seed: 15, numRuns: 1500 },
    );
  });

  it("gives the schema's exact result or error for near-miss bodies", () => {
    let fallbacks = 0;
    fc.assert(
      fc.property(commonBody, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...OPTIONS), (body, changes, options) => {
        const before = fastPathCounts.fallback;
        expectSame(mutated(body, changes), options);
        fallbacks += fastPathCounts.fallback - before;
      }),
      { seed: 1515, numRuns: 3000 },
    );
    // The near-misses do reach the schema (else this test would only compare the fast path with itself).
    expect(fallbacks).toBeGreaterThan(500);
  });

  it("agrees at and just beyond every bound the fast path checks by hand", () => {
    const base = { model: "openai/gpt-5.4-nano", input: "x" };
    const edges = (min: number, max: number) => [min - 1e-9, min, max, max + 1e-9, max + 0.5, max + 1, -0, Number.NaN, Number.POSITIVE_INFINITY];
    const cases: [string, unknown[]][] = [
      ["temperature", edges(TEMPERATURE_RANGE.min, TEMPERATURE_RANGE.max)],
      ["top_p", edges(TOP_P_RANGE.min, TOP_P_RANGE.max)],
      ["max_output_tokens", [-1, 0, 1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53, "1"]],
      ["seed", [-(2 ** 53), Number.MIN_SAFE_INTEGER, 0, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53]],
      ["stop", ["", "a", [], [""], ["a"], ["a", "b", "c", "d"], ["a", "b", "c", "d", "e"], [1]]],
      [
        "response_caching",
        [
          {},
          { enabled: false },
          { ttl_seconds: 60 },
          { ttl_seconds: 60, enabled: true },
          { enabled: "yes" },
          { enabled: null },
          { enabled: undefined },
          { ttl_seconds: 0 },
          { ttl_seconds: -0 },
          { ttl_seconds: 1e-9 },
          { ttl_seconds: 0.5 },
          { ttl_seconds: "60" },
          { ttl_seconds: Number.POSITIVE_INFINITY },
          { ttl_seconds: Number.NaN },
          { enabled: true, other: 1 },
          JSON.parse('{"__proto__":{"enabled":true}}'),
          Object.create({ enabled: true }),
          null,
          [],
        ],
      ],
    ];
    let accepted = 0;
    for (const [key, values] of cases) {
      for (const value of values) {
        for (const options of OPTIONS) if (expectSame({ ...base, [key]: value }, options).ok) accepted++;
      }
    }
    for (const list of [[], [""], ["openai"], ["openai", ""], [1]]) {
      for (const options of OPTIONS) if (expectSame({ ...base, provider: { only: list, order: list } }, options).ok) accepted++;
    }
    // The in-bounds values are accepted (by both paths), so the loop compares successes as well as errors.
    expect(accepted).toBeGreaterThan(100);
  });

  it("agrees on the scenario bodies and on non-object bodies", () => {
    const bodies: unknown[] = [
      { model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } },
      { model: "@release-summary", input: "Summarize.", meta: true },
      { model: "openai/gpt-5.4-nano", input: "x", response_format: { type: "json_schema", name: "s", schema: { type: "object" } } },
      { model: "openai/gpt-5.4-nano", input: "x", plugins: [{ id: "response-healing" }] },
      { model: "openai/gpt-5.4-nano", input: "x", preset: "release-summary" },
      { preset: "@release-summary", input: "x" },
      { model: "openai/gpt-5.4-nano", input: "x", provider: { sort: { by: "Cost" } }, routing: { mode: "speed" } },
      { model: "openai/gpt-5.4-nano", input: "x", provider: { dataCollection: "deny" } },
      { model: "openai/gpt-5.4-nano", input: "x", response_format: { type: "text" }, text: { format: { type: "json_object" } } },
      { input: "x" },
      Object.create({ model: "openai/gpt-5.4-nano", input: "x" }),
      JSON.parse('{"model":"openai/gpt-5.4-nano","input":"x","__proto__":{"a":1}}'),
      JSON.parse('{"model":"openai/gpt-5.4-nano","input":"x","provider":{"__proto__":{"a":1},"only":["openai"]}}'),
      null,
      [],
      "body",
    ];
    for (const body of bodies) for (const options of OPTIONS) expectSame(body, options);
  });
});
