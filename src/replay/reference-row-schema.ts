// The reference gateway's generation record, as replay reads it: a `gateway_requests` row (written at
// apps/api/src/pipeline/audit/index.ts:609-708 at the pin), which GET /v1/generations?id= returns
// whole plus `replay_supported`, `replay_request` and `io_log` (routes/v1/control/generations.ts:105-121).
import { z } from "zod";
import { BREAKER_STATES } from "../gateway/types.js";

/** Every `provider_attempts[].outcome` the reference writes (pipeline/before/types.ts:460-467). */
export const REFERENCE_ATTEMPT_OUTCOMES = ["success", "upstream_non_2xx", "error", "retryable_error", "blocked", "no_pricing", "unsupported_executor"] as const;

/** One `provider_attempts` entry (`ProviderAttemptLog`, pipeline/before/types.ts:452-495); optional there is optional here. */
export const referenceAttemptSchema = z.looseObject({
  attempt_number: z.number().int().min(1),
  started_at_unix_ms: z.number().nullish(),
  provider: z.string().min(1),
  outcome: z.enum(REFERENCE_ATTEMPT_OUTCOMES),
  type: z.string().nullish(),
  duration_ms: z.number().min(0),
  status: z.number().int().nullish(),
  retryable: z.boolean().nullish(),
  upstream_error_code: z.string().nullish(),
  upstream_error_message: z.string().nullish(),
  response_kind: z.enum(["completed", "stream"]).nullish(),
  was_probe: z.boolean().optional(),
});

const providerRef = z.looseObject({ providerId: z.string().min(1) });

/**
 * `detail_metadata.routing_diagnostics` (pipeline/execute/routing.ts:569-634): the provider lists are
 * empty unless the request asked for diagnostics or debug (routing.ts:949, 959).
 */
export const referenceDiagnosticsSchema = z.looseObject({
  model: z.string().min(1),
  priority: z.enum(["default", "fast", "nitro", "cheap"]).optional(),
  routingMode: z.enum(["balanced", "price", "latency", "throughput"]).optional(),
  requestedRouting: z.looseObject({ requestedMode: z.string().nullish() }).nullish(),
  filterStages: z.array(
    z.looseObject({
      stage: z.string(),
      beforeCount: z.number().int().optional(),
      afterCount: z.number().int().optional(),
      droppedProviders: z.array(providerRef.extend({ reason: z.string() })),
    }),
  ),
  consideredProviders: z.array(providerRef),
  rankedProviders: z.array(
    providerRef.extend({
      score: z.number().optional(),
      breaker: z.enum(BREAKER_STATES),
      breakerUntilMs: z.number().nullish(),
      scoreFactors: z.record(z.string(), z.number()).optional(),
    }),
  ),
  finalCandidateCount: z.number().int().optional(),
  /** gateway-sim's additions (reference-diagnostics.ts): absent from a production export. */
  warnings: z.array(z.string()).optional(),
  gateway_sim: z
    .looseObject({
      strategy: z.enum(["balanced_sort", "balanced_shuffle", "explicit_sort", "weighted_shuffle", "pinned"]),
      sort: z.string().nullable(),
      placedBy: z.record(z.string(), z.enum(["order", "sort", "shuffle", "pinned"])),
    })
    .optional(),
});

/**
 * `detail_metadata.routing_snapshot` (pipeline/execute/providers.ts:48-62): the ranking in attempt
 * order, kept for every routed request whether or not diagnostics were asked for.
 */
export const referenceSnapshotSchema = z.array(
  z.looseObject({
    rank: z.number().int(),
    provider: z.string().min(1),
    breaker: z.enum(BREAKER_STATES),
    breaker_until_ms: z.number().nullish(),
    score: z.number().nullish(),
    /** The fifteen factors as a tuple, in SCORE_FACTOR_KEYS order (routing.ts:541-559). */
    score_factor_values: z.array(z.number()).nullish(),
  }),
);

/** The row's columns replay reads; `detail_metadata` as written at pipeline/after/audit.ts:657-675. */
export const referenceRowSchema = z.looseObject({
  request_id: z.string().min(1),
  /** The database's insert time (`default now()`), so the end of the request, not its arrival. */
  created_at: z.iso.datetime({ offset: true }).optional(),
  endpoint: z.string(),
  model_id: z.string().nullable(),
  provider: z.string().nullable(),
  provider_attempts: z.array(referenceAttemptSchema),
  stream: z.boolean().optional(),
  status_code: z.number().int().nullable(),
  success: z.boolean(),
  error_code: z.string().nullish(),
  latency_ms: z.number().nullish(),
  generation_ms: z.number().nullish(),
  provider_ttft_ms: z.number().nullish(),
  phaseo_overhead_ms: z.number().nullish(),
  output_speed_tps: z.number().nullish(),
  usage: z.looseObject({ input_tokens: z.number().optional(), output_tokens: z.number().optional() }).nullish(),
  usage_input_tokens: z.number().optional(),
  usage_output_tokens: z.number().optional(),
  cost_nanos: z.number().nullish(),
  throughput: z.number().nullish(),
  finish_reason: z.string().nullish(),
  detail_metadata: z.looseObject({
    routing_diagnostics: referenceDiagnosticsSchema.nullish(),
    routing_snapshot: referenceSnapshotSchema.nullish(),
    response_cache: z.looseObject({ status: z.string() }).nullish(),
  }),
});

export type ReferenceRow = z.output<typeof referenceRowSchema>;
export type ReferenceAttempt = z.output<typeof referenceAttemptSchema>;
export type ReferenceDiagnostics = z.output<typeof referenceDiagnosticsSchema>;
export type ReferenceSnapshot = z.output<typeof referenceSnapshotSchema>;
