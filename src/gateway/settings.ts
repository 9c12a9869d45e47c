// Every weight, window and threshold of the gateway, named, with the reference implementation's
// defaults (gateway-semantics.md §3–§7). A scenario or server config overrides any of them.
import { z } from "zod";
import { DEFAULT_MAX_CACHE_BYTES, DEFAULT_MAX_CACHE_ENTRIES } from "../cache/memory-cache-store.js";
import { DEFAULT_JSON_BOUNDS } from "../core/json-bounds.js";
import { FIDELITY_MODES } from "./fidelity.js";

const sortWeights = z.strictObject({
  success: z.number().min(0),
  p50Latency: z.number().min(0),
  tailLatency: z.number().min(0),
  throughput: z.number().min(0),
  load: z.number().min(0),
  price: z.number().min(0),
});

/** A key that encoded an older reading: any value is an error naming the setting that replaced it. */
function removedSetting(key: string, replacement: string) {
  return z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined) ctx.addIssue({ code: "custom", message: `${key} was removed (it encoded an older reading of the reference gateway); use ${replacement}` });
    });
}

/** A whole number ≥ 1 whose every wrong value (a string, a fraction, 0, a negative) gets the one message. */
function wholeNumberAtLeastOne(expected: string) {
  const error = { error: expected };
  return z.number(error).int(error).min(1, error);
}

/** The gateway's settings schema; `parse({})` gives the reference defaults. */
export const gatewaySettingsSchema = z.strictObject({
  /**
   * `reference` (default): what the reference gateway's code does at the pinned commit, quirks included.
   * `documented`: what its documentation says. Per-rule settings below override either side.
   */
  fidelity: z.enum(FIDELITY_MODES).default("reference"),
  routing: z
    .strictObject({
      /**
       * Removed: it encoded an older reading. Balanced mode now follows `fidelity` (reference: Thompson
       * draw, sorted); set `routing.balanced` to choose.
       */
      strategy: removedSetting("routing.strategy", "routing.balanced: thompson_sort (reference) | reliability_shuffle (documented)"),
      /**
       * Balanced mode (no sort): `thompson_sort` (reference, routing.ts:1332-1336, 1437-1441: 1/cost² ×
       * max(0.05, Beta draw) × (0.5 + affinity), sorted) or `reliability_shuffle` (documented: reliability
       * max(reliabilityFloor, 1 − error rate), weighted shuffle). Unset: follows `fidelity`.
       */
      balanced: z.enum(["thompson_sort", "reliability_shuffle"]).optional(),
      /** What to do when `only`/`ignore` leave no provider: the code restores the pool (reference), or fail closed (documented). */
      emptyPoolAfterProviderFilter: z.enum(["restore_full_pool", "fail_closed"]).optional(),
      /**
       * A pool the routing gates empty (pricing cap): `upstream_error` (reference: 502 all_candidates_failed,
       * zero attempts, index.ts:471-545) or `unsupported_model` (documented: 400). Unset: follows `fidelity`.
       */
      emptyPoolAfterGates: z.enum(["upstream_error", "unsupported_model"]).optional(),
      /**
       * A `max_price` cap on a meter the offer does not price (`image`, `audio`, `request`): `drop`
       * (reference, routing.ts:458-462) or `keep` (documented). Unset: follows `fidelity`.
       */
      priceCapMissingMeter: z.enum(["drop", "keep"]).optional(),
      /** A free offer is priced as this fraction of the cheapest paid price in the 1/price² score. */
      freeOfferPriceFraction: z.number().positive().default(0.1),
      /** Reliability floor: max(floor, reliability) in balanced mode. */
      reliabilityFloor: z.number().min(0).max(1).default(0.05),
      /** Explicit-sort weight table (routing.ts:97-132). */
      sortWeights: z.strictObject({ price: sortWeights, latency: sortWeights, throughput: sortWeights }).default({
        price: { success: 0.25, p50Latency: 0.15, tailLatency: 0.1, throughput: 0.05, load: 0.05, price: 0.4 },
        latency: { success: 0.25, p50Latency: 0.55, tailLatency: 0.15, throughput: 0.02, load: 0.03, price: 0 },
        throughput: { success: 0.2, p50Latency: 0.2, tailLatency: 0.1, throughput: 0.4, load: 0.1, price: 0 },
      }),
      /** Overrides the profile's jitter amplitude (default 0.02, :fast 0.005, :nitro/:cheap 0.001) when set. */
      sortJitter: z.number().min(0).optional(),
      /**
       * `graded` (reference, routing.ts:471-493: 1.0–1.2 inside the preference, 0.35–1.0 outside) or
       * `miss_multiplier` (documented: × preferenceMissMultiplier per missed preference). Unset: follows `fidelity`.
       */
      preferenceMultipliers: z.enum(["graded", "miss_multiplier"]).optional(),
      /** The documented form's multiplier per missed preference. */
      preferenceMissMultiplier: z.number().min(0).max(1).default(0.1),
      /** Score multiplier for a provider whose breaker is open (deranked, not removed). */
      openBreakerMultiplier: z.number().min(0).default(1e-9),
      thompson: z
        .strictObject({
          priorSuccesses: z.number().min(0).default(8),
          priorFailures: z.number().min(0).default(2),
          maxObservations: z.number().positive().default(60),
        })
        .default({ priorSuccesses: 8, priorFailures: 2, maxObservations: 60 }),
    })
    .prefault({}),
  health: z
    .strictObject({
      /** Latency assumed before any sample (ms); the first sample replaces it (health.ts:864-868). */
      defaultLatencyMs: z.number().positive().default(800),
      /** Removed: throughput starts at 0 in the reference (health.ts:91). */
      defaultThroughputTps: removedSetting("health.defaultThroughputTps", "nothing: throughput starts at 0 and an unseen provider scores 0.5 on preferred_min_throughput"),
      /** Removed: the reference's horizons are fixed at 10, 60 and 300 s (health.config.ts:8-10). */
      windowsSeconds: removedSetting("health.windowsSeconds", "nothing: the horizons are 10, 60 and 300 s"),
      /**
       * The latency sample of a non-streamed success: `first_byte` (reference: the shared executor's first
       * SSE frame; gateway-sim calls JSON upstream, whose first body byte arrives with the whole answer, so
       * this equals the total) or `total`. Streams always sample the provider TTFT. Unset: follows `fidelity`.
       */
      latencySample: z.enum(["first_byte", "total"]).optional(),
    })
    .prefault({}),
  breaker: z
    .strictObject({
      /**
       * The volume the opening rule reads: `ewma_of_one` (reference, health.ts:774-794, 891: rec_tot_ew_60s,
       * an EWMA of the constant 1, which never reaches the floor of 8, so traffic never opens the breaker)
       * or `request_count` (documented: attempts in the last 60 s). Unset: follows `fidelity`.
       */
      volumeSource: z.enum(["ewma_of_one", "request_count"]).optional(),
      errorRateThreshold: z.number().min(0).max(1).default(0.5),
      minVolume: z.number().int().positive().default(8),
      /** Open duration is base × 2^(n−1) for the n-th consecutive opening, capped. */
      openBaseMs: z.number().positive().default(30_000),
      openMaxMs: z.number().positive().default(900_000),
      halfOpenProbeShare: z.number().min(0).max(1).default(0.05),
      probesToClose: z.number().int().positive().default(5),
      /** TTL of the half-open probe counters (health.ts:115), refreshed on each write. */
      halfOpenTtlMs: z.number().positive().default(20_000),
    })
    .prefault({}),
  /** Request contract (F1). Every key optional: unset follows `fidelity` (see docs/fidelity.md#request-contract-and-presets). */
  request: z
    .strictObject({
      /** The body field `preset`: `ignore` (reference: never read; a body without `model` is a 400) or `select` (documented). */
      presetField: z.enum(["ignore", "select"]).optional(),
      /** A sort the gateway does not know (`balanced`, `default`, `fastest`): `balanced` (reference: no 400) or `reject` (400). */
      unknownSort: z.enum(["balanced", "reject"]).optional(),
      /** Unknown top-level/`provider`/`routing` keys: `ignore` (reference: passed through; a diagnostics warning names them) or `reject` (400 unknown_parameter). */
      unknownFields: z.enum(["ignore", "reject"]).optional(),
      /** Request `only`/`ignore` that leave no provider: `fail_closed` (reference: 400 request_provider_filter_no_match before routing) or `defer_to_routing` (routing.emptyPoolAfterProviderFilter decides). */
      providerFilterNoMatch: z.enum(["fail_closed", "defer_to_routing"]).optional(),
    })
    .prefault({}),
  /** Presets (F1). Every key optional: unset follows `fidelity`. */
  presets: z
    .strictObject({
      /**
       * A preset's `provider.sort`, `allow_fallbacks`, `require_parameters`, `diagnostics`: `reference` drops them (its
       * preset schema has no place for them; a warning names `routing_mode` for sort) or `all` merges them (documented).
       */
      providerFields: z.enum(["reference", "all"]).optional(),
      /** A preset's routing mode ranks by the weighted shuffle (`shuffle`, reference) or deterministically like a request sort (`sort`). */
      routingModeRanking: z.enum(["shuffle", "sort"]).optional(),
    })
    .prefault({}),
  execution: z
    .strictObject({
      /**
       * Per-attempt timeout (ms). Unset: none under reference fidelity (no abort signal or timeout,
       * executors/_shared/timing/upstream.ts:90-100), 60 000 under documented.
       */
      attemptTimeoutMs: z.number().positive().optional(),
      /**
       * Not a gateway rule: the simulation's bound on one attempt when no timeout applies, so a fake
       * that hangs cannot hang a scenario. Production waits for the platform or the upstream instead.
       */
      hangBoundMs: z.number().positive().default(600_000),
      /**
       * How a non-streamed request calls upstream: `json` (gateway-sim's default, a deliberate difference:
       * the latency sample is then the whole answer) or `buffered_stream` (the reference's shared
       * OpenAI-compatible executor: an upstream stream read to the end; the latency sample is its first
       * token, the generation time its last). Not tied to `fidelity`, because it changes every fake's
       * answer path and draws; see docs/fidelity.md#health-breaker-scoring-failover-and-errors.
       */
      upstreamMode: z.enum(["json", "buffered_stream"]).default("json"),
    })
    .prefault({}),
  cache: z
    .strictObject({
      /**
       * `hosted` (default): a store is bound, as on the hosted service, and the code's own cache logic
       * runs. `none`: the open-source build, whose getResponseCache() returns null (runtime/env.ts:149-151):
       * every request is `bypass` / `store_not_configured` (or its ineligibility reason), never a header.
       */
      store: z.enum(["hosted", "none"]).default("hosted"),
      /** The `{workspace}` part of the key `gateway:response-cache:v1:{workspace}:{sha256}`. */
      workspaceId: z.string().min(1).default("gateway-sim"),
      defaultTtlSeconds: z.number().positive().default(300),
      minTtlSeconds: z.number().positive().default(30),
      maxTtlSeconds: z.number().positive().default(86_400),
      /**
       * Read the request's `response_caching` (TTL, enabled). Unset: follows `fidelity` — the reference
       * passes only the preset's TTL and `enabled` to the policy (surfaces/text-generate.ts:663-667);
       * the documentation lists the request first.
       */
      requestTtl: z.boolean().optional(),
      /**
       * Leave output flags (`meta`, `provider.diagnostics`, `response_caching`, `stream_options`) out of
       * the key. Unset: follows `fidelity` — the reference removes only `debug` keys (core/response-cache.ts:107).
       */
      keyIgnoresOutputFlags: z.boolean().optional(),
      /**
       * gateway-sim's own rule, off by default: do not store answers cut off at `length` or whose
       * healing did not succeed. The reference stores every successful non-stream answer on a miss
       * (pipeline/after/index.ts:172-205).
       */
      skipUnreliableAnswers: z.boolean().default(false),
      /**
       * The in-memory store's count bound (one store a surface): past it the least recently used answer
       * is evicted. gateway-sim's own, as the hosted store is outside the reference's repository. It bounds
       * the stores the gateway builds; a store passed to createGateway as `cache` keeps its own bounds.
       */
      maxEntries: wholeNumberAtLeastOne(`expected a whole number of entries, at least 1 (default ${DEFAULT_MAX_CACHE_ENTRIES})`).default(DEFAULT_MAX_CACHE_ENTRIES),
      /**
       * The in-memory store's byte budget (one store a surface; an answer counts its JSON text's length):
       * past it the least recently used answers are evicted, and an answer larger than the whole budget is
       * not stored (the client sees `miss`; a `cache:not-stored` event says so). gateway-sim's own; like
       * `maxEntries`, it bounds the stores the gateway builds, not one passed as `cache`.
       */
      maxBytes: wholeNumberAtLeastOne(`expected a whole number of bytes, at least 1 (default ${DEFAULT_MAX_CACHE_BYTES}, 64 MiB)`).default(DEFAULT_MAX_CACHE_BYTES),
    })
    .prefault({}),
  meta: z
    .strictObject({
      /**
       * Every /v1/responses body carries `provider`, `provider_id` and a timing-only `meta`, even without
       * `meta: true`. Unset: follows `fidelity` — the reference merges its raw meta into every Responses
       * body (pipeline/after/payload.ts:81-94, 841-853); the documentation shows `meta` only when asked for.
       */
      timingsWithoutFlag: z.boolean().optional(),
    })
    .prefault({}),
  healing: z
    .strictObject({
      /**
       * `full` (default): a healed value must pass the whole JSON Schema (ajv) as well as the checks
       * the reference's healer knows; `reference`: only those (plugins/response-healing.ts:277-455),
       * which lets e.g. `$ref`/`anyOf` violations through as heals.
       */
      schemaCheck: z.enum(["full", "reference"]).default("full"),
    })
    .prefault({}),
  plugins: z
    .strictObject({
      /** Gateway-level plugin defaults, the first layer under preset and request. */
      defaults: z
        .array(
          z.strictObject({
            id: z.string(),
            enabled: z.boolean().optional(),
            mode: z.string().optional(),
            locked: z.boolean().optional(),
          }),
        )
        .default([]),
    })
    .prefault({}),
  /** Shape limits of a request body (src/core/json-bounds.ts); the reference has none, memory and the stack do. */
  limits: z
    .strictObject({
      maxJsonDepth: z.number().int().positive().default(DEFAULT_JSON_BOUNDS.maxDepth),
      maxObjectKeys: z.number().int().positive().default(DEFAULT_JSON_BOUNDS.maxObjectKeys),
      maxArrayItems: z.number().int().positive().default(DEFAULT_JSON_BOUNDS.maxArrayItems),
      maxJsonNodes: z.number().int().positive().default(DEFAULT_JSON_BOUNDS.maxNodes),
    })
    .prefault({}),
});

/** Settings after defaults are applied. */
export type GatewaySettings = z.output<typeof gatewaySettingsSchema>;
/** Settings as a user writes them: every field optional. */
export type GatewaySettingsInput = z.input<typeof gatewaySettingsSchema>;

/** The reference defaults. */
export function defaultGatewaySettings(): GatewaySettings {
  return gatewaySettingsSchema.parse({});
}
