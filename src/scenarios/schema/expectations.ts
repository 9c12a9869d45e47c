// What a scenario expects. One expectation = a selection of requests (by name, index or time
// window) plus checks: per-request checks hold for every selected request, aggregate checks over
// the whole selection.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { ATTEMPT_OUTCOMES, BREAKER_STATES, CACHE_STATUSES } from "../../gateway/types.js";
import { boundSchema, durationBoundSchema, rateBoundSchema } from "./bounds.js";

const providerId = z.string().min(1);

/** Request name (explicit request or load) or 0-based index in sending order. */
const requestSelectorSchema = z.union([z.string().min(1), z.number().int().min(0)], {
  error: "expected a request name or a 0-based request index",
});

const windowSchema = z.strictObject({ from: durationSchema.optional(), to: durationSchema.optional() });

const attemptMatcherSchema = z.strictObject({
  provider: providerId.optional(),
  outcome: z.enum(ATTEMPT_OUTCOMES).optional(),
  status: z.number().int().nullable().optional(),
  error_code: z.string().optional(),
});

export const HEALING_STATUSES = ["applied", "skipped", "failed", "none"] as const;

const healingMatcherSchema = z.strictObject({
  /** `none`: the plugin did not run for this request. */
  status: z.enum(HEALING_STATUSES),
  /** Exactly these transforms, in order. */
  transforms: z.array(z.string()).optional(),
  /** The failure or skip reason (`truncated`, `schema_mismatch`, `not_json`, …). */
  reason: z.string().optional(),
  healed: z.boolean().optional(),
});

const cacheMatcherSchema = z.union([z.enum(CACHE_STATUSES), z.strictObject({ status: z.enum(CACHE_STATUSES), reason: z.string().optional() })], {
  error: `expected one of ${CACHE_STATUSES.join(", ")} or { status, reason }`,
});

const percentilesSchema = z.strictObject({
  p50: durationBoundSchema.optional(),
  p75: durationBoundSchema.optional(),
  p90: durationBoundSchema.optional(),
  p95: durationBoundSchema.optional(),
  p99: durationBoundSchema.optional(),
  max: durationBoundSchema.optional(),
  mean: durationBoundSchema.optional(),
});

const failoverSchema = z
  .strictObject({
    /** The degraded provider traffic must leave. */
    from: providerId,
    /** A timeline event name: the incident starts at its `at`. */
    incident: z.string().min(1).optional(),
    /** Or the incident start as an offset. */
    after: durationSchema.optional(),
    /** Deadline after the start by which every request is served by another provider. */
    within: durationSchema,
    /** End of the incident window (default: the provider's recovery, else the end of the run). */
    until: durationSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.incident === undefined) === (f.after === undefined)) {
      ctx.addIssue({ code: "custom", message: "expected exactly one of `incident` or `after`" });
    }
  });

/**
 * A provider's circuit breaker as routing saw it (`routing_diagnostics.rankedProviders[].breaker`),
 * over the selected requests in sending order.
 */
const breakerSchema = z
  .strictObject({
    provider: providerId,
    /** The breaker is seen open by the N-th selected request at the latest. */
    opens_within: z.number().int().min(1).optional(),
    /** States seen in this order (consecutive repeats collapsed; other states may come between). */
    sequence: z.array(z.enum(BREAKER_STATES)).min(1).optional(),
    /** How many selected requests were drawn as half-open probes to the provider. */
    probes: boundSchema.optional(),
    /** The state the last selected request saw. */
    final: z.enum(BREAKER_STATES).optional(),
    /**
     * `gateway` (default): the breaker the simulated gateway ran. `documented`: the documented breaker
     * (error rate >= 0.5 over >= 8 attempts in 60 s) that reference fidelity shadows without acting on it,
     * read from `rankedProviders[].documentedBreakerOpen` (open or closed, never half-open).
     */
    as: z.enum(["gateway", "documented"]).default("gateway"),
  })
  .superRefine((b, ctx) => {
    if (b.opens_within === undefined && b.sequence === undefined && b.probes === undefined && b.final === undefined) {
      ctx.addIssue({ code: "custom", message: "expected at least one of opens_within, sequence, probes, final" });
    }
  });

/** Checks that hold for every selected request, as a registry of field names. */
export const PER_REQUEST_CHECKS = ["selected_provider", "ranked_order", "considered", "excluded", "attempts", "failover_path", "healing", "cache", "status", "http_status", "error_code"] as const;

/** Checks over the selection as a whole. */
export const AGGREGATE_CHECKS = ["count", "provider_share", "first_attempt_share", "failover", "client_error_rate", "latency", "cost", "schema_valid_rate", "breaker"] as const;

/** One expectation. */
export const expectationSchema = z
  .strictObject({
    name: z.string().min(1),
    request: requestSelectorSchema.optional(),
    window: windowSchema.optional(),
    selected_provider: providerId.nullable().optional(),
    /** The full ranked order from the routing diagnostics. */
    ranked_order: z.array(providerId).optional(),
    /** Providers considered (order-insensitive). */
    considered: z.array(providerId).optional(),
    /** Provider → drop reason (`*` for any reason). */
    excluded: z.record(providerId, z.string()).optional(),
    attempts: z.array(attemptMatcherSchema).optional(),
    /** Providers attempted, in order. */
    failover_path: z.array(providerId).optional(),
    healing: healingMatcherSchema.optional(),
    cache: cacheMatcherSchema.optional(),
    /** Response status as in the usage log. */
    status: z.enum(["completed", "incomplete", "failed", "cancelled"]).optional(),
    http_status: z.number().int().optional(),
    error_code: z.string().nullable().optional(),
    count: boundSchema.optional(),
    /** Share of selected requests served by each provider. */
    provider_share: z.record(providerId, rateBoundSchema).optional(),
    /** Share of selected requests whose first attempt went to each provider (what routing chose, before failover). */
    first_attempt_share: z.record(providerId, rateBoundSchema).optional(),
    failover: failoverSchema.optional(),
    /** Share of selected requests answered with an error. */
    client_error_rate: rateBoundSchema.optional(),
    latency: z.strictObject({ ttft: percentilesSchema.optional(), total: percentilesSchema.optional() }).optional(),
    cost: z.strictObject({ total: boundSchema.optional(), mean: boundSchema.optional(), per_request: boundSchema.optional() }).optional(),
    /** Share of structured-output requests whose answer validates against their schema. */
    schema_valid_rate: rateBoundSchema.optional(),
    breaker: breakerSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const keys = [...PER_REQUEST_CHECKS, ...AGGREGATE_CHECKS];
    if (!keys.some((k) => e[k] !== undefined)) {
      ctx.addIssue({ code: "custom", message: `expected at least one check (${keys.join(", ")})` });
    }
  });

export type Expectation = z.output<typeof expectationSchema>;
export type PerRequestCheck = (typeof PER_REQUEST_CHECKS)[number];
export type AggregateCheck = (typeof AGGREGATE_CHECKS)[number];
export type Percentiles = z.output<typeof percentilesSchema>;
export type FailoverExpectation = z.output<typeof failoverSchema>;
export type BreakerExpectation = z.output<typeof breakerSchema>;
