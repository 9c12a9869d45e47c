// Test vectors of the reference's response-cache tests at the pin (01ac8ac), as data. Facts from
// apps/api/src/core/response-cache.test.ts and apps/api/src/pipeline/surfaces/text-generate.response-cache.test.ts.
export const CACHE_TEST_FILE = "apps/api/src/core/response-cache.test.ts";
export const TEXT_GENERATE_CACHE_TEST_FILE = "apps/api/src/pipeline/surfaces/text-generate.response-cache.test.ts";

const fingerprintInput = {
  workspaceId: "ws_123",
  endpoint: "responses",
  model: "openai/gpt-5.4-nano",
  protocol: "responses",
  preset: { id: "preset_123", slug: "fast-agent" },
  routingMode: "latency",
};

export const FINGERPRINT_VECTORS = [
  {
    name: "produces stable payloads independent of input key order",
    first: { ...fingerprintInput, body: { input: "hello", provider: { only: ["openai"] }, metadata: { b: 2, a: 1 } } },
    second: { ...fingerprintInput, body: { metadata: { a: 1, b: 2 }, provider: { only: ["openai"] }, input: "hello" } },
  },
];

export const SANITISE_VECTORS = [
  {
    name: "strips debug fields from the fingerprint payload",
    body: { input: "hello", debug: { enabled: true, trace: true }, nested: { debug: { return_upstream_request: true }, keep: "value" } },
    contains: '"keep":"value"',
    absent: '"debug"',
  },
];

export const KEY_VECTORS = [{ name: "builds versioned Redis cache keys", workspaceId: "ws_123", digest: "abc123", key: "gateway:response-cache:v1:ws_123:abc123" }];

export const ELIGIBILITY_VECTORS = [
  {
    name: "marks only non-stream tool-free text requests as eligible (eligible)",
    input: { endpoint: "responses", stream: false, debug: false, serverTools: false, hasTools: false },
    reason: "eligible",
  },
  {
    name: "marks only non-stream tool-free text requests as eligible (tools_present)",
    input: { endpoint: "responses", stream: false, debug: false, serverTools: false, hasTools: true },
    reason: "tools_present",
  },
] as const;

export const POLICY_VECTORS = [
  // The reference's workspace default (600) is not modelled by gateway-sim: no workspace settings exist.
  {
    name: "prefers explicit request TTL over all other sources",
    input: { requestCache: { ttlSeconds: 60 }, presetCache: { ttlSeconds: 300 } },
    expected: { enabled: true, ttlSeconds: 60, ttlSource: "request" },
  },
  { name: "returns disabled when an upstream layer opts out", input: { presetCache: { ttlSeconds: 120, enabled: false } }, expected: { enabled: false, ttlSeconds: null, ttlSource: "disabled" } },
  { name: "falls back to the platform default when no explicit TTL is provided", input: {}, expected: { enabled: true, ttlSeconds: 300, ttlSource: "platform_default" } },
] as const;

export const CLAMP_VECTORS = [
  { name: "clamps TTLs into the supported range (5 → 30)", ttl: 5, clamped: 30 },
  { name: "clamps TTLs into the supported range (90000 → 86400)", ttl: 90_000, clamped: 86_400 },
];

export const RECORD_VECTORS = [
  {
    name: "builds cache records with expiry metadata",
    now: "2026-05-09T12:00:00.000Z",
    ttlSeconds: 120,
    providerId: "openai",
    createdAt: "2026-05-09T12:00:00.000Z",
    expiresAt: "2026-05-09T12:02:00.000Z",
  },
];

/** The pipeline tests: a store whose lookup returns this record whatever the key. */
export const PIPELINE_VECTORS = [
  {
    name: "returns cached responses without executing providers",
    stored: { body: { id: "resp_cached", object: "response" }, providerId: "openai", ttlSeconds: 300, ageMs: 500 },
    returnMeta: false,
    expect: { header: "hit", providerCalls: 0, body: { id: "resp_cached", object: "response" }, responseCache: { enabled: true, status: "hit", providerId: "openai" } },
  },
  {
    // guardrail_enforcement is not modelled by gateway-sim (no guardrails).
    name: "overrides cached response meta with current cache-hit and guardrail metadata",
    stored: {
      body: { id: "resp_cached", object: "response", meta: { routing: { selected_provider: "openai" }, response_cache: { status: "miss" } } },
      providerId: "openai",
      ttlSeconds: 300,
      ageMs: 500,
    },
    returnMeta: true,
    expect: {
      header: "hit",
      providerCalls: 0,
      meta: { routing: { selected_provider: "openai" }, response_cache: { status: "hit", providerId: "openai" } },
      responseCache: { enabled: true, status: "hit" },
    },
  },
  {
    name: "falls through to live execution on cache miss",
    stored: undefined,
    returnMeta: false,
    expect: { header: "miss", providerCalls: 1, responseCache: { enabled: true, status: "miss" } },
  },
] as const;
