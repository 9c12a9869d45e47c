// Runs the reference's response-cache test vectors (cache.vectors.ts) against gateway-sim's cache
// functions and, for the pipeline tests, against a gateway whose store returns a fixed record.
import { describe, expect, it } from "vitest";
import { cacheEligibility, computeCacheKey, createMemoryCacheStore, lookupCache, resolveCachePolicy, sanitiseBody, type ResponseCacheStore } from "../../src/cache/index.js";
import { canonicalJson } from "../../src/cache/canonical-json.js";
import { createRandomFactory } from "../../src/core/random.js";
import { VirtualClock } from "../../src/core/virtual-clock.js";
import { loadDefaultCatalog } from "../../src/gateway/catalog/load-catalog.js";
import { createGateway, type GatewayResponse } from "../../src/gateway/create-gateway.js";
import { createPresetStore } from "../../src/gateway/presets/preset-store.js";
import { scriptedFetch } from "../../src/providers/__fixtures__/scripted-fetch.js";
import {
  CACHE_TEST_FILE,
  CLAMP_VECTORS,
  ELIGIBILITY_VECTORS,
  FINGERPRINT_VECTORS,
  KEY_VECTORS,
  PIPELINE_VECTORS,
  POLICY_VECTORS,
  RECORD_VECTORS,
  SANITISE_VECTORS,
  TEXT_GENERATE_CACHE_TEST_FILE,
} from "./cache.vectors.js";

const bounds = { defaultTtlSeconds: 300, minTtlSeconds: 30, maxTtlSeconds: 86_400 };

describe(`conformance: ${CACHE_TEST_FILE}`, () => {
  for (const v of FINGERPRINT_VECTORS) {
    it(v.name, () => {
      const first = computeCacheKey(v.first);
      expect(first).toEqual(computeCacheKey(v.second));
      expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });
  }
  for (const v of SANITISE_VECTORS) {
    it(v.name, () => {
      const text = canonicalJson(sanitiseBody(v.body));
      expect(text).toContain(v.contains);
      expect(text).not.toContain(v.absent);
    });
  }
  for (const v of KEY_VECTORS) {
    it(v.name, () => {
      // The key is the prefix, version and workspace before the digest.
      const { key, fingerprint } = computeCacheKey({ workspaceId: v.workspaceId, endpoint: "responses", model: "m", protocol: null, preset: { id: null, slug: null }, routingMode: null, body: {} });
      expect(key.replace(fingerprint, v.digest)).toBe(v.key);
    });
  }
  for (const v of ELIGIBILITY_VECTORS) it(v.name, () => expect(cacheEligibility(v.input)).toBe(v.reason));
  for (const v of POLICY_VECTORS) it(v.name, () => expect(resolveCachePolicy({ ...v.input, bounds })).toEqual(v.expected));
  for (const v of CLAMP_VECTORS) it(v.name, () => expect(resolveCachePolicy({ presetCache: { ttlSeconds: v.ttl }, bounds }).ttlSeconds).toBe(v.clamped));
  for (const v of RECORD_VECTORS) {
    it(v.name, () => {
      const store = createMemoryCacheStore();
      const now = Date.parse(v.now);
      store.set("k", { body: { id: "resp_123" }, storedAt: now, expiresAt: now + v.ttlSeconds * 1000, providerId: v.providerId });
      const hit = lookupCache(store, { key: "k", fingerprint: "abc123", ttlSeconds: v.ttlSeconds, ttlSource: "preset" }, now);
      expect(hit.info).toMatchObject({ createdAt: v.createdAt, providerId: v.providerId, ttlSeconds: v.ttlSeconds });
      expect(lookupCache(store, { key: "k", fingerprint: "abc123", ttlSeconds: v.ttlSeconds, ttlSource: "preset" }, Date.parse(v.expiresAt)).status).toBe("miss");
    });
  }
});

describe(`conformance: ${TEXT_GENERATE_CACHE_TEST_FILE}`, () => {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog must load");
  const answer = JSON.stringify({
    id: "c",
    object: "chat.completion",
    created: 1,
    model: "gpt-5.4-nano",
    choices: [{ index: 0, message: { role: "assistant", content: "live", refusal: null }, finish_reason: "stop" }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  });

  for (const v of PIPELINE_VECTORS) {
    it(v.name, async () => {
      const clock = new VirtualClock({ start: Date.UTC(2026, 4, 9, 12) });
      const fake = scriptedFetch(clock, () => ({ kind: "response", status: 200, headers: { "content-type": "application/json" }, headersAfterMs: 10, chunks: [{ text: answer }] }));
      const stored = v.stored;
      // The reference test's store returns its record for any key.
      const store: ResponseCacheStore = {
        get: (_key, now) =>
          stored ? { body: structuredClone(stored.body), storedAt: now - stored.ageMs, expiresAt: now - stored.ageMs + stored.ttlSeconds * 1000, providerId: stored.providerId } : undefined,
        set: () => {},
        size: 0,
      };
      const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("conformance"), catalog: catalog.value, presets: createPresetStore([]), cache: store });
      const response: GatewayResponse = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "hello", ...(v.returnMeta ? { meta: true } : {}) }));
      if (response.kind !== "json") throw new Error("expected JSON");
      expect(response.headers["x-phaseo-response-cache"]).toBe(v.expect.header);
      expect(fake.requests).toHaveLength(v.expect.providerCalls);
      expect(response.record.response_cache).toMatchObject(v.expect.responseCache);
      if ("body" in v.expect) expect(response.body).toEqual(v.expect.body);
      if ("meta" in v.expect) expect((response.body as { meta: unknown }).meta).toMatchObject(v.expect.meta);
    });
  }
});
