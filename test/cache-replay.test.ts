// Usage example: the response cache on the simulated clock — the seed's cache-compatibility advice
// (stable wording, schema, no per-request provider overrides, no volatile tools) as key behaviour,
// and TTL expiry measured in virtual time.
import { describe, expect, it } from "vitest";
import { bypassInfo, computeCacheKey, createMemoryCacheStore, lookupCache, resolveCachePolicy } from "../src/cache/index.js";
import { VirtualClock } from "../src/core/virtual-clock.js";
import { responseCachingSchema } from "../src/gateway/request/generation-fields.js";
import { defaultGatewaySettings } from "../src/gateway/settings.js";

const settings = defaultGatewaySettings();
// The preset's `response_caching`, as the preset schema parses it.
const presetPolicy = responseCachingSchema.parse({ enabled: true, ttl_seconds: 600 });
const request = {
  preset: "release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: { type: "json_schema", name: "release_summary", schema: { type: "object", required: ["summary"], properties: { summary: { type: "string" } } } },
  meta: true,
};
const keyOf = (body: Record<string, unknown>) =>
  computeCacheKey({ endpoint: "/v1/responses", model: "openai/gpt-5.4-nano", preset: "release-summary", routingMode: "balanced_shuffle", body });

describe("response cache on the virtual clock", () => {
  it("misses, stores, hits until the preset's TTL runs out in simulated time", async () => {
    const clock = new VirtualClock();
    const store = createMemoryCacheStore();
    const policy = resolveCachePolicy({ stream: false, hasTools: false, presetCache: presetPolicy, settings });
    if (!policy.eligible) throw new Error("expected an eligible request");
    const key = keyOf(request);

    expect(lookupCache(store, key, clock.now(), policy.ttlSeconds).status).toBe("miss");
    store.set(key, { body: { id: "G-first" }, storedAt: clock.now(), expiresAt: clock.now() + policy.ttlSeconds * 1000 });

    await clock.advance(599_000);
    const hit = lookupCache(store, keyOf({ ...request, meta: false }), clock.now(), policy.ttlSeconds);
    expect(hit).toMatchObject({ status: "hit", entry: { body: { id: "G-first" } }, info: { age_seconds: 599, ttl_seconds: 600 } });

    await clock.advance(1_000);
    expect(lookupCache(store, key, clock.now(), policy.ttlSeconds).status).toBe("miss");
  });

  it("follows the seed's advice: what changes the key and what keeps it", () => {
    const stable = keyOf(request);
    expect(keyOf({ ...request, provider: { diagnostics: true } })).toBe(stable);
    expect(keyOf({ ...request, input: "Summarise the past day of deployments." })).not.toBe(stable);
    expect(keyOf({ ...request, response_format: { ...request.response_format, name: "release_summary_v2" } })).not.toBe(stable);
    expect(keyOf({ ...request, provider: { only: ["openai"] } })).not.toBe(stable);
  });

  it("bypasses streaming and tool requests, and a preset that disables caching", () => {
    expect(resolveCachePolicy({ stream: true, hasTools: false, presetCache: presetPolicy, settings })).toEqual({ eligible: false, reason: "streaming" });
    expect(resolveCachePolicy({ stream: false, hasTools: true, settings })).toEqual({ eligible: false, reason: "tools" });
    const disabled = resolveCachePolicy({ stream: false, hasTools: false, presetCache: { enabled: false }, settings });
    expect(disabled.eligible ? undefined : bypassInfo(disabled.reason)).toEqual({ status: "bypass", reason: "disabled_by_policy" });
  });
});
