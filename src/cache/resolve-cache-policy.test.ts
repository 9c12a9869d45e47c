import { describe, expect, it } from "vitest";
import { cacheEligibility, resolveCachePolicy } from "./resolve-cache-policy.js";

const bounds = { defaultTtlSeconds: 300, minTtlSeconds: 30, maxTtlSeconds: 86_400 };
const eligible = { endpoint: "responses", stream: false, debug: false, serverTools: false, hasTools: false };

describe("cacheEligibility", () => {
  it("checks endpoint, stream, debug, server tools, tools in that order", () => {
    expect(cacheEligibility({ ...eligible, endpoint: "embeddings", stream: true })).toBe("unsupported_endpoint");
    expect(cacheEligibility({ ...eligible, stream: true, debug: true })).toBe("streaming_request");
    expect(cacheEligibility({ ...eligible, debug: true, hasTools: true })).toBe("debug_enabled");
    expect(cacheEligibility({ ...eligible, serverTools: true, hasTools: true })).toBe("server_tools_enabled");
    expect(cacheEligibility({ ...eligible, hasTools: true })).toBe("tools_present");
    expect(cacheEligibility(eligible)).toBe("eligible");
  });
});

describe("resolveCachePolicy", () => {
  it("any enabled:false wins with source disabled", () => {
    expect(resolveCachePolicy({ presetCache: { enabled: false, ttlSeconds: 60 }, requestCache: { ttlSeconds: 90 }, bounds })).toEqual({ enabled: false, ttlSeconds: null, ttlSource: "disabled" });
  });

  it("takes the first positive integer TTL, floored and clamped, else the platform default", () => {
    expect(resolveCachePolicy({ requestCache: { ttlSeconds: 90.9 }, presetCache: { ttlSeconds: 600 }, bounds })).toEqual({ enabled: true, ttlSeconds: 90, ttlSource: "request" });
    expect(resolveCachePolicy({ presetCache: { ttlSeconds: 5 }, bounds })).toEqual({ enabled: true, ttlSeconds: 30, ttlSource: "preset" });
    expect(resolveCachePolicy({ presetCache: { ttlSeconds: 10 ** 9 }, bounds })).toEqual({ enabled: true, ttlSeconds: 86_400, ttlSource: "preset" });
    expect(resolveCachePolicy({ bounds })).toEqual({ enabled: true, ttlSeconds: 300, ttlSource: "platform_default" });
  });
});
