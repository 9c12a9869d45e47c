import { describe, expect, it } from "vitest";
import { responseCachingSchema } from "../gateway/request/generation-fields.js";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../gateway/settings.js";
import { resolveCachePolicy } from "./resolve-cache-policy.js";

const settings = defaultGatewaySettings();
const base = { stream: false, hasTools: false, settings };

describe("resolveCachePolicy eligibility", () => {
  it("bypasses streaming requests and requests with tools", () => {
    expect(resolveCachePolicy({ ...base, stream: true })).toEqual({ eligible: false, reason: "streaming" });
    expect(resolveCachePolicy({ ...base, hasTools: true })).toEqual({ eligible: false, reason: "tools" });
  });

  it("bypasses when enabled is false in the request or the preset", () => {
    expect(resolveCachePolicy({ ...base, requestCache: { enabled: false } })).toEqual({ eligible: false, reason: "disabled_by_policy" });
    expect(resolveCachePolicy({ ...base, presetCache: { enabled: false, ttlSeconds: 600 }, requestCache: { ttlSeconds: 60 } })).toEqual({
      eligible: false,
      reason: "disabled_by_policy",
    });
  });
});

describe("resolveCachePolicy TTL", () => {
  it("reads the policies as the request and preset schemas parse them (ttl_seconds → ttlSeconds)", () => {
    const preset = responseCachingSchema.parse({ enabled: true, ttl_seconds: 600 });
    expect(resolveCachePolicy({ ...base, presetCache: preset })).toEqual({ eligible: true, ttlSeconds: 600, clamped: false, ttlSource: "preset" });
    const request = responseCachingSchema.parse({ ttl_seconds: 45 });
    expect(resolveCachePolicy({ ...base, presetCache: preset, requestCache: request })).toMatchObject({ ttlSeconds: 45, ttlSource: "request" });
  });

  it("takes the request's TTL, else the preset's, else the 300 s default", () => {
    expect(resolveCachePolicy({ ...base, requestCache: { ttlSeconds: 120 }, presetCache: { ttlSeconds: 600 } })).toEqual({ eligible: true, ttlSeconds: 120, clamped: false, ttlSource: "request" });
    expect(resolveCachePolicy({ ...base, requestCache: { enabled: true }, presetCache: { ttlSeconds: 600 } })).toEqual({ eligible: true, ttlSeconds: 600, clamped: false, ttlSource: "preset" });
    expect(resolveCachePolicy(base)).toEqual({ eligible: true, ttlSeconds: 300, clamped: false, ttlSource: "default" });
  });

  it("clamps to 30 s – 24 h", () => {
    expect(resolveCachePolicy({ ...base, requestCache: { ttlSeconds: 5 } })).toMatchObject({ ttlSeconds: 30, clamped: true });
    expect(resolveCachePolicy({ ...base, presetCache: { ttlSeconds: 7 * 86_400 } })).toMatchObject({ ttlSeconds: 86_400, clamped: true });
    expect(resolveCachePolicy({ ...base, requestCache: { ttlSeconds: 30 } })).toMatchObject({ ttlSeconds: 30, clamped: false });
  });

  it("uses the gateway settings' default and bounds", () => {
    const custom = gatewaySettingsSchema.parse({ cache: { defaultTtlSeconds: 60, minTtlSeconds: 10, maxTtlSeconds: 100 } });
    expect(resolveCachePolicy({ ...base, settings: custom })).toMatchObject({ ttlSeconds: 60, ttlSource: "default" });
    expect(resolveCachePolicy({ ...base, settings: custom, requestCache: { ttlSeconds: 500 } })).toMatchObject({ ttlSeconds: 100, clamped: true });
  });
});
