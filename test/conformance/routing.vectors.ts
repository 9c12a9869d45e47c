// Test vectors of the reference's routing tests at the pin (01ac8ac), as data: candidates, their
// health, the request, and what the reference expects. Facts from
// apps/api/src/pipeline/execute/routing.test.ts; run by routing.test.ts.
//
// Prices: the test's pricing cards price `input_text_tokens` and `cached_read_text_tokens` per token;
// lacking an output meter, the reference sums the meters every candidate shares (routing.ts:289-300).
// gateway-sim's offers price input and output per 1M tokens and sum them, so each card becomes an
// offer with input = input price and output = cached-read price (per 1M): the same sums, the same order.
export const ROUTING_TEST = "apps/api/src/pipeline/execute/routing.test.ts";

/** The test's health() defaults (routing.test.ts:24-58): note tp_ewma_60s 1, not the store's 0. */
export const TEST_HEALTH_DEFAULTS = {
  lat_ewma_10s: 800,
  lat_ewma_60s: 800,
  lat_ewma_300s: 800,
  tp_ewma_60s: 1,
  err_ewma_10s: 0,
  err_ewma_60s: 0,
  err_ewma_300s: 0,
  rate_10s: 0,
  rate_60s: 0,
  current_load: 0,
} as const;

export interface HealthOverrides {
  lat_ewma_60s?: number;
  lat_ewma_300s?: number;
  tp_ewma_60s?: number;
  err_ewma_60s?: number;
  rate_60s?: number;
  current_load?: number;
  breaker?: "closed" | "open";
  /** Relative to the routing instant. */
  breaker_until_in_ms?: number;
}

export interface RoutingVector {
  test: string;
  line: number;
  /** provider → [input per token, cached read per token]; absent: the candidate has no pricing card. */
  candidates: { provider: string; card?: readonly [number, number]; residency?: { executionRegions?: string[]; dataRegions?: string[]; zeroDataRetention?: "default" } }[];
  health: Record<string, HealthOverrides>;
  model: string;
  /** The request's provider/routing object (gateway-sim reads `routing.mode` as `mode`). */
  provider?: Record<string, unknown>;
  /** One routing per id (the reference seeds its stream from "{requestId}:{workspaceId}:{model}"). */
  requestIds?: readonly string[];
  expect: {
    first?: string;
    order?: readonly string[];
    routingMode?: string;
    firstPriceScore?: number;
    /** Over all request ids, the set of providers ranked first. */
    firstSet?: readonly string[];
    pricingCapAfterCount?: number;
    residencyAfterCount?: number;
    breakerStage?: { beforeCount: number; afterCount: number; dropped: { provider: string; reason: string }[] };
    /** The fifteen factor keys are present on the first ranked entry. */
    factorKeys?: true;
  };
  /** The reference test also runs the same request with the loads swapped and expects the same order. */
  swapLoads?: true;
}

export const ROUTING_VECTORS: readonly RoutingVector[] = [
  {
    test: "honors provider.sort=price from the request body",
    line: 557,
    candidates: [
      { provider: "openai", card: [0.00004, 0.00002] },
      { provider: "anthropic", card: [0.00001, 0.000005] },
    ],
    health: { openai: { lat_ewma_60s: 250, lat_ewma_300s: 250, tp_ewma_60s: 14 }, anthropic: { lat_ewma_60s: 1200, lat_ewma_300s: 1200, tp_ewma_60s: 4 } },
    model: "openai/gpt-4o-mini",
    provider: { sort: "price" },
    expect: { first: "anthropic", routingMode: "price" },
  },
  {
    test: "uses cheapest stable providers first for default balanced routing",
    line: 595,
    candidates: [
      { provider: "openai", card: [0.00004, 0.00002] },
      { provider: "anthropic", card: [0.00001, 0.000005] },
    ],
    health: { openai: { lat_ewma_60s: 250, lat_ewma_300s: 250, tp_ewma_60s: 20 }, anthropic: { lat_ewma_60s: 900, lat_ewma_300s: 900, tp_ewma_60s: 3 } },
    model: "openai/gpt-4o-mini",
    provider: { mode: "balanced" },
    expect: { first: "anthropic", routingMode: "balanced", firstPriceScore: 1 },
  },
  {
    test: "prefers a more reliable provider when the cheapest provider is repeatedly failing",
    line: 635,
    candidates: [
      { provider: "cheap", card: [0.00001, 0.000005] },
      { provider: "reliable", card: [0.00002, 0.00001] },
    ],
    health: { cheap: { err_ewma_60s: 0.95, rate_60s: 1 }, reliable: { err_ewma_60s: 0.01, rate_60s: 1 } },
    model: "openai/gpt-4o-mini",
    requestIds: ["reliability-test"],
    expect: { first: "reliable", order: ["reliable", "cheap"] },
  },
  {
    test: "continues to explore an uncertain cheap provider without always selecting it",
    line: 671,
    candidates: [
      { provider: "unseen", card: [0.00001, 0.000005] },
      { provider: "stable", card: [0.000012, 0.000006] },
    ],
    health: { unseen: {}, stable: { err_ewma_60s: 0.02, rate_60s: 1 } },
    model: "openai/gpt-4o-mini",
    requestIds: Array.from({ length: 80 }, (_, i) => `exploration-${i}`),
    expect: { firstSet: ["unseen", "stable"] },
  },
  {
    test: "does not use isolate-local load to change the routing order",
    line: 704,
    candidates: [
      { provider: "first", card: [0.00001, 0.000005] },
      { provider: "second", card: [0.00001, 0.000005] },
    ],
    health: { first: { current_load: 1 }, second: { current_load: 0 } },
    model: "openai/gpt-4o-mini",
    requestIds: ["same-request"],
    swapLoads: true,
    expect: {},
  },
  {
    test: "honors provider.sort=latency from the request body",
    line: 732,
    candidates: [{ provider: "openai" }, { provider: "anthropic" }],
    health: { openai: { lat_ewma_60s: 220, lat_ewma_300s: 220, tp_ewma_60s: 6 }, anthropic: { lat_ewma_60s: 950, lat_ewma_300s: 950, tp_ewma_60s: 12 } },
    model: "openai/gpt-4o-mini",
    provider: { sort: "latency" },
    expect: { first: "openai", routingMode: "latency" },
  },
  {
    test: "honors provider.sort=throughput from the request body",
    line: 764,
    candidates: [{ provider: "openai" }, { provider: "anthropic" }],
    health: { openai: { lat_ewma_60s: 600, lat_ewma_300s: 600, tp_ewma_60s: 4 }, anthropic: { lat_ewma_60s: 600, lat_ewma_300s: 600, tp_ewma_60s: 18 } },
    model: "openai/gpt-4o-mini",
    provider: { sort: "throughput" },
    expect: { first: "anthropic", routingMode: "throughput" },
  },
  {
    test: "honors the first-class routing.mode object",
    line: 796,
    candidates: [{ provider: "openai" }, { provider: "anthropic" }],
    health: { openai: { lat_ewma_60s: 180, lat_ewma_300s: 180 }, anthropic: { lat_ewma_60s: 900, lat_ewma_300s: 900 } },
    model: "openai/gpt-4o-mini",
    provider: { mode: "latency" },
    expect: { first: "openai", routingMode: "latency" },
  },
  {
    test: "treats :cheap as the single price-first alias",
    line: 826,
    candidates: [
      { provider: "openai", card: [0.00004, 0.00002] },
      { provider: "anthropic", card: [0.00001, 0.000005] },
    ],
    health: { openai: { lat_ewma_60s: 120, lat_ewma_300s: 120, tp_ewma_60s: 10 }, anthropic: { lat_ewma_60s: 900, lat_ewma_300s: 900, tp_ewma_60s: 2 } },
    model: "openai/gpt-4o-mini:cheap",
    expect: { first: "anthropic", routingMode: "price" },
  },
  {
    test: "filters providers by first-class routing max_price ceilings",
    line: 863,
    candidates: [
      { provider: "openai", card: [0.00004, 0.00002] },
      { provider: "anthropic", card: [0.00001, 0.000005] },
    ],
    health: {},
    model: "openai/gpt-4o-mini",
    provider: { max_price: { prompt: 20 } },
    expect: { order: ["anthropic"], pricingCapAfterCount: 1 },
  },
  {
    test: "filters providers by residency requirements",
    line: 268,
    candidates: [
      { provider: "openai", residency: { executionRegions: ["us", "eu"], dataRegions: ["us", "eu"], zeroDataRetention: "default" } },
      { provider: "anthropic", residency: { zeroDataRetention: "default" } },
    ],
    health: {},
    model: "openai/gpt-4o-mini",
    provider: { required_execution_region: "eu", required_data_region: "eu", require_zero_data_retention: true },
    expect: { order: ["openai"], residencyAfterCount: 1 },
  },
  {
    test: "captures considered providers and ranked score diagnostics",
    line: 1036,
    candidates: [{ provider: "openai" }, { provider: "anthropic" }],
    health: { openai: { lat_ewma_60s: 300, lat_ewma_300s: 350, tp_ewma_60s: 12 }, anthropic: { lat_ewma_60s: 800, lat_ewma_300s: 900, tp_ewma_60s: 6 } },
    model: "openai/gpt-4o-mini:fast",
    expect: { factorKeys: true },
  },
  {
    test: "keeps open-breaker providers reachable as tail fallbacks",
    line: 1156,
    candidates: [{ provider: "openai" }, { provider: "anthropic" }],
    health: { openai: { breaker: "open", breaker_until_in_ms: 60_000 }, anthropic: {} },
    model: "openai/gpt-4o-mini:fast",
    expect: {
      order: ["anthropic", "openai"],
      breakerStage: { beforeCount: 2, afterCount: 2, dropped: [{ provider: "openai", reason: "breaker_open_deranked" }] },
    },
  },
];

/**
 * Reference routing tests not ported, each with why: they test candidate fields gateway-sim's
 * catalog cannot express (rollout status, routing status, offer scope, residency, ZDR variants,
 * geography, sticky cache routing, service tiers) or aliases resolved before routing.
 */
export const ROUTING_NOT_PORTED: readonly { test: string; line: number; why: string }[] = [
  { test: "keeps beta providers gated on public traffic", line: 154, why: "no provider status in the catalog" },
  { test: "bypasses rollout gating when testing mode is enabled", line: 176, why: "no testing mode" },
  { test: "keeps alpha providers gated unless alpha channel is enabled", line: 198, why: "no provider status" },
  { test: "allows alpha providers when beta and alpha channels are enabled", line: 223, why: "no provider status" },
  { test: "filters disabled provider/model routing statuses", line: 246, why: "no routing status" },
  { test: "uses a distinct ZDR provider variant only when ZDR is required", line: 308, why: "no ZDR variants" },
  { test: "keeps regional offers out of the default routing pool when a global sibling exists", line: 355, why: "no offer scope" },
  { test: "allows explicit opt-in to a regional offer through provider.only", line: 388, why: "no offer scope" },
  { test: "normalizes provider.only aliases before routing", line: 424, why: "provider aliases are resolved by the request stage (F1)" },
  { test: "routes priority-tier requests to specialized provider offers", line: 452, why: "no service tiers" },
  { test: "expands provider.only for priority-tier specialized siblings", line: 483, why: "no service tiers" },
  { test: "applies strong derank multipliers (legacy deranked maps to lvl1)", line: 517, why: "no routing status" },
  { test: "keeps lvl3 candidates reachable when explicitly requested", line: 539, why: "no routing status" },
  { test: "maps routing.zdr to zero-data-retention enforcement", line: 896, why: "no ZDR in the catalog" },
  { test: "prioritizes hinted provider when sticky cache metadata exists", line: 929, why: "no sticky cache routing" },
  { test: "skips sticky cache boost when cached reads are not cheaper than input pricing", line: 961, why: "no sticky cache routing" },
  { test: "allows disabling cache-aware routing", line: 1003, why: "no sticky cache routing" },
  { test: "keeps multiple free-model variants from the same provider routable", line: 1089, why: "one offer per provider and model in the catalog" },
  { test: "filters unavailable routes while retaining an eligible fallback", line: 1195, why: "no geographic availability" },
  { test: "does not let provider.only bypass geographic availability", line: 1223, why: "no geographic availability" },
];
