import { describe, expect, it } from "vitest";
import { bypassInfo, cacheHeaders, lookupCache } from "./cache-outcome.js";
import { createMemoryCacheStore } from "./memory-cache-store.js";

describe("lookupCache", () => {
  it("reports a miss with the TTL it would store with, then a hit with its age", () => {
    const store = createMemoryCacheStore();
    expect(lookupCache(store, "k", 0, 300)).toEqual({ status: "miss", info: { status: "miss", reason: "not_found", key: "k", ttl_seconds: 300 } });
    store.set("k", { body: { id: "G-1" }, storedAt: 1_000, expiresAt: 301_000 });
    const hit = lookupCache(store, "k", 61_500, 300);
    expect(hit).toEqual({
      status: "hit",
      entry: { body: { id: "G-1" }, storedAt: 1_000, expiresAt: 301_000 },
      info: { status: "hit", reason: "fresh", key: "k", ttl_seconds: 300, age_seconds: 60 },
    });
    expect(lookupCache(store, "k", 301_000, 300).status).toBe("miss");
  });
});

describe("cacheHeaders and bypassInfo", () => {
  it("carry status and reason", () => {
    expect(cacheHeaders(bypassInfo("streaming"))).toEqual({ "x-gateway-cache": "bypass", "x-gateway-cache-reason": "streaming" });
  });
});
