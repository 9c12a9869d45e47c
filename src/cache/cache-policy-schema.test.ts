import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cachePolicySchema, requestCachePolicy, requestCachePolicyFields } from "./cache-policy-schema.js";

describe("cachePolicySchema", () => {
  it("accepts enabled and ttl_seconds, rejects anything else", () => {
    expect(cachePolicySchema.parse({ enabled: true, ttl_seconds: 600 })).toEqual({ enabled: true, ttl_seconds: 600 });
    expect(cachePolicySchema.safeParse({ ttl_seconds: 0 }).success).toBe(false);
    expect(cachePolicySchema.safeParse({ ttl: 60 }).success).toBe(false);
  });

  it("spreads into a request schema under both field names", () => {
    const request = z.object({ model: z.string(), ...requestCachePolicyFields });
    expect(request.parse({ model: "m", cache: { ttl_seconds: 60 } })).toEqual({ model: "m", cache: { ttl_seconds: 60 } });
  });
});

describe("requestCachePolicy", () => {
  it("merges the two spellings, response_caching winning field by field", () => {
    expect(requestCachePolicy({ cache: { ttl_seconds: 60, enabled: false }, response_caching: { enabled: true } })).toEqual({ ttl_seconds: 60, enabled: true });
    expect(requestCachePolicy({ cache: { ttl_seconds: 60 } })).toEqual({ ttl_seconds: 60 });
    expect(requestCachePolicy({})).toBeUndefined();
  });
});
