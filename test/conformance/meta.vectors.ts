// Test vectors of the reference's meta tests at the pin (01ac8ac), as data. Facts from
// apps/api/src/pipeline/after/index.test.ts (attachGatewaySuccessMeta, attachRoutingDiagnosticsToPayload).
export const META_TEST_FILE = "apps/api/src/pipeline/after/index.test.ts";

const responseCache = { enabled: true, status: "miss" as const, reason: null, key: "cache_key", fingerprint: "fp_123", ttlSeconds: 300, ttlSource: "preset" as const };

export const META_VECTORS = [
  {
    // guardrail_enforcement is not modelled (no guardrails in gateway-sim); `existing: true` stands for
    // the raw meta already on the payload, which at the pin is the timing block (after/index.ts:508-523).
    name: "adds routing, response-cache, guardrail, and plugin metadata when meta is enabled",
    includeMeta: true,
    facts: {
      selectedProvider: "openai",
      paramRouting: {
        requested_params: ["temperature", "web_search_options"],
        param_provider_count_before: 4,
        param_provider_count_after: 2,
        param_dropped_providers: [{ provider: "anthropic", unsupported_params: ["web_search_options"] }],
      },
      cache: responseCache,
      pluginExecutions: [{ id: "response-healing", stage: "response.post_provider" as const, changed: true, status: "applied" as const, metadata: { attempted: true, mode: "safe" } }],
    },
    expectMeta: {
      routing: {
        selected_provider: "openai",
        requested_params: ["temperature", "web_search_options"],
        param_provider_count_before: 4,
        param_provider_count_after: 2,
        param_dropped_providers: [{ provider: "anthropic", unsupported_params: ["web_search_options"] }],
      },
      response_cache: { status: "miss", key: "cache_key" },
    },
    keptTimingKeys: true,
    pluginExecutionsEqualInput: true,
  },
  {
    name: "leaves payload metadata unchanged when meta is disabled",
    includeMeta: false,
    facts: { selectedProvider: "openai", paramRouting: undefined, cache: { ...responseCache }, pluginExecutions: [] },
    // Only the raw (timing) meta stays: no routing, no response_cache.
    expectAbsent: ["routing", "response_cache", "plugin_executions"],
    keptTimingKeys: true,
  },
] as const;

export const DIAGNOSTICS_VECTORS = [
  { name: "adds top-level routing diagnostics only when explicitly requested", body: { meta: true, provider: { diagnostics: true } }, attached: true },
  { name: "does not add top-level routing diagnostics for plain meta responses", body: { meta: true }, attached: false },
] as const;

/** The timing keys of a non-stream meta, in the reference's order (after/index.ts:508-523). */
export const TIMING_KEYS = [
  "throughput_tps",
  "output_speed_tps",
  "generation_ms",
  "latency_ms",
  "provider_ttft_ms",
  "gateway_ttft_ms",
  "tpot_ms",
  "itl_ms",
  "phaseo_overhead_ms",
  "end_to_end_ms",
] as const;
