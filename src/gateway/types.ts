// The shapes that pass between the gateway's stages (routing, health, execution, plugins, cache,
// usage log). Each stage lives in its own folder; this file is the contract between them.
import type { Random } from "../core/random.js";
import type { Offer } from "./catalog/schema.js";
import type { ProviderPreferences, SortMode } from "./request/provider-preferences.js";
import type { GatewaySettings } from "./settings.js";

// ─── Health (§4) ────────────────────────────────────────────────────────────

export const BREAKER_STATES = ["closed", "open", "half_open"] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** One finished attempt, as the gateway observed it. */
export interface HealthObservation {
  provider: string;
  model: string;
  /** Clock time the attempt ended. */
  at: number;
  ok: boolean;
  latencyMs: number;
  /** Output tokens per second after the first token, when measurable. */
  throughputTps?: number | undefined;
  ttftMs?: number | undefined;
}

/** Health of one provider × model at one instant. Window keys are seconds ("10", "60", "300"). */
export interface ProviderHealth {
  provider: string;
  model: string;
  /** Per-window records are shared snapshots: read only. */
  latencyMs: Readonly<Record<string, number>>;
  errorRate: Readonly<Record<string, number>>;
  throughputTps: Readonly<Record<string, number>>;
  /** Attempts that ended inside each window (an exact count, for the breaker's min-volume check). */
  volume: Readonly<Record<string, number>>;
  /** Attempts currently in flight (the `load` factor). */
  inFlight: number;
  /** Recent outcomes, newest last, at most `routing.thompson.maxObservations` (a shared snapshot: read only). */
  recentOutcomes: readonly boolean[];
  breaker: {
    state: BreakerState;
    /** Clock time the breaker last opened. */
    openedAt: number | undefined;
    /** Clock time an open breaker turns half-open. */
    halfOpenAt: number | undefined;
    consecutiveOpenings: number;
    probeSuccesses: number;
  };
}

/** Health state shared by all requests of one gateway. */
export interface HealthStore {
  /** Health as of `now` (breaker transitions from open to half-open happen here). */
  get(provider: string, model: string, now: number): ProviderHealth;
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
  loadScore: number;
  [factor: string]: number;
}

export interface RankedProvider {
  provider: string;
  /** 1-based position in the final candidate order. */
  rank: number;
  score: number;
  scoreFactors: ScoreFactors;
  breaker: BreakerState;
  /** `order` when placed by `provider.order`, else how it was ranked. */
  placedBy: "order" | "sort" | "shuffle" | "thompson" | "pinned";
  /** True when the breaker is half-open and this request was drawn as a probe. */
  probe?: boolean;
}

export interface RoutingDiagnostics {
  model: string;
  strategy: "balanced_shuffle" | "explicit_sort" | "thompson" | "pinned";
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
  /** Preset allow/deny filter, applied before the request's own filters (§2). */
  presetFilter?: { allow?: readonly string[] | undefined; deny?: readonly string[] | undefined } | undefined;
  health: HealthStore;
  now: number;
  /** Seeded from the request id. */
  random: Random;
  settings: GatewaySettings;
}

export type RoutingResult =
  | { ok: true; candidates: Offer[]; diagnostics: RoutingDiagnostics }
  | { ok: false; error: import("../core/errors.js").GatewayError; diagnostics: RoutingDiagnostics };

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
}

// ─── Plugins (§6) and cache (§7) ────────────────────────────────────────────

export interface PluginExecution {
  id: string;
  stage: "response";
  changed: boolean;
  status: "applied" | "skipped" | "failed";
  metadata: {
    attempted: boolean;
    healed: boolean;
    mode: string;
    transforms_applied: string[];
    failure_reason?: string;
    validation_errors?: { path: string; message: string; keyword: string }[];
    [key: string]: unknown;
  };
}

export const CACHE_STATUSES = ["bypass", "miss", "hit"] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];

export interface ResponseCacheInfo {
  status: CacheStatus;
  reason: string;
  key?: string;
  ttl_seconds?: number;
  age_seconds?: number;
}

// ─── Usage log (§8): one record per request ─────────────────────────────────

export interface UsageRecord {
  id: string;
  /** ISO time the request arrived (clock time). */
  created_at: string;
  /** Clock time in ms the request arrived. */
  time_ms: number;
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
