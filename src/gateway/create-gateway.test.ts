// The pipeline end to end over a scripted provider fetch and recorded wire-format fixtures, on the
// virtual clock: success, failover, all-failed, streaming, cache, diagnostics and healing.
import { describe, expect, it } from "vitest";
import { jsonCopyMeasured, NOT_PLAIN } from "../cache/json-copy.js";
import { createMemoryCacheStore } from "../cache/memory-cache-store.js";
import { createRandomFactory } from "../core/random.js";
import { parseSseStream, formatSseEvent, type SseEvent } from "../core/sse.js";
import { VirtualClock } from "../core/virtual-clock.js";
import { fixtureText } from "../providers/__fixtures__/fixtures.js";
import { scriptedFetch, type CapturedRequest, type Script } from "../providers/__fixtures__/scripted-fetch.js";
import { loadDefaultCatalog } from "./catalog/load-catalog.js";
import { createGateway, type GatewayEvent, type GatewayResponse } from "./create-gateway.js";
import { createPresetStore } from "./presets/preset-store.js";
import { inlinePresetSchema } from "./presets/preset-schema.js";
import { gatewaySettingsSchema, type GatewaySettingsInput } from "./settings.js";

const catalogResult = loadDefaultCatalog();
if (!catalogResult.ok) throw new Error("default catalog must load");
const catalog = catalogResult.value;

const ok = (body: string, afterMs = 100): Script => ({ kind: "response", status: 200, headers: { "content-type": "application/json" }, headersAfterMs: afterMs, chunks: [{ text: body }] });
const status = (code: number, afterMs = 50): Script => ({
  kind: "response",
  status: code,
  headers: { "content-type": "application/json" },
  headersAfterMs: afterMs,
  chunks: [{ text: fixtureText("openai-chat", code === 429 ? "error-429.json" : "error-500.json") }],
});
const chat = (content: string, finish = "stop"): string =>
  JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1767225600,
    model: "gpt-5.4-nano",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: finish }],
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  });

function setup(respond: (request: CapturedRequest) => Script, presets = createPresetStore([]), settings?: GatewaySettingsInput) {
  const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
  const fake = scriptedFetch(clock, respond);
  const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("test"), catalog, presets, ...(settings ? { settings: gatewaySettingsSchema.parse(settings) } : {}) });
  return { clock, gateway, requests: fake.requests };
}

const recordOf = (response: GatewayResponse) => {
  if (response.kind !== "json") throw new Error("expected a JSON response");
  return response.record;
};

const json = (response: GatewayResponse): Record<string, unknown> => {
  if (response.kind !== "json") throw new Error("expected a JSON response");
  return response.body as Record<string, unknown>;
};

describe("createGateway", () => {
  it("answers a plain request with a Responses body and meta", async () => {
    const { clock, gateway, requests } = setup(() => ok(chat("Paris.")));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "Capital of France?", meta: true }));
    const body = json(response);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ object: "response", status: "completed", model: "openai/gpt-5.4-nano" });
    expect(body.output).toEqual([expect.objectContaining({ type: "message", role: "assistant", content: [{ type: "output_text", text: "Paris.", annotations: [] }] })]);
    expect(body.usage).toMatchObject({ input_tokens: 20, output_tokens: 10, total_tokens: 30, pricing_breakdown: { currency: "USD" } });
    expect(body).toMatchObject({ provider: expect.any(String), provider_id: body.provider, currency: "USD", cost_nanos: expect.any(Number) });
    const meta = body.meta as { routing: { selected_provider: string }; end_to_end_ms: number; generation_ms: number; response_cache: { status: string } };
    expect(["openai", "openai-eu"]).toContain(meta.routing.selected_provider);
    expect(meta).toMatchObject({ end_to_end_ms: 100, generation_ms: 100, phaseo_overhead_ms: 0, output_speed_tps: null, routing: { requested_params: [], param_dropped_providers: [] } });
    expect(meta.response_cache).toMatchObject({ status: "miss", reason: null, ttlSource: "platform_default" });
    expect(Object.keys(meta)).not.toContain("plugin_executions");
    expect(requests[0]?.url).toMatch(/\/chat\/completions$/);
    expect(gateway.usage.get(String(body.id))?.selected_provider).toBe(meta.routing.selected_provider);
  });

  // A replayed request keeps its logged id: the id-keyed draws (the half-open probe) then repeat.
  it("gives a request the id it is sent under, on every surface, instead of drawing one", async () => {
    const { clock, gateway } = setup(() => ok(chat("Paris.")));
    const given = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "Capital of France?" }, { id: "G-logged-1" }));
    expect(json(given).id).toBe("G-logged-1");
    expect(gateway.usage.get("G-logged-1")?.seq).toBe(0);
    const chatSurface = await clock.run(() => gateway.respondOn("chat.completions", { model: "openai/gpt-5.4-nano", messages: [{ role: "user", content: "Hi" }] }, { id: "G-logged-2" }));
    expect(chatSurface.status).toBe(200);
    expect(gateway.usage.get("G-logged-2")?.seq).toBe(1);
    const undecodable = await clock.run(() => gateway.respondOn("messages", { model: "openai/gpt-5.4-nano" }, { id: "G-logged-3" }));
    expect(undecodable.status).toBe(400);
    expect(gateway.usage.get("G-logged-3")?.http_status).toBe(400);
    const drawn = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "Again?" }));
    expect(String(json(drawn).id)).toMatch(/^G-[0-9a-f]{24}$/);
  });

  it("fails over in ranked order and records every attempt", async () => {
    const { clock, gateway } = setup((request) => (request.url.includes("eu.api.openai.com") ? ok(chat("from eu")) : status(503)));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", provider: { order: ["openai", "openai-eu"] }, meta: true }));
    expect(recordOf(response).attempts.map((a) => [a.provider, a.outcome, a.status])).toEqual([
      // Every non-2xx is `upstream_non_2xx` and fails over (index.ts:951-1013).
      ["openai", "upstream_non_2xx", 503],
      ["openai-eu", "success", 200],
    ]);
    expect(recordOf(response).selected_provider).toBe("openai-eu");
  });

  it("answers 502 all_candidates_failed with its fields when every provider fails", async () => {
    const { clock, gateway } = setup(() => status(500));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", provider: { order: ["openai", "openai-eu"] } }));
    expect(response.status).toBe(502);
    expect(json(response)).toMatchObject({
      status_code: 502,
      error: "upstream_error",
      error_type: "system",
      error_origin: "upstream",
      reason: "all_candidates_failed",
      attempt_count: 2,
      failed_providers: ["openai", "openai-eu"],
      // Unique statuses; failure_sample is a list of the first three attempt errors (guards.ts:406-450).
      failed_statuses: [500],
      failure_sample: [
        { provider: "openai", type: "upstream_non_2xx", status: 500, retryable: null },
        { provider: "openai-eu", type: "upstream_non_2xx", status: 500, retryable: null },
      ],
    });
    expect(json(response).description).toMatch(/^All 2 provider attempts failed for endpoint "responses" on model "openai\/gpt-5.4-nano". Provider\/status summary: openai:500, openai-eu:500\./);
    expect(response.headers).toMatchObject({ "cache-control": "no-store", "x-gateway-error-attribution": "upstream", "x-gateway-error-origin": "upstream" });
  });

  it("answers 502 provider_payment_required when any attempt got a 402", async () => {
    const { clock, gateway } = setup((request) => (request.url.includes("eu.api.openai.com") ? status(500) : status(402)));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", provider: { order: ["openai", "openai-eu"] } }));
    expect(response.status).toBe(502);
    expect(json(response)).toMatchObject({
      error: "provider_payment_required",
      reason: "upstream_provider_payment_required",
      provider_payment_required_provider: "openai",
      failed_statuses: [402, 500],
    });
  });

  it("tries only the first candidate with allow_fallbacks: false", async () => {
    const { clock, gateway, requests } = setup(() => status(503));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", provider: { order: ["openai"], allow_fallbacks: false } }));
    expect(response.status).toBe(502);
    expect(requests).toHaveLength(1);
  });

  it("returns routing_diagnostics only when provider.diagnostics is set", async () => {
    const { clock, gateway } = setup(() => ok(chat("ok")));
    const without = json(await clock.run(() => gateway.respond({ model: "meta/llama-4-maverick", input: "x" })));
    expect(without.routing_diagnostics).toBeUndefined();
    const withDiagnostics = json(await clock.run(() => gateway.respond({ model: "meta/llama-4-maverick", input: "x", provider: { ignore: ["deepinfra"], sort: "price", diagnostics: true } })));
    // The reference's names (routing.ts:569-634): providerId, beforeCount/afterCount, droppedProviders.
    const diagnostics = withDiagnostics.routing_diagnostics as {
      endpoint: string;
      rankedProviders: { providerId: string; scoreFactors: Record<string, number> }[];
      consideredProviders: { providerId: string; baseWeight: number }[];
      filterStages: { stage: string; droppedProviders: { providerId: string; reason: string }[] }[];
    };
    expect(diagnostics.endpoint).toBe("responses");
    expect(diagnostics.rankedProviders.map((r) => r.providerId)).not.toContain("deepinfra");
    expect(diagnostics.consideredProviders[0]).toMatchObject({ providerId: expect.any(String), baseWeight: expect.any(Number) });
    expect(diagnostics.filterStages.find((s) => s.stage === "hints.ignore")?.droppedProviders).toEqual([expect.objectContaining({ providerId: "deepinfra", reason: "listed_in_provider.ignore" })]);
    expect(diagnostics.rankedProviders[0]?.scoreFactors).toHaveProperty("priceScore");
  });

  it("heals fenced JSON with response-healing and reports the execution in meta", async () => {
    const { clock, gateway } = setup(() => ok(chat('```json\n{"summary": "ok", "risk_level": "low",}\n```')));
    const body = json(
      await clock.run(() =>
        gateway.respond({
          model: "openai/gpt-5.4-mini",
          input: "Summarize.",
          response_format: {
            type: "json_schema",
            name: "release_summary",
            schema: {
              type: "object",
              required: ["summary", "risk_level"],
              properties: { summary: { type: "string" }, risk_level: { type: "string", enum: ["low", "medium", "high"] } },
              additionalProperties: false,
            },
          },
          plugins: [{ id: "response-healing" }],
          meta: true,
        }),
      ),
    );
    const output = body.output as { content: { text: string }[] }[];
    expect(output[0]?.content[0]?.text).toBe('{"summary":"ok","risk_level":"low"}');
    expect((body.meta as { plugin_executions: unknown[] }).plugin_executions).toEqual([
      expect.objectContaining({
        id: "response-healing",
        status: "applied",
        changed: true,
        metadata: expect.objectContaining({ healed: true, transforms_applied: ["strip_markdown_fence", "remove_trailing_commas"] }),
      }),
    ]);
  });

  it("serves a repeated request from the cache without calling a provider", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    const { clock, gateway, requests } = setup(() => ok(chat("cached answer")), createPresetStore([preset]));
    const first = await clock.run(() => gateway.respond({ model: "@cached", input: "same" }));
    const second = await clock.run(() => gateway.respond({ model: "@cached", input: "same" }));
    expect(first.headers["x-phaseo-response-cache"]).toBe("miss");
    expect(second.headers["x-phaseo-response-cache"]).toBe("hit");
    expect(requests).toHaveLength(1);
    expect(recordOf(second).response_cache?.status).toBe("hit");
    expect((json(second).output as unknown[])[0]).toEqual((json(first).output as unknown[])[0]);
    await clock.advance(601_000);
    await clock.run(() => gateway.respond({ model: "@cached", input: "same" }));
    expect(requests).toHaveLength(2);
  });

  it("gives a meta:true request that hits a body stored without meta the hit's record in meta (documented key)", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    // keyIgnoresOutputFlags: meta:true finds the entry a request without meta stored (the defect's setting).
    const { clock, gateway, requests } = setup(() => ok(chat("cached answer")), createPresetStore([preset]), { cache: { keyIgnoresOutputFlags: true }, meta: { timingsWithoutFlag: false } });
    const first = await clock.run(() => gateway.respond({ model: "@cached", input: "same" }));
    expect(json(first).meta).toBeUndefined();
    await clock.advance(5_000);
    const hit = await clock.run(() => gateway.respond({ model: "@cached", input: "same", meta: true }));
    expect(requests).toHaveLength(1);
    expect(json(hit).meta).toEqual({
      response_cache: {
        enabled: true,
        status: "hit",
        reason: null,
        key: expect.stringMatching(/^gateway:response-cache:v1:gateway-sim:[0-9a-f]{64}$/),
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        ttlSeconds: 600,
        ttlSource: "preset",
        createdAt: new Date(Date.UTC(2026, 4, 19) + 100).toISOString(),
        ageMs: 5_000,
        providerId: expect.any(String),
      },
    });
    // The stored body is replayed as stored, and the record shows nothing was paid or generated.
    expect(json(hit).id).toBe(json(first).id);
    expect(recordOf(hit)).toMatchObject({ cost_usd: 0, selected_provider: null, attempts: [] });
  });

  it("under reference fidelity meta:true is its own key: a repeat with meta:true hits the stored meta, with the record overwritten", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    const { clock, gateway, requests } = setup(() => ok(chat("cached answer")), createPresetStore([preset]));
    await clock.run(() => gateway.respond({ model: "@cached", input: "same" }));
    const miss = await clock.run(() => gateway.respond({ model: "@cached", input: "same", meta: true }));
    expect(miss.headers["x-phaseo-response-cache"]).toBe("miss");
    const hit = await clock.run(() => gateway.respond({ model: "@cached", input: "same", meta: true }));
    expect(requests).toHaveLength(2);
    const meta = json(hit).meta as Record<string, unknown>;
    expect(meta.response_cache).toMatchObject({ status: "hit", ttlSource: "preset" });
    expect(meta.routing).toEqual((json(miss).meta as Record<string, unknown>).routing);
  });

  it("binds no store with cache.store none (the open-source build): bypass store_not_configured, no header", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    const { clock, gateway, requests } = setup(() => ok(chat("x")), createPresetStore([preset]), { cache: { store: "none" } });
    for (let i = 0; i < 2; i++) {
      const response = await clock.run(() => gateway.respond({ model: "@cached", input: "same", meta: true }));
      expect(response.headers["x-phaseo-response-cache"]).toBeUndefined();
      expect((json(response).meta as Record<string, unknown>).response_cache).toEqual({
        enabled: false,
        status: "bypass",
        reason: "store_not_configured",
        key: null,
        fingerprint: null,
        ttlSeconds: null,
        ttlSource: null,
      });
    }
    expect(requests).toHaveLength(2);
  });

  it("reads the request's TTL only under documented fidelity (or cache.requestTtl)", async () => {
    const body = { model: "openai/gpt-5.4-nano", input: "same", meta: true, response_caching: { ttl_seconds: 60 } };
    for (const [settings, ttl] of [
      [undefined, 300],
      [{ fidelity: "documented" as const }, 60],
      [{ cache: { requestTtl: true } }, 60],
    ] as const) {
      const { clock, gateway } = setup(() => ok(chat("x")), createPresetStore([]), settings);
      const response = await clock.run(() => gateway.respond(body));
      expect((json(response).meta as Record<string, unknown>).response_cache, JSON.stringify(settings)).toMatchObject({ status: "miss", ttlSeconds: ttl });
    }
  });

  it("bypasses a debug request with debug_enabled", async () => {
    const { clock, gateway } = setup(() => ok(chat("x")));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", debug: { enabled: true } }));
    expect((json(response).meta as Record<string, unknown>).response_cache).toMatchObject({ status: "bypass", reason: "debug_enabled" });
    expect(json(response).routing_diagnostics).toBeDefined();
  });

  it("streams Responses events from an OpenAI chunk stream and settles the record", async () => {
    const sse = fixtureText("openai-chat", "stream-basic.sse");
    const { clock, gateway } = setup(() => ({ kind: "response", status: 200, headers: { "content-type": "text/event-stream" }, headersAfterMs: 300, chunks: [{ text: sse }] }));
    const events: SseEvent[] = await clock.run(async () => {
      const response = await gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", stream: true });
      if (response.kind !== "stream") throw new Error("expected a stream");
      const text = [];
      for await (const event of response.events) text.push(formatSseEvent(event));
      const collected: SseEvent[] = [];
      const body = new Response(text.join("")).body;
      if (body) for await (const e of parseSseStream(body)) collected.push(e);
      await response.record;
      return collected;
    });
    const types = events.map((e) => e.event);
    expect(types[0]).toBe("response.created");
    expect(types).toContain("response.output_text.delta");
    expect(types.at(-1)).toBe("response.completed");
    const sequence = events.map((e) => (JSON.parse(e.data) as { sequence_number: number }).sequence_number);
    expect(sequence).toEqual(sequence.map((_, i) => i));
    expect(gateway.usage.list()).toHaveLength(1);
  });

  it("answers bad input with flat errors and still logs the request", async () => {
    const { clock, gateway } = setup(() => ok(chat("never")));
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x", provider: { sort: "fastest", data_collection: "deny" } }));
    expect(response.status).toBe(400);
    // The reference answers an unsupported routing filter as validation_error with its own keyword.
    expect(json(response)).toMatchObject({ error: "validation_error", details: [expect.objectContaining({ path: "provider.data_collection", keyword: "unsupported_routing_filter" })] });
    expect(gateway.usage.size).toBe(1);
  });

  it("gives the same ids and decisions for the same seed", async () => {
    const run = async () => {
      const { clock, gateway } = setup(() => ok(chat("ok")));
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await clock.run(() => gateway.respond({ model: "meta/llama-4-maverick", input: `q${i}` }));
        const record = recordOf(response);
        ids.push(`${record.id}:${record.selected_provider}`);
      }
      return ids;
    };
    expect(await run()).toEqual(await run());
  });
});

describe("response cache and bad answers", () => {
  it("stores an answer cut off at the output limit, as the reference does", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    const { clock, gateway, requests } = setup(() => ok(chat('{"summary": "cut', "length")), createPresetStore([preset]));
    const body = { model: "@cached", input: "same", response_format: { type: "json_object" }, plugins: [{ id: "response-healing" }] };
    await clock.run(() => gateway.respond(body));
    const again = await clock.run(() => gateway.respond(body));
    expect(again.headers["x-phaseo-response-cache"]).toBe("hit");
    expect(requests).toHaveLength(1);
  });

  it("with cache.skipUnreliableAnswers, does not store an answer cut off at the output limit or one whose healing failed", async () => {
    const preset = inlinePresetSchema.parse({ slug: "cached", model: "openai/gpt-5.4-nano", response_caching: { enabled: true, ttl_seconds: 600 } });
    let answer = chat('{"summary": "cut', "length");
    const { clock, gateway, requests } = setup(() => ok(answer), createPresetStore([preset]), { cache: { skipUnreliableAnswers: true } });
    const body = { model: "@cached", input: "same", response_format: { type: "json_object" }, plugins: [{ id: "response-healing" }] };
    const truncated = await clock.run(() => gateway.respond(body));
    expect(recordOf(truncated).status).toBe("incomplete");
    const again = await clock.run(() => gateway.respond(body));
    expect(again.headers["x-phaseo-response-cache"]).toBe("miss");
    answer = chat('{"summary": "ok"}');
    await clock.run(() => gateway.respond(body));
    const hit = await clock.run(() => gateway.respond(body));
    expect(hit.headers["x-phaseo-response-cache"]).toBe("hit");
    expect(requests).toHaveLength(3);
  });

  it("bounds the stores it builds, on every surface, by cache.maxEntries and cache.maxBytes", async () => {
    const events: GatewayEvent[] = [];
    const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
    const fake = scriptedFetch(clock, () => ok(chat("A short answer.")));
    const build = (cache: GatewaySettingsInput["cache"]) =>
      createGateway({
        fetch: fake.fetch,
        clock,
        random: createRandomFactory("test"),
        catalog,
        presets: createPresetStore([]),
        settings: gatewaySettingsSchema.parse({ cache }),
        onEvent: (event) => events.push(event),
      });
    const statuses = async (send: (input: string) => Promise<GatewayResponse>, inputs: string[]) => {
      const seen: (string | undefined)[] = [];
      for (const input of inputs) seen.push((await clock.run(() => send(input))).headers["x-phaseo-response-cache"]);
      return seen;
    };
    // One entry: the second question evicts the first, which then misses again.
    const one = build({ maxEntries: 1 });
    const responses = (input: string) => one.respond({ model: "openai/gpt-5.4-nano", input });
    const chatSurface = (input: string) => one.respondOn("chat.completions", { model: "openai/gpt-5.4-nano", messages: [{ role: "user", content: input }] });
    expect(await statuses(responses, ["a", "a", "b", "a"])).toEqual(["miss", "hit", "miss", "miss"]);
    expect(await statuses(chatSurface, ["a", "a", "b", "a"])).toEqual(["miss", "hit", "miss", "miss"]);
    expect(one.cache.size).toBe(1);
    // The default bound keeps both.
    const roomy = build({});
    expect(await statuses((input) => roomy.respond({ model: "openai/gpt-5.4-nano", input }), ["a", "b", "a"])).toEqual(["miss", "miss", "hit"]);
    // 200 bytes: no answer fits, on either surface, and each refusal is an event naming the budget.
    const tiny = build({ maxBytes: 200 });
    expect(await statuses((input) => tiny.respond({ model: "openai/gpt-5.4-nano", input }), ["a", "a"])).toEqual(["miss", "miss"]);
    expect(await statuses((input) => tiny.respondOn("chat.completions", { model: "openai/gpt-5.4-nano", messages: [{ role: "user", content: input }] }), ["a", "a"])).toEqual(["miss", "miss"]);
    const refusals = events.filter((event) => event.type === "cache:not-stored");
    expect(refusals).toHaveLength(4);
    expect(refusals.every((event) => event.maxBytes === 200 && event.bytes > 200)).toBe(true);
  });

  it("keeps the bounds of a cache store it is given, whatever the settings say", async () => {
    const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
    const fake = scriptedFetch(clock, () => ok(chat("A short answer.")));
    const cache = createMemoryCacheStore();
    const gateway = createGateway({
      fetch: fake.fetch,
      clock,
      random: createRandomFactory("test"),
      catalog,
      presets: createPresetStore([]),
      cache,
      settings: gatewaySettingsSchema.parse({ cache: { maxEntries: 1 } }),
    });
    for (const input of ["a", "b", "c"]) await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input }));
    expect(cache.size).toBe(3);
  });

  it("answers miss and reports cache:not-stored when the answer is larger than the store's byte budget", async () => {
    const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
    const fake = scriptedFetch(clock, () => ok(chat("A long answer.")));
    const events: GatewayEvent[] = [];
    const cache = createMemoryCacheStore({ maxBytes: 200 });
    const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("test"), catalog, presets: createPresetStore([]), cache, onEvent: (event) => events.push(event) });
    const body = { model: "openai/gpt-5.4-nano", input: "same" };
    const first = await clock.run(() => gateway.respond(body));
    const again = await clock.run(() => gateway.respond(body));
    expect([first.headers["x-phaseo-response-cache"], again.headers["x-phaseo-response-cache"]]).toEqual(["miss", "miss"]);
    expect(fake.requests).toHaveLength(2);
    expect(cache.size).toBe(0);
    const notStored = events.filter((event) => event.type === "cache:not-stored");
    expect(notStored).toHaveLength(2);
    const measured = jsonCopyMeasured(json(first));
    const bytes = measured === NOT_PLAIN ? Number.NaN : measured.textLength;
    expect(notStored[0]).toMatchObject({ id: recordOf(first).id, reason: "entry_too_large", bytes, maxBytes: 200 });
    // The priced body's fractions count at their longest: never less than the text.
    expect(bytes).toBeGreaterThanOrEqual(JSON.stringify(json(first)).length);
  });
});
