// Runs the reference's meta test vectors (meta.vectors.ts) against gateway-sim's body builder and,
// for routing_diagnostics, against a gateway over scripted providers.
import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../../src/core/random.js";
import { VirtualClock } from "../../src/core/virtual-clock.js";
import { loadDefaultCatalog } from "../../src/gateway/catalog/load-catalog.js";
import { createGateway } from "../../src/gateway/create-gateway.js";
import { buildResponseBody, type ResponseFacts } from "../../src/gateway/pipeline/response-body.js";
import { createPresetStore } from "../../src/gateway/presets/preset-store.js";
import { scriptedFetch } from "../../src/providers/__fixtures__/scripted-fetch.js";
import { DIAGNOSTICS_VECTORS, META_TEST_FILE, META_VECTORS, TIMING_KEYS } from "./meta.vectors.js";

const baseFacts: ResponseFacts = {
  id: "G-1",
  createdAtMs: 0,
  model: "openai/gpt-5.4-nano",
  text: "{}",
  finishReason: "stop",
  usage: { inputTokens: 10, outputTokens: 20 },
  cost: { currency: "USD", input: 0.000002, output: 0.000025, total: 0.000027 },
  price: { input: 0.2, output: 1.25 },
  selectedProvider: "openai",
  attempts: [],
  pluginExecutions: [],
  cache: null,
  timings: { latency_ms: 500, provider_ttft_ms: null, throughput_tps: null, gateway_overhead_ms: 100, generation_ms: 400, first_byte_ms: 250 },
};

describe(`conformance: ${META_TEST_FILE}`, () => {
  for (const v of META_VECTORS) {
    it(v.name, () => {
      const facts = { ...baseFacts, ...(structuredClone(v.facts) as unknown as Partial<ResponseFacts>) } as ResponseFacts;
      const body = buildResponseBody(facts, { meta: v.includeMeta, timingsWithoutFlag: true });
      const meta = body.meta as Record<string, unknown>;
      if ("expectMeta" in v) expect(meta).toMatchObject(v.expectMeta);
      if ("expectAbsent" in v) for (const key of v.expectAbsent) expect(meta).not.toHaveProperty(key);
      if ("pluginExecutionsEqualInput" in v) expect(meta.plugin_executions).toEqual(v.facts.pluginExecutions);
      // The raw meta stays and comes first.
      expect(Object.keys(meta).slice(0, TIMING_KEYS.length)).toEqual([...TIMING_KEYS]);
      expect(meta).toMatchObject({ generation_ms: 400, latency_ms: 250, end_to_end_ms: 500, phaseo_overhead_ms: 100, throughput_tps: 50, output_speed_tps: null });
    });
  }

  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog must load");
  const answer = JSON.stringify({
    id: "c",
    object: "chat.completion",
    created: 1,
    model: "gpt-5.4-nano",
    choices: [{ index: 0, message: { role: "assistant", content: "ok", refusal: null }, finish_reason: "stop" }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  });
  for (const v of DIAGNOSTICS_VECTORS) {
    it(v.name, async () => {
      const clock = new VirtualClock();
      const fake = scriptedFetch(clock, () => ({ kind: "response", status: 200, headers: { "content-type": "application/json" }, headersAfterMs: 10, chunks: [{ text: answer }] }));
      const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("meta"), catalog: catalog.value, presets: createPresetStore([]) });
      const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", ...v.body }));
      if (response.kind !== "json") throw new Error("expected JSON");
      expect("routing_diagnostics" in (response.body as object)).toBe(v.attached);
    });
  }
});

describe("conformance: /v1/responses body fields (payload.ts:81-94, 517-550, 841-853; code reading)", () => {
  it("always carries provider, provider_id and the timing meta; pricing at the top level and in usage", () => {
    const body = buildResponseBody(baseFacts, { meta: false, timingsWithoutFlag: true });
    expect(body).toMatchObject({ provider: "openai", provider_id: "openai", cost_nanos: 27_000, cost_cents: 0, currency: "USD" });
    expect(Object.keys(body.meta as object)).toEqual([...TIMING_KEYS]);
    expect((body.usage as { pricing_breakdown: unknown }).pricing_breakdown).toMatchObject({ total_nanos: 27_000, total_usd_str: "0.000027", total_cents: 0, currency: "USD" });
    expect(body.pricing_lines).toEqual([
      expect.objectContaining({ dimension: "input_text_tokens", quantity: 10, line_nanos: 2_000 }),
      expect.objectContaining({ dimension: "output_text_tokens", quantity: 20, line_nanos: 25_000 }),
    ]);
  });

  it("under documented fidelity (meta.timingsWithoutFlag false) has no meta without meta:true", () => {
    expect(buildResponseBody(baseFacts, { meta: false, timingsWithoutFlag: false })).not.toHaveProperty("meta");
  });
});

describe("conformance: routing_diagnostics on execute failures (guards.ts:474, 510; error-handler.ts:880-882; code reading)", () => {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog must load");
  const run = async (body: Record<string, unknown>) => {
    const clock = new VirtualClock();
    const fake = scriptedFetch(clock, () => ({ kind: "response", status: 503, headers: { "content-type": "application/json" }, headersAfterMs: 10, chunks: [{ text: "{}" }] }));
    const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("meta"), catalog: catalog.value, presets: createPresetStore([]) });
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", ...body }));
    if (response.kind !== "json") throw new Error("expected JSON");
    return response.body as { error: string; routing_diagnostics?: { rankedProviders: unknown[]; consideredProviders: unknown[]; finalCandidateCount: number } };
  };

  it("carries routing_diagnostics without the diagnostics flag, with empty provider lists", async () => {
    const body = await run({});
    expect(body.error).toBe("upstream_error");
    expect(body.routing_diagnostics).toMatchObject({ rankedProviders: [], consideredProviders: [] });
    expect(body.routing_diagnostics?.finalCandidateCount).toBeGreaterThan(0);
  });

  it("fills the provider lists with the diagnostics flag", async () => {
    const body = await run({ provider: { diagnostics: true } });
    expect(body.routing_diagnostics?.rankedProviders.length).toBeGreaterThan(0);
  });
});
