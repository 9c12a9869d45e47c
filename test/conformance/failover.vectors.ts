// Test vectors of the reference's failover tests at the pin (01ac8ac), as data. Facts from
// apps/api/src/pipeline/execute/guards.test.ts (the all-failed error) and
// apps/api/src/pipeline/execute/index.testing-mode.test.ts (the attempt loop); run by failover.test.ts.
export const GUARDS_TEST = "apps/api/src/pipeline/execute/guards.test.ts";
export const ATTEMPT_LOOP_TEST = "apps/api/src/pipeline/execute/index.testing-mode.test.ts";

type AttemptErrorInput = {
  provider: string;
  type: "upstream_non_2xx" | "error" | "retryable_error" | "blocked";
  status?: number;
  upstream_error_code?: string;
  upstream_error_message?: string;
  upstream_error_description?: string;
  upstream_error_param?: string;
};

/** guardAllFailed: attempt errors → status, error code, reason, description fragments, fields. */
export const GUARD_VECTORS: readonly {
  test: string;
  line: number;
  model: string;
  endpoint: string;
  errors: readonly AttemptErrorInput[];
  status: number;
  error: string;
  reason: string;
  contains: readonly string[];
  notContains?: readonly string[];
  fields?: Record<string, unknown>;
}[] = [
  {
    test: "returns provider_payment_required when any upstream attempt failed with 402",
    line: 15,
    model: "openai/gpt-4.1-mini",
    endpoint: "responses",
    errors: [{ provider: "openai", type: "upstream_non_2xx", status: 402 }],
    status: 502,
    error: "provider_payment_required",
    reason: "upstream_provider_payment_required",
    contains: ["forgot to pay our provider bills", "openai", "GitHub or Discord"],
    fields: { provider_payment_required_provider: "openai", failed_statuses: [402] },
  },
  {
    test: "keeps upstream_error when failures do not include upstream 402",
    line: 45,
    model: "openai/gpt-4.1-mini",
    endpoint: "responses",
    errors: [{ provider: "openai", type: "upstream_non_2xx", status: 500, upstream_error_message: "provider overloaded" }],
    status: 502,
    error: "upstream_error",
    reason: "all_candidates_failed",
    contains: ['Provider "openai" failed with HTTP 500', "Upstream message: provider overloaded", "Hint: The provider returned a server error", "failure_sample"],
  },
  {
    test: "summarizes multi-provider failures in the description",
    line: 74,
    model: "xiaomi/mimo-v2-tts:free",
    endpoint: "audio.speech",
    errors: [
      { provider: "xiaomi", type: "upstream_non_2xx", status: 404, upstream_error_code: "not_found", upstream_error_message: "model not available for endpoint" },
      { provider: "openai", type: "upstream_non_2xx", status: 429 },
    ],
    status: 502,
    error: "upstream_error",
    reason: "all_candidates_failed",
    contains: ["All 2 provider attempts failed", "Provider/status summary: xiaomi:404, openai:429", "Upstream code: not_found", "Hint: The provider may not expose this model on this endpoint yet."],
  },
  {
    test: "surfaces upstream param details when provider returns generic 400 message",
    line: 109,
    model: "xiaomi/mimo-v2-tts:free",
    endpoint: "audio.speech",
    errors: [
      {
        provider: "xiaomi",
        type: "upstream_non_2xx",
        status: 400,
        upstream_error_code: "400",
        upstream_error_message: "Param Incorrect",
        upstream_error_description: "Unknown voice: mimo_Default. Available voices: [mimo_default, default_zh, default_en]",
        upstream_error_param: "Unknown voice: mimo_Default. Available voices: [mimo_default, default_zh, default_en]",
      },
    ],
    status: 502,
    error: "upstream_error",
    reason: "all_candidates_failed",
    contains: ["Upstream message: Param Incorrect", "Unknown voice: mimo_Default"],
    fields: { failure_sample_0_param_contains: "Unknown voice" },
  },
  {
    test: "does not reference failure_sample when no attempt diagnostics were captured",
    line: 359,
    model: "xiaomi/mimo-v2-tts:free",
    endpoint: "audio.speech",
    errors: [],
    status: 502,
    error: "upstream_error",
    reason: "all_candidates_failed",
    contains: ["No per-attempt diagnostics were captured."],
    notContains: ["failure_sample"],
  },
];

/** classifyProviderFailureDiagnostics through guardAllFailed: the first attempt error → category (hint per category). */
export const DIAGNOSTICS_VECTORS: readonly { test: string; line: number; error: AttemptErrorInput; category: string; hint: string }[] = [
  {
    test: "emits provider failure diagnostics for missing credential configuration",
    line: 139,
    error: { provider: "google-vertex", type: "error", upstream_error_code: "google-vertex_project_missing", upstream_error_message: "google-vertex_project_missing" },
    category: "credentials_not_configured",
    hint: "Provider credentials are not configured for this route. Verify gateway keys or the selected BYOK configuration before retrying.",
  },
  {
    test: "emits provider failure diagnostics for region or project restrictions",
    line: 166,
    error: { provider: "google-vertex", type: "upstream_non_2xx", status: 403, upstream_error_message: "Model is not available in your region or project." },
    category: "region_or_project_restriction",
    hint: "The provider appears to be restricted by region, location, or project configuration. Verify the provider region and project access for this model.",
  },
  {
    test: "treats generic provider key-missing codes as credential configuration failures",
    line: 193,
    error: { provider: "openai", type: "error", upstream_error_code: "openai_key_missing", upstream_error_message: "openai_key_missing" },
    category: "credentials_not_configured",
    hint: "Provider credentials are not configured for this route. Verify gateway keys or the selected BYOK configuration before retrying.",
  },
  {
    test: "treats provider base-url-missing codes as configuration failures",
    line: 220,
    error: { provider: "x-ai", type: "error", upstream_error_code: "x-ai_base_url_missing", upstream_error_message: "x-ai_base_url_missing" },
    category: "credentials_not_configured",
    hint: "Provider configuration is incomplete for this route. Verify the provider base URL and related gateway settings before retrying.",
  },
  {
    test: "treats explicit Bedrock access-denied codes as provider access failures",
    line: 247,
    error: { provider: "amazon-bedrock", type: "upstream_non_2xx", status: 403, upstream_error_code: "AccessDeniedException", upstream_error_message: "You don't have access to invoke this model." },
    category: "provider_access_missing",
    hint: "The provider account appears not to have access to this model or feature yet. Verify account entitlements and provider-side access.",
  },
  {
    test: "treats explicit Bedrock signature failures as credential errors",
    line: 275,
    error: {
      provider: "amazon-bedrock",
      type: "upstream_non_2xx",
      status: 403,
      upstream_error_code: "InvalidSignatureException",
      upstream_error_message: "The request signature we calculated does not match.",
    },
    category: "credentials_invalid_or_forbidden",
    hint: "The provider rejected the supplied credentials or permissions. Verify the gateway key or BYOK secret and retry.",
  },
  {
    test: "treats explicit Google-style permission-denied codes as provider access failures",
    line: 303,
    error: { provider: "google-ai-studio", type: "upstream_non_2xx", status: 403, upstream_error_code: "PERMISSION_DENIED", upstream_error_message: "The caller does not have permission." },
    category: "provider_access_missing",
    hint: "The provider account appears not to have access to this model or feature yet. Verify account entitlements and provider-side access.",
  },
  {
    test: "treats explicit Google-style resource exhaustion codes as rate limits",
    line: 331,
    error: { provider: "google-ai-studio", type: "upstream_non_2xx", status: 429, upstream_error_code: "RESOURCE_EXHAUSTED", upstream_error_message: "Quota exceeded." },
    category: "rate_limited",
    hint: "The provider is rate limiting this request. Retry with backoff or another provider.",
  },
];

/** guards.test.ts tests not ported, each with why. */
export const GUARD_NOT_PORTED = [{ test: "returns a 403 when geographic availability removes every route", line: 376, why: "no geographic availability gate" }] as const;

/** The attempt loop: each candidate's scripted outcome → who was called and the attempt records. */
export const LOOP_VECTORS: readonly {
  test: string;
  line: number;
  allowFallbacks: boolean;
  /** Per candidate in rank order: an HTTP status, a thrown error (retryable or not), or blocked by the breaker. */
  script: readonly ({ status: number } | { thrown: "retryable" | "plain" } | { blocked: true })[];
  called: readonly boolean[];
  outcomes: readonly string[];
  ok: boolean;
  /** The first attempt's failure moved health (onCallEnd with ok false). */
  firstRecordsFailure?: true;
}[] = [
  {
    test: "fails over to the next provider when an attempt returns non-2xx upstream",
    line: 244,
    allowFallbacks: true,
    script: [{ status: 429 }, { status: 200 }],
    called: [true, true],
    outcomes: ["upstream_non_2xx", "success"],
    ok: true,
    firstRecordsFailure: true,
  },
  {
    test: "fails over to next provider when a retryable transport error occurs",
    line: 338,
    allowFallbacks: true,
    script: [{ thrown: "retryable" }, { status: 200 }],
    called: [true, true],
    outcomes: ["retryable_error", "success"],
    ok: true,
  },
  {
    test: "skips breaker-blocked providers and falls back to the next candidate",
    line: 426,
    allowFallbacks: true,
    script: [{ blocked: true }, { status: 200 }],
    called: [false, true],
    outcomes: ["blocked", "success"],
    ok: true,
  },
  { test: "does not retry transient single-provider upstream failures", line: 514, allowFallbacks: true, script: [{ status: 503 }], called: [true], outcomes: ["upstream_non_2xx"], ok: false },
  {
    test: "tries all ranked providers when fewer than five candidates are available",
    line: 778,
    allowFallbacks: true,
    script: [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }],
    called: [true, true, true, true],
    outcomes: ["upstream_non_2xx", "upstream_non_2xx", "upstream_non_2xx", "upstream_non_2xx"],
    ok: false,
  },
  {
    test: "tries only the first provider when fallbacks are disabled",
    line: 834,
    allowFallbacks: false,
    script: [{ status: 500 }, { status: 200 }, { status: 200 }],
    called: [true, false, false],
    outcomes: ["upstream_non_2xx"],
    ok: false,
  },
];

/** index.testing-mode.test.ts tests not ported, each with why. */
export const LOOP_NOT_PORTED = [
  { test: "loads pricing lazily for testing-mode candidates and executes", line: 104, why: "no testing mode or lazy price cards" },
  { test: "retains executor timing for a successful moderation response", line: 170, why: "no moderation endpoint" },
  { test: "still returns pricing guard failure on non-testing traffic when no pricing is preloaded", line: 215, why: "every catalog offer has a price" },
  { test: "does not expose timing for a failed moderation attempt", line: 565, why: "no moderation endpoint" },
  { test: "captures AWS-style upstream exception codes from response headers", line: 633, why: "no Bedrock adapter on this branch" },
  { test: "captures Google-style nested error status codes from response bodies", line: 705, why: "no Gemini adapter on this branch" },
] as const;
