// Usage example: the response cache on the simulated clock — the seed's cache-compatibility advice
// (stable wording, schema, no per-request provider overrides, no volatile tools) as key behaviour,
// and TTL expiry measured in virtual time. Reference fidelity: only `debug` keys leave the key.
import { describe, expect, it } from "vitest";
import { bypassInfo, cacheEligibility, computeCacheKey, createMemoryCacheStore, lookupCache, resolveCachePolicy } from "../src/cache/index.js";
import { VirtualClock } from "../src/core/virtual-clock.js";
import { responseCachingSchema } from "../src/gateway/request/generation-fields.js";
import { defaultGatewaySettings } from "../src/gateway/settings.js";

const bounds = defaultGatewaySettings().cache;
// The preset's `response_caching`, as the preset schema parses it.
const presetPolicy = responseCachingSchema.parse({ enabled: true, ttl_seconds: 600 });
const request = {
  model: "@release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: { type: "json_schema", name: "release_summary", schema: { type: "object", required: ["summary"], properties: { summary: { type: "string" } } } },
  meta: true,
};
const keyOf = (body: Record<string, unknown>) =>
  computeCacheKey({
    workspaceId: "gateway-sim",
    endpoint: "responses",
    model: "openai/gpt-5.4-nano",
    protocol: "openai.responses",
    preset: { id: "release-summary", slug: "release-summary" },
    routingMode: null,
    body,
  });

describe("response cache on the virtual clock", () => {
  it("misses, stores, hits until the preset's TTL runs out in simulated time", async () => {
    const clock = new VirtualClock();
    const store = createMemoryCacheStore();
    const policy = resolveCachePolicy({ presetCache: presetPolicy, bounds });
    if (!policy.enabled) throw new Error("expected an enabled policy");
    const { key, fingerprint } = keyOf(request);
    const input = { key, fingerprint, ttlSeconds: policy.ttlSeconds, ttlSource: policy.ttlSource };

    expect(lookupCache(store, input, clock.now()).status).toBe("miss");
    store.set(key, { body: { id: "G-first" }, storedAt: clock.now(), expiresAt: clock.now() + policy.ttlSeconds * 1000, providerId: "openai" });

    await clock.advance(599_000);
    expect(lookupCache(store, input, clock.now())).toMatchObject({
      status: "hit",
      entry: { body: { id: "G-first" } },
      info: { ageMs: 599_000, ttlSeconds: 600, ttlSource: "preset", providerId: "openai" },
    });

    await clock.advance(1_000);
    expect(lookupCache(store, input, clock.now()).status).toBe("miss");
  });

  it("follows the seed's advice: what changes the key and what keeps it", () => {
    const stable = keyOf(request).key;
    expect(keyOf({ ...request, debug: { enabled: false } }).key).toBe(stable);
    expect(keyOf({ ...request, input: "Summarise the past day of deployments." }).key).not.toBe(stable);
    expect(keyOf({ ...request, response_format: { ...request.response_format, name: "release_summary_v2" } }).key).not.toBe(stable);
    expect(keyOf({ ...request, provider: { only: ["openai"] } }).key).not.toBe(stable);
    // At the pin even an output flag is part of the key: `provider.diagnostics` asks for another entry.
    expect(keyOf({ ...request, provider: { diagnostics: true } }).key).not.toBe(stable);
  });

  it("bypasses streaming and tool requests, and a preset that disables caching", () => {
    const eligible = { endpoint: "responses", stream: false, debug: false, serverTools: false, hasTools: false };
    expect(cacheEligibility({ ...eligible, stream: true })).toBe("streaming_request");
    expect(cacheEligibility({ ...eligible, hasTools: true })).toBe("tools_present");
    const disabled = resolveCachePolicy({ presetCache: { enabled: false }, bounds });
    expect(disabled.enabled ? undefined : bypassInfo("disabled_by_policy", disabled.ttlSource)).toMatchObject({ status: "bypass", reason: "disabled_by_policy", ttlSource: "disabled" });
  });
});
