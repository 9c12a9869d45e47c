// Test vectors of the reference's preset tests at the pin (01ac8ac), as data: inputs and the
// outputs the reference expects, each naming its test. Facts from
// apps/api/src/pipeline/before/presetMerge.test.ts and schemas.preset-config.test.ts; run by presets.test.ts.
export const PRESET_MERGE_TEST = "apps/api/src/pipeline/before/presetMerge.test.ts";
export const PRESET_SCHEMA_TEST = "apps/api/src/pipeline/before/schemas.preset-config.test.ts";

/** validatePresetModel: the resolved model against the preset's allowlist. */
export const MODEL_ALLOWLIST_VECTORS = [
  {
    test: "validatePresetModel › allows exact model matches from the preset allowlist",
    model: "openai/gpt-5.4-nano",
    allowedModels: ["openai/gpt-5.4-nano", "anthropic/claude-sonnet"],
    allowed: true,
  },
  { test: "validatePresetModel › allows wildcard model matches from the preset allowlist", model: "openai/gpt-5.4-mini", allowedModels: ["openai/gpt-5.4-*"], allowed: true },
  {
    test: "validatePresetModel › returns a validation error when the resolved model is outside the preset allowlist",
    model: "google/gemini-2.5-pro",
    allowedModels: ["openai/gpt-5.4-*"],
    allowed: false,
  },
] as const;

/**
 * resolvePresetRoutingMode: the preset's mode, else the workspace's. gateway-sim has no workspace
 * settings, so the workspace fallback vector is a named deliberate difference (`differs`).
 */
export const ROUTING_MODE_VECTORS = [
  { test: "resolvePresetRoutingMode › prefers the preset routing mode when present", presetMode: "latency", workspaceMode: "balanced", expected: "latency", differs: undefined },
  {
    test: "resolvePresetRoutingMode › falls back to the workspace routing mode when preset routing is absent",
    presetMode: undefined,
    workspaceMode: "throughput",
    expected: "throughput",
    differs: "no workspace settings in gateway-sim: without a preset mode the context mode is null (balanced)",
  },
  { test: "resolvePresetRoutingMode › returns null when neither preset nor workspace routing mode is valid", presetMode: undefined, workspaceMode: null, expected: null, differs: undefined },
] as const;

/** mergePresetWithBody: the system prompt on a Responses body. */
export const INSTRUCTIONS_VECTORS = [
  { test: "mergePresetWithBody › applies preset instructions to Responses API requests (no instructions)", systemPrompt: "Be concise", body: { input: "Hello" }, instructions: "Be concise" },
  {
    test: "mergePresetWithBody › applies preset instructions to Responses API requests (with instructions)",
    systemPrompt: "Be concise",
    body: { input: "Hello", instructions: "Use JSON" },
    instructions: "Be concise\n\nUse JSON",
  },
] as const;

/**
 * mergePresetWithBody: plugins by id, the request overriding. The reference test's second plugin
 * (`trace-plugin`) is not a gateway plugin; both gateways refuse unknown ids later
 * (before/index.ts:598-615), so the vector keeps the override fact only.
 */
export const PLUGIN_VECTORS = [
  {
    test: "mergePresetWithBody › applies preset plugin defaults and lets request plugins override by id",
    presetPlugins: [{ id: "response-healing", enabled: true }],
    requestPlugins: [{ id: "response-healing", enabled: false }],
    expected: [{ id: "response-healing", enabled: false }],
  },
] as const;

/**
 * mergePresetWithBody: the preset's default model and provider hints. gateway-sim normalises the
 * `preferred_*` objects to the scalar routing reads (p50 first, requestRouting.ts:485-504) when it parses.
 */
export const PROVIDER_MERGE_VECTORS = [
  {
    test: "mergePresetWithBody › applies preset default model and provider hints when request omits them",
    preset: {
      model: "openai/gpt-5.4-mini",
      provider: { order: ["openai", "anthropic"], only: ["openai", "anthropic"], maxPrice: { prompt: 0.25, completion: 1.5 }, preferredMinThroughput: { p50: 120 }, preferredMaxLatency: { p50: 5 } },
    },
    request: {},
    model: "openai/gpt-5.4-mini",
    provider: { order: ["openai", "anthropic"], only: ["openai", "anthropic"], maxPrice: { prompt: 0.25, completion: 1.5 }, preferredMinThroughputTps: 120, preferredMaxLatencySeconds: 5 },
  },
  {
    test: "mergePresetWithBody › lets request-level provider hints override preset defaults",
    preset: { model: "openai/gpt-5.4-mini", provider: { order: ["openai", "anthropic"], only: ["openai", "anthropic"], maxPrice: { prompt: 0.25, completion: 1.5 } } },
    request: { provider: { order: ["google-ai-studio"], max_price: { prompt: 0.1 } } },
    model: "openai/gpt-5.4-mini",
    provider: { order: ["google-ai-studio"], only: ["openai", "anthropic"], maxPrice: { prompt: 0.1 } },
  },
] as const;

/** presetConfigSchema: the reasoning effort range survives a preset. */
export const REASONING_EFFORT_VECTORS = {
  test: "presetConfigSchema › preserves the full gateway reasoning effort range from presets",
  efforts: ["none", "minimal", "low", "medium", "high", "xhigh", "max"],
} as const;

/**
 * presetConfigSchema / contextSchema: the web app's snake_case shape, camelCase precedence, and the
 * context SQL's `preferred_performance`. Model and provider ids are gateway-sim-valid ids (its preset
 * files validate them; the reference's "camel-model" is not a model id).
 */
export const PRESET_SCHEMA_VECTORS = [
  {
    test: "presetConfigSchema › parses snake_case preset config fields from the web app shape",
    input: {
      system_prompt: "Be terse",
      models: ["openai/gpt-5.4-nano"],
      only_providers: ["openai", "openai"],
      ignore_providers: ["anthropic"],
      provider: {
        order: ["openai", "anthropic"],
        required_execution_region: "eu",
        required_data_region: "us",
        require_zero_data_retention: true,
        max_price: { prompt: 0.25, completion: 1.5 },
        preferred_min_throughput: { p50: 100, p95: 80 },
        preferred_max_latency: { p50: 5, p95: 8 },
      },
      plugins: [{ id: "response-healing" }],
      parameters: { temperature: 0.2 },
      reasoning: { effort: "medium" },
      provider_preferences: { openai: 2 },
      routing_mode: "latency",
      response_caching: { enabled: true, ttl_seconds: 600 },
    },
    expected: {
      systemPrompt: "Be terse",
      models: ["openai/gpt-5.4-nano"],
      defaultModel: "openai/gpt-5.4-nano",
      allowedProviders: ["openai", "openai"],
      deniedProviders: ["anthropic"],
      provider: {
        order: ["openai", "anthropic"],
        only: ["openai", "anthropic"],
        requiredExecutionRegion: "eu",
        requiredDataRegion: "us",
        requireZeroDataRetention: true,
        maxPrice: { prompt: 0.25, completion: 1.5 },
        preferredMinThroughputTps: 100,
        preferredMaxLatencySeconds: 5,
      },
      temperature: 0.2,
      reasoning: { effort: "medium" },
      weights: { openai: 2 },
      routingMode: "latency",
      responseCaching: { enabled: true, ttlSeconds: 600 },
    },
  },
  {
    test: "presetConfigSchema › prefers camelCase values when both shapes are present",
    input: {
      systemPrompt: "camel",
      system_prompt: "snake",
      allowedModels: ["openai/gpt-5.4-mini"],
      models: ["openai/gpt-5.4-nano"],
      defaultModel: "openai/gpt-5.4-mini",
      default_model: "openai/gpt-5.4-nano",
      allowedProviders: ["openai"],
      only_providers: ["anthropic"],
      deniedProviders: ["groq"],
      ignore_providers: ["deepinfra"],
      providerPreferences: { openai: 3 },
      provider_preferences: { openai: 1 },
      routingMode: "throughput",
      routing_mode: "price",
      responseCaching: { enabled: true, ttlSeconds: 120 },
      response_caching: { enabled: true, ttl_seconds: 600 },
    },
    expected: {
      systemPrompt: "camel",
      models: ["openai/gpt-5.4-mini"],
      defaultModel: "openai/gpt-5.4-mini",
      allowedProviders: ["openai"],
      deniedProviders: ["groq"],
      weights: { openai: 3 },
      routingMode: "throughput",
      responseCaching: { enabled: true, ttlSeconds: 120 },
    },
  },
  {
    test: "contextSchema preset parsing › parses preset payloads returned by gateway context SQL",
    input: {
      system_prompt: "Be fast",
      models: ["openai/gpt-5.4-nano"],
      provider: {
        order: ["openai", "anthropic"],
        only: ["openai"],
        required_data_region: "us",
        require_zero_data_retention: true,
        max_price: { prompt: 0.25, completion: 1.5 },
        preferred_min_throughput: { p50: 100 },
        preferred_max_latency: { p50: 5 },
      },
      plugins: [{ id: "response-healing", enabled: false, mode: "strict" }],
      parameters: { temperature: 0.1 },
      preferred_performance: "latency",
      response_caching: { enabled: true, ttl_seconds: 900 },
    },
    expected: {
      systemPrompt: "Be fast",
      models: ["openai/gpt-5.4-nano"],
      defaultModel: "openai/gpt-5.4-nano",
      allowedProviders: ["openai"],
      deniedProviders: undefined,
      provider: {
        order: ["openai", "anthropic"],
        only: ["openai"],
        requiredDataRegion: "us",
        requireZeroDataRetention: true,
        maxPrice: { prompt: 0.25, completion: 1.5 },
        preferredMinThroughputTps: 100,
        preferredMaxLatencySeconds: 5,
      },
      plugins: [{ id: "response-healing", enabled: false, mode: "strict" }],
      temperature: 0.1,
      weights: undefined,
      routingMode: "latency",
      responseCaching: { enabled: true, ttlSeconds: 900 },
    },
  },
] as const;
