// Test vectors of the reference's request-contract tests at the pin (01ac8ac), as data: sort
// spellings, suffixes, routing hints and provider-qualified models. Facts from
// apps/api/src/pipeline/requestRouting.provider-qualified.test.ts and apps/api/src/pipeline/execute/routing.test.ts;
// where no test states a fact, the vector cites the code line (`code: path:line`). Run by request.test.ts.
export const PROVIDER_QUALIFIED_TEST = "apps/api/src/pipeline/requestRouting.provider-qualified.test.ts";
export const ROUTING_TEST = "apps/api/src/pipeline/execute/routing.test.ts";

/** parseProviderQualifiedModel / canonicalizeProviderQualifiedModelRequest. */
export const MODEL_REFERENCE_VECTORS = [
  { test: "parses an exact provider-model pair", model: "Baseten:thinking-machines/inkling-small", expected: { ok: true, model: "thinking-machines/inkling-small", pinnedProvider: "baseten" } },
  { test: "preserves canonical model suffixes", model: "baseten:google/gemma-4-26b-a4b:free", expected: { ok: true, model: "google/gemma-4-26b-a4b:free", pinnedProvider: "baseten" } },
  {
    test: "does not interpret canonical suffixes as provider qualifiers",
    model: "google/gemma-4-26b-a4b:free",
    expected: { ok: true, model: "google/gemma-4-26b-a4b:free", pinnedProvider: undefined },
  },
  { test: "does not interpret canonical suffixes as provider qualifiers (phaseo/free)", model: "phaseo/free", expected: { ok: true, model: "phaseo/free", pinnedProvider: undefined } },
  { test: "reports a malformed provider slug instead of treating it as a model id", model: "bad provider:publisher/model", expected: { ok: false, keyword: "invalid_provider_slug" } },
  { test: "reports an empty provider slug", model: ":publisher/model", expected: { ok: false, keyword: "invalid_provider_slug" } },
  { test: "reports a malformed provider-qualified model shape", model: "baseten:/model", expected: { ok: false, keyword: "invalid_provider_qualified_model" } },
  { test: "canonicalizes the model without mutating the input body", model: "deepinfra:deepseek/deepseek-v3", expected: { ok: true, model: "deepseek/deepseek-v3", pinnedProvider: "deepinfra" } },
] as const;

/**
 * validateProviderQualifiedModelProvider / applyProviderQualifiedModelConstraint /
 * filterProviderQualifiedModelCandidates, through the before-stage gates. `offered` are the model's
 * providers; `known` every provider the gateway knows. `routing` hints reach the gates merged into
 * `provider` (before/index.ts:638 runs before :650), so a routing list is reported as provider.*.
 */
export const PIN_VECTORS = [
  {
    test: "rejects an unknown but syntactically valid provider slug",
    model: "not-a-real-provider:publisher/model",
    body: {},
    known: ["baseten", "deepinfra"],
    offered: ["baseten"],
    expected: { keyword: "unknown_provider_slug", only: undefined },
  },
  {
    test: "applies the provider as an exact constraint",
    model: "baseten:thinking-machines/inkling-small",
    body: { routing: { mode: "latency" } },
    known: ["baseten", "deepinfra"],
    offered: ["baseten", "deepinfra"],
    expected: { keyword: undefined, only: ["baseten"] },
  },
  {
    test: "accepts a matching explicit provider allowlist",
    model: "baseten:thinking-machines/inkling-small",
    body: { provider: { only: ["BASETEN"] } },
    known: ["baseten", "deepinfra"],
    offered: ["baseten", "deepinfra"],
    expected: { keyword: undefined, only: ["baseten"] },
  },
  {
    test: "rejects a contradictory provider allowlist",
    model: "baseten:thinking-machines/inkling-small",
    body: { provider: { only: ["deepinfra"] } },
    known: ["baseten", "deepinfra"],
    offered: ["baseten", "deepinfra"],
    expected: { keyword: "provider_qualified_model_conflict", path: "provider.only", only: undefined },
  },
  {
    test: "rejects a routing ignore list containing the qualifier",
    model: "baseten:thinking-machines/inkling-small",
    body: { routing: { ignore: ["baseten"] } },
    known: ["baseten", "deepinfra"],
    offered: ["baseten", "deepinfra"],
    expected: { keyword: "provider_qualified_model_conflict", path: "provider.ignore", only: undefined },
  },
  {
    test: "rejects a provider that is absent for the exact model",
    model: "baseten:publisher/model",
    body: {},
    known: ["baseten", "deepinfra"],
    offered: ["deepinfra"],
    expected: { keyword: "qualified_provider_unavailable", only: undefined },
  },
] as const;

/** Sort spellings, routing side (code: apps/api/src/pipeline/execute/routing.ts:65-75): lowercased, not trimmed. */
export const ROUTING_SPELLING_VECTORS = [
  ["price", "price"],
  ["pricing", "price"],
  ["cost", "price"],
  ["COST", "price"],
  ["latency", "latency"],
  ["speed", "latency"],
  ["throughput", "throughput"],
  ["tps", "throughput"],
  ["balanced", "balanced"],
  ["default", "balanced"],
  ["fastest", "balanced"],
  ["", "balanced"],
  [" price", "balanced"],
] as const;

/** Context side (code: apps/api/src/pipeline/before/index.ts:48-73): trimmed; balanced/default → balanced; unknown keeps the fallback. */
export const CONTEXT_SPELLING_VECTORS = [
  { requested: " Price ", fallback: "latency", expected: "price" },
  { requested: "default", fallback: "latency", expected: "balanced" },
  { requested: "fastest", fallback: "latency", expected: "latency" },
  { requested: undefined, fallback: null, expected: null },
] as const;

/**
 * The request's mode as routing resolves it: request sort, else suffix, else preset mode; any
 * non-empty request sort makes the ranking deterministic (routing.ts:818-821).
 */
export const MODE_VECTORS = [
  {
    test: "honors provider.sort=price from the request body",
    body: { model: "openai/gpt-4o-mini", provider: { sort: "price" } },
    expected: { mode: "price", deterministic: true, priority: "default" },
  },
  {
    test: "honors provider.sort=latency from the request body",
    body: { model: "openai/gpt-4o-mini", provider: { sort: "latency" } },
    expected: { mode: "latency", deterministic: true, priority: "default" },
  },
  {
    test: "honors provider.sort=throughput from the request body",
    body: { model: "openai/gpt-4o-mini", provider: { sort: "throughput" } },
    expected: { mode: "throughput", deterministic: true, priority: "default" },
  },
  { test: "honors the first-class routing.mode object", body: { model: "openai/gpt-4o-mini", routing: { mode: "latency" } }, expected: { mode: "latency", deterministic: true, priority: "default" } },
  { test: "treats :cheap as the single price-first alias", body: { model: "openai/gpt-4o-mini:cheap" }, expected: { mode: "price", deterministic: true, priority: "cheap" } },
  {
    test: "code: routing.ts:65-75, 821 (an unknown sort is balanced and still a request sort)",
    body: { model: "openai/gpt-4o-mini", provider: { sort: "fastest" } },
    expected: { mode: "balanced", deterministic: true, priority: "default" },
  },
  {
    test: "code: requestRouting.ts:367-371 (routing.mode beats routing.sort beats provider.sort)",
    body: { model: "openai/gpt-4o-mini", routing: { mode: "speed", sort: "price" }, provider: { sort: "tps" } },
    expected: { mode: "latency", deterministic: true, priority: "default" },
  },
  {
    test: "code: requestRouting.ts:34-43 (a sort object: mode, else metric, else by)",
    body: { model: "openai/gpt-4o-mini", provider: { sort: { metric: "cost", by: "latency" } } },
    expected: { mode: "price", deterministic: true, priority: "default" },
  },
  {
    test: "code: routing.ts:818-820 (a request sort beats the suffix)",
    body: { model: "openai/gpt-4o-mini:nitro", provider: { sort: "price" } },
    expected: { mode: "price", deterministic: true, priority: "nitro" },
  },
  { test: "code: routing.ts:148-153 (:fast → latency)", body: { model: "openai/gpt-4o-mini:FAST" }, expected: { mode: "latency", deterministic: true, priority: "fast" } },
] as const;

/** Routing hints read from the body (requestRouting.ts:355-467; routing.test.ts). */
export const HINT_VECTORS = [
  { test: "maps routing.zdr to zero-data-retention enforcement", body: { routing: { zdr: true } }, expected: { requireZeroDataRetention: true } },
  { test: "code: requestRouting.ts:372-384 (the long form wins over zdr)", body: { provider: { zdr: true, require_zero_data_retention: false } }, expected: { requireZeroDataRetention: false } },
  { test: "filters providers by first-class routing max_price ceilings (the cap as read)", body: { routing: { max_price: { prompt: 20 } } }, expected: { maxPrice: { prompt: 20 } } },
  {
    test: "code: routing.ts:410-417 (caps as numeric strings; image/audio/request meters)",
    body: { provider: { maxPrice: { prompt: "0.5", image: 0.04, audio: "1", request: 0.002, completion: "n/a" } } },
    expected: { maxPrice: { prompt: 0.5, image: 0.04, audio: 1, request: 0.002 } },
  },
  {
    test: "code: requestRouting.ts:485-504 (preferred_* objects: p50 first)",
    body: { provider: { preferred_min_throughput: { p90: 50, p50: 120 }, preferred_max_latency: { p99: 9 } } },
    expected: { preferredMinThroughputTps: 120, preferredMaxLatencySeconds: 9 },
  },
  {
    test: "code: requestRouting.ts:410-423 (regions, either case style)",
    body: { routing: { requiredExecutionRegion: "eu" }, provider: { required_data_region: "us" } },
    expected: { requiredExecutionRegion: "eu", requiredDataRegion: "us" },
  },
  {
    test: "code: requestRouting.ts:356-358 (routing wins over provider, key by key)",
    body: { provider: { order: ["a"], only: ["a", "b"] }, routing: { order: ["b"] } },
    expected: { order: ["b"], only: ["a", "b"] },
  },
  { test: "code: requestRouting.ts:359-366 (return_diagnostics spelling)", body: { routing: { returnDiagnostics: true } }, expected: { diagnostics: true } },
] as const;

/** Unsupported routing filters (requestRouting.ts:506-560, before/index.ts:620-637): one detail per field. */
export const UNSUPPORTED_FILTER_VECTORS = [
  {
    test: "code: before/index.ts:620-637",
    body: { provider: { data_collection: "deny", quantizations: ["int8"] }, routing: { enforceDistillableText: true } },
    expected: [
      { path: "provider.data_collection", field: "data_collection" },
      { path: "provider.quantizations", field: "quantizations" },
      { path: "routing.enforceDistillableText", field: "enforce_distillable_text" },
    ],
  },
  {
    test: "code: core/schemas.ts:34-35 (data_collection must be allow or deny first)",
    body: { provider: { data_collection: "maybe" } },
    expected: [{ path: "provider.data_collection", field: undefined }],
  },
] as const;

/** Debug switches (before/index.ts:263-268; guards.ts:30, 267-273). */
export const DEBUG_HEADER_VECTORS = [
  { headers: { "x-gateway-debug": "1" }, debug: true },
  { headers: { "x-phaseo-debug": "YES" }, debug: true },
  { headers: { "x-gateway-debug": "true" }, debug: true },
  { headers: { "x-gateway-debug": "on" }, debug: false },
  { headers: {}, debug: false },
] as const;
