// The shapes that pass between the gateway's stages (routing, health, execution, plugins, cache,
// usage log). Each stage lives in its own folder; this file is the contract between them.
import type { Random } from "../core/random.js";
import type { Offer } from "./catalog/schema.js";
import type { ProviderPreferences, SortMode } from "./request/provider-preferences.js";
import type { GatewaySettings } from "./settings.js";
import type { ReferenceColumns } from "./usage/reference-columns.js";

// ─── Health (§4) ────────────────────────────────────────────────────────────

export const BREAKER_STATES = ["closed", "open", "half_open"] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** How an attempt moves health (health.ts:61-78): aborted is neutral, 2xx success, everything else failure. */
export type HealthImpact = "success" | "failure" | "neutral";

/** One finished attempt, as the gateway observed it (the arguments of the reference's onCallEnd). */
export interface HealthObservation {
  provider: string;
  model: string;
  /** Clock time the attempt ended. */
  at: number;
  ok: boolean;
  impact: HealthImpact;
  /** The latency sample: first byte or TTFT where measured, else the attempt's duration. */
  latencyMs: number;
  /** Dispatch to the last byte; throughput is sampled only when this and the tokens are > 0. */
  generationMs?: number | undefined;
  tokensIn?: number | undefined;
  tokensOut?: number | undefined;
  /** Admitted as a half-open probe: the result counts toward closing or reopening. */
  probe?: boolean | undefined;
}

/**
 * Health of one provider × model at one instant, with the reference's field names and defaults
 * (health.ts:12-43, 82-102). Read only.
 */
export interface ProviderHealth {
  provider: string;
  model: string;
  lat_ewma_10s: number;
  lat_ewma_60s: number;
  lat_ewma_300s: number;
  err_ewma_10s: number;
  err_ewma_60s: number;
  err_ewma_300s: number;
  rate_10s: number;
  rate_60s: number;
  tp_ewma_60s: number;
  rec_ok_ew_60s: number;
  rec_tot_ew_60s: number;
  inflight: number;
  current_load: number;
  breaker: BreakerState;
  breaker_until_ms: number;
  breaker_attempts: number;
  last_ts_10s: number;
  last_ts_60s: number;
  last_ts_300s: number;
  /** Attempts that ended in the last 60 s and how many failed (the documented breaker's volume). */
  attempts_60s: number;
  failures_60s: number;
  /**
   * Under `breaker.volumeSource: ewma_of_one` (reference): until when the documented breaker (error rate
   * ≥ threshold over ≥ minVolume attempts) would have been open, had it existed; 0 when it would not.
   */
  documented_breaker_until_ms: number;
}

/** What the breaker lets through for one attempt (health.ts:681-720). */
export type BreakerAdmission = "closed" | "probe" | "blocked";

/** Health state shared by all requests of one gateway. */
export interface HealthStore {
  /** Health as of `now`, as stored (an open breaker past its window turns half-open only on admission). */
  get(provider: string, model: string, now: number): ProviderHealth;
  /** Attempt-time admission; `sampleKey` is "{workspaceId}|{requestId}" for the deterministic probe draw. */
  admit(provider: string, model: string, now: number, sampleKey: string): BreakerAdmission;
  /** Feeds one attempt's outcome into the EWMAs and the breaker. */
  record(observation: HealthObservation): void;
  /** Marks an attempt in flight; call the returned function when it ends. */
  begin(provider: string, model: string): () => void;
  /** Every provider × model seen so far. */
  snapshot(now: number): ProviderHealth[];
}

// ─── Routing (§3) ───────────────────────────────────────────────────────────

export interface DroppedProvider {
  provider: string;
  reason: string;
}

export interface FilterStage {
  stage: string;
  before: number;
  after: number;
  dropped: DroppedProvider[];
}

/** Score factors shown in the diagnostics (the seeds' "routing score factors"). */
export interface ScoreFactors {
  successRate: number;
  latencyScore: number;
  tailLatencyScore: number;
  throughputScore: number;
  priceScore: number;
  reliabilitySample: number;
  reliabilityObservations: number;
  tokenAffinity: number;
  loadPenalty: number;
  baseWeight: number;
  rolloutMultiplier: number;
  routingMultiplier: number;
  cacheBoostMultiplier: number;
  latencyPreferenceMultiplier: number;
  throughputPreferenceMultiplier: number;
}

export interface RankedProvider {
  provider: string;
  /** 1-based position in the final candidate order. */
  rank: number;
  score: number;
  scoreFactors: ScoreFactors;
  breaker: BreakerState;
  /** When an open breaker's window ends (0 when it is not open). */
  breakerUntilMs: number;
  /** `order` when placed by `provider.order`, else how it was ranked. */
  placedBy: "order" | "sort" | "shuffle" | "pinned";
  /** Reference fidelity only: the documented breaker would have been open for this provider now. */
  documentedBreakerOpen?: boolean;
}

export interface RoutingDiagnostics {
  model: string;
  /**
   * How the final order was made: `balanced_sort` (balanced, sorted by its sampled score), `explicit_sort`
   * (a request sort or suffix), `weighted_shuffle` (a preset's mode), `balanced_shuffle` (documented
   * balanced), `pinned`.
   */
  strategy: "balanced_sort" | "balanced_shuffle" | "explicit_sort" | "weighted_shuffle" | "pinned";
  /** The routing mode (routing.ts:65-75): the request sort, else the suffix's, else the preset's, else balanced. */
  routingMode: "balanced" | "price" | "latency" | "throughput";
  /** The model suffix's profile (routing.ts:134-153). */
  priority: "default" | "fast" | "nitro" | "cheap";
  sort: SortMode | undefined;
  filterStages: FilterStage[];
  consideredProviders: string[];
  rankedProviders: RankedProvider[];
  warnings: string[];
  finalCandidateCount: number;
}

export interface RoutingInput {
  model: string;
  offers: readonly Offer[];
  preferences: ProviderPreferences;
  /** From `provider:org/model`: only this provider is a candidate. */
  pinnedProvider?: string | undefined;
  requirements: {
    responseFormat: boolean;
    maxOutputTokens?: number | undefined;
    /** Request parameters present (for `require_parameters`), in catalog names. */
    parameters: readonly string[];
  };
  /**
   * Where the routing mode comes from (routing.ts:818-821): the request's sort as written (any spelling;
   * it makes the ranking deterministic), the model suffix's profile, the preset's routing mode, and how a
   * preset's mode ranks (`presets.routingModeRanking`). Absent: balanced, default profile.
   */
  modeSources?:
    | {
        requestedSort?: string | undefined;
        priority?: "default" | "fast" | "nitro" | "cheap" | undefined;
        presetMode?: string | undefined;
        presetRanking?: "shuffle" | "sort" | undefined;
      }
    | undefined;
  /** Preset allow/deny filter, applied before the request's own filters (§2). */
  presetFilter?: { allow?: readonly string[] | undefined; deny?: readonly string[] | undefined } | undefined;
  health: HealthStore;
  now: number;
  /** Seeded from the request id. */
  random: Random;
  settings: GatewaySettings;
}

export type RoutingResult = { ok: true; candidates: Offer[]; diagnostics: RoutingDiagnostics } | { ok: false; error: import("../core/errors.js").GatewayError; diagnostics: RoutingDiagnostics };

// ─── Execution (§5) ─────────────────────────────────────────────────────────

export const ATTEMPT_OUTCOMES = ["success", "upstream_non_2xx", "error", "retryable_error", "blocked"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface AttemptRecord {
  attempt: number;
  provider: string;
  outcome: AttemptOutcome;
  status: number | null;
  duration_ms: number;
  error_code?: string;
  message?: string;
  /** Admitted through a half-open breaker as a probe (false for a blocked attempt). */
  was_probe?: boolean;
}

// ─── Plugins (§6) and cache (§7) ────────────────────────────────────────────

/** The only plugin stage of the reference (plugins/types.ts:4). */
export const PLUGIN_STAGE = "response.post_provider";

/**
 * One `plugin_executions` entry, as the reference records it (plugins/types.ts:15-21): every
 * non-success outcome is `skipped`; only a thrown exception is `failed`.
 */
export interface PluginExecution {
  id: string;
  stage: typeof PLUGIN_STAGE;
  changed: boolean;
  status: "applied" | "skipped" | "failed";
  metadata: PluginExecutionMetadata;
}

/** Metadata keys the reference writes; which are present depends on the outcome (see the healing README). */
export interface PluginExecutionMetadata {
  attempted: boolean;
  healed?: boolean;
  mode?: string;
  transforms_applied?: string[];
  /** The plugin's own outcome reason (`not_json`, `unrepairable`, `truncated`, `schema_mismatch`, …). */
  failure_reason?: string;
  /** Strings of the form `$.path must …`, at most 8. */
  validation_errors?: string[];
  /** The registry's reason (`streaming_unsupported`, `plugin_error`). */
  reason?: string;
  /** The exception message when `reason` is `plugin_error`. */
  error?: string;
}

export const CACHE_STATUSES = ["bypass", "miss", "hit"] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];

/**
 * `meta.response_cache`, as the reference writes it (surfaces/text-generate.ts:651-746): `reason` is
 * null on a miss or hit; `createdAt`, `ageMs` and `providerId` only on a hit.
 */
export interface ResponseCacheInfo {
  enabled: boolean;
  status: CacheStatus;
  reason: string | null;
  key: string | null;
  fingerprint: string | null;
  ttlSeconds: number | null;
  ttlSource: CacheTtlSource | null;
  createdAt?: string;
  ageMs?: number;
  providerId?: string | null;
}

/** Where a TTL came from (core/response-cache.ts:17-22). */
export const CACHE_TTL_SOURCES = ["request", "preset", "workspace_default", "platform_default", "disabled"] as const;
export type CacheTtlSource = (typeof CACHE_TTL_SOURCES)[number];

// ─── Usage log (§8): one record per request ─────────────────────────────────

/**
 * One record per request: the reference's `gateway_requests` columns (ReferenceColumns, from
 * audit/index.ts:609-708) plus gateway-sim's own fields, which its scenarios, reports, replay and
 * serve read (documented as additions in docs/fidelity.md#response-shapes-healing-cache-and-usage-record). `latency_ms` is
 * gateway-sim's end-to-end time; the reference's column of that name is the executor's latency.
 */
export interface UsageRecord extends ReferenceColumns {
  id: string;
  /** ISO time the request arrived (clock time). */
  created_at: string;
  /** Clock time in ms the request arrived. */
  time_ms: number;
  /**
   * Arrival order within the gateway instance (0, 1, 2…): requests that arrive in the same
   * millisecond keep their order, which replay needs. gateway-sim's own; not a reference column.
   */
  seq: number;
  preset: string | null;
  /** The model the request (or its preset) asked for. */
  model: string | null;
  selected_provider: string | null;
  /** Response status: completed, incomplete (length), failed (error answered), cancelled (its caller cancelled it). */
  status: "completed" | "incomplete" | "failed" | "cancelled";
  http_status: number;
  error_code: string | null;
  stream: boolean;
  latency_ms: number;
  ttft_ms: number | null;
  throughput_tps: number | null;
  gateway_overhead_ms: number;
  usage: { input_tokens: number; output_tokens: number; total_tokens: number };
  cost_usd: number;
  attempts: AttemptRecord[];
  routing_diagnostics: RoutingDiagnostics | null;
  plugin_executions: PluginExecution[];
  response_cache: ResponseCacheInfo | null;
}
