// Every weight, window and threshold of the gateway, named, with the reference implementation's
// defaults (gateway-semantics.md §3–§7). A scenario or server config overrides any of them.
import { z } from "zod";
import { DEFAULT_JSON_BOUNDS } from "../core/json-bounds.js";

const sortWeights = z.strictObject({
  success: z.number().min(0),
  p50Latency: z.number().min(0),
  tailLatency: z.number().min(0),
  throughput: z.number().min(0),
  load: z.number().min(0),
  price: z.number().min(0),
});

/** The gateway's settings schema; `parse({})` gives the reference defaults. */
export const gatewaySettingsSchema = z.strictObject({
  routing: z
    .strictObject({
      /** `balanced`: weighted shuffle by score (reference). `thompson`: July 2026 "routing v2". */
      strategy: z.enum(["balanced", "thompson"]).default("balanced"),
      /** What to do when `only`/`ignore` leave no provider: the code restores the pool (reference), or fail closed. */
      emptyPoolAfterProviderFilter: z.enum(["restore_full_pool", "fail_closed"]).default("restore_full_pool"),
      /** A free offer is priced as this fraction of the cheapest paid price in the 1/price² score. */
      freeOfferPriceFraction: z.number().positive().default(0.1),
      /** Reliability factor floor: max(floor, 1 − error rate). */
      reliabilityFloor: z.number().min(0).max(1).default(0.05),
      /** Window (s) of the error rate behind reliability and `success`. */
      errorRateWindowSeconds: z.number().positive().default(60),
      /** Base of the token-affinity factor `(base + affinity)`. */
      tokenAffinityBase: z.number().min(0).default(0.5),
      /** Explicit-sort weight table (§3). */
      sortWeights: z
        .strictObject({ price: sortWeights, latency: sortWeights, throughput: sortWeights })
        .default({
          price: { success: 0.25, p50Latency: 0.15, tailLatency: 0.1, throughput: 0.05, load: 0.05, price: 0.4 },
          latency: { success: 0.25, p50Latency: 0.55, tailLatency: 0.15, throughput: 0.02, load: 0.03, price: 0 },
          throughput: { success: 0.2, p50Latency: 0.2, tailLatency: 0.1, throughput: 0.4, load: 0.1, price: 0 },
        }),
      /** p50 score = ½·1/(1 + latency/reference) + ½·min-max-normalised. */
      latencyReferenceMs: z.number().positive().default(800),
      /** Tail latency = max(latency over `tailLongWindowSeconds`, multiplier × latency over 60 s). */
      tailLatencyMultiplier: z.number().positive().default(1.6),
      tailLongWindowSeconds: z.number().positive().default(300),
      /** Amplitude of the seeded jitter added to explicit-sort scores. */
      sortJitter: z.number().min(0).default(0.02),
      /** Score multiplier for providers that miss `preferred_max_latency` / `preferred_min_throughput`. */
      preferenceMissMultiplier: z.number().min(0).max(1).default(0.1),
      /** Score multiplier for a provider whose breaker is open (deranked, not removed). */
      openBreakerMultiplier: z.number().min(0).default(1e-9),
      thompson: z
        .strictObject({
          priorSuccesses: z.number().min(0).default(8),
          priorFailures: z.number().min(0).default(2),
          maxObservations: z.number().int().positive().default(60),
        })
        .default({ priorSuccesses: 8, priorFailures: 2, maxObservations: 60 }),
    })
    .prefault({}),
  health: z
    .strictObject({
      /** Latency assumed before any sample (ms). */
      defaultLatencyMs: z.number().positive().default(800),
      /** Throughput assumed before any sample (tokens/s). */
      defaultThroughputTps: z.number().positive().default(50),
      /** EWMA time constants (s); each sample weighs 1 − e^(−Δt/τ). */
      windowsSeconds: z.array(z.number().positive()).nonempty().default([10, 60, 300]),
    })
    .prefault({}),
  breaker: z
    .strictObject({
      errorRateThreshold: z.number().min(0).max(1).default(0.5),
      minVolume: z.number().int().positive().default(8),
      /** Open duration is base × 2^(n−1) for the n-th consecutive opening, capped. */
      openBaseMs: z.number().positive().default(30_000),
      openMaxMs: z.number().positive().default(900_000),
      halfOpenProbeShare: z.number().min(0).max(1).default(0.05),
      probesToClose: z.number().int().positive().default(5),
    })
    .prefault({}),
  execution: z
    .strictObject({
      /** Per-attempt timeout (ms), covering the whole upstream call. */
      attemptTimeoutMs: z.number().positive().default(60_000),
    })
    .prefault({}),
  cache: z
    .strictObject({
      defaultTtlSeconds: z.number().positive().default(300),
      minTtlSeconds: z.number().positive().default(30),
      maxTtlSeconds: z.number().positive().default(86_400),
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
