import { describe, expect, it } from "vitest";
import { bypassInfo, cacheHeaders, lookupCache } from "./cache-outcome.js";
import { createMemoryCacheStore } from "./memory-cache-store.js";

describe("lookupCache", () => {
  const input = { key: "gateway:response-cache:v1:w:abc", fingerprint: "abc", ttlSeconds: 300, ttlSource: "platform_default" as const };

  it("records a miss with reason null and the TTL this request would store with", () => {
    expect(lookupCache(createMemoryCacheStore(), input, 0).info).toEqual({
      enabled: true,
      status: "miss",
      reason: null,
      key: input.key,
      fingerprint: "abc",
      ttlSeconds: 300,
      ttlSource: "platform_default",
    });
  });

  it("records a hit with the stored TTL, createdAt, age and provider", () => {
    const store = createMemoryCacheStore();
    store.set(input.key, { body: { ok: true }, storedAt: 1_000, expiresAt: 61_000, providerId: "openai" });
    expect(lookupCache(store, input, 6_000).info).toEqual({
      enabled: true,
      status: "hit",
      reason: null,
      key: input.key,
      fingerprint: "abc",
      ttlSeconds: 60,
      ttlSource: "platform_default",
      createdAt: new Date(1_000).toISOString(),
      ageMs: 5_000,
      providerId: "openai",
    });
  });
});

describe("cacheHeaders", () => {
  it("sends X-Phaseo-Response-Cache on hit and miss, nothing on bypass", () => {
    expect(cacheHeaders({ ...bypassInfo("store_not_configured") })).toEqual({});
    expect(cacheHeaders({ enabled: true, status: "miss", reason: null, key: "k", fingerprint: "f", ttlSeconds: 300, ttlSource: "preset" })).toEqual({ "x-phaseo-response-cache": "miss" });
  });

  it("a bypass has key, fingerprint and TTL null", () => {
    expect(bypassInfo("disabled_by_policy", "disabled")).toEqual({
      enabled: false,
      status: "bypass",
      reason: "disabled_by_policy",
      key: null,
      fingerprint: null,
      ttlSeconds: null,
      ttlSource: "disabled",
    });
  });
});
