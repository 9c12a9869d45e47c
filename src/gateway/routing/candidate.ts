// A candidate offer with its health and the numbers every ranking strategy reads from it.
import type { Offer } from "../catalog/schema.js";
import { windowKey } from "../health/health-windows.js";
import type { GatewaySettings } from "../settings.js";
import type { ProviderHealth, RankedProvider, ScoreFactors } from "../types.js";

export interface Candidate {
  offer: Offer;
  health: ProviderHealth;
}

/** A candidate after ranking: its final score, the factors behind it, and whether it is a probe. */
export interface ScoredCandidate extends Candidate {
  score: number;
  scoreFactors: ScoreFactors;
  probe: boolean;
  placedBy: RankedProvider["placedBy"];
}

/**
 * A candidate after ranking. Every field is written out (no `{ ...candidate, … }`): on Node 20 a
 * spread followed by more keys is a slow path, and routing builds several of these per request.
 *
 * @example
 * scoredCandidate(candidate, { score: 0.8, scoreFactors, probe: false, placedBy: "shuffle" });
 */
export function scoredCandidate(candidate: Candidate, ranking: Omit<ScoredCandidate, keyof Candidate>): ScoredCandidate {
  return { offer: candidate.offer, health: candidate.health, score: ranking.score, scoreFactors: ranking.scoreFactors, probe: ranking.probe, placedBy: ranking.placedBy };
}

/**
 * The same ranked candidate, placed by something else (`order`, or a pinned request).
 *
 * @example
 * placedBy(candidate, "order");
 */
export function placedBy(candidate: ScoredCandidate, placement: RankedProvider["placedBy"]): ScoredCandidate {
  return scoredCandidate(candidate, { score: candidate.score, scoreFactors: candidate.scoreFactors, probe: candidate.probe, placedBy: placement });
}

/** The health figures routing reads, over the routing window (the error-rate window, 60 s). */
export interface HealthFigures {
  errorRate: number;
  latencyMs: number;
  tailLatencyMs: number;
  throughputTps: number;
}

/**
 * Reads the routing window of a candidate's health. Tail latency is
 * max(latency over the long window, tailLatencyMultiplier × latency over the routing window).
 *
 * @example
 * healthFigures(candidate.health, settings).latencyMs; // EWMA latency over 60 s
 */
export function healthFigures(health: ProviderHealth, settings: GatewaySettings): HealthFigures {
  const short = windowKey(settings.routing.errorRateWindowSeconds);
  const long = windowKey(settings.routing.tailLongWindowSeconds);
  const latencyMs = health.latencyMs[short] ?? settings.health.defaultLatencyMs;
  const longLatency = health.latencyMs[long] ?? latencyMs;
  return {
    errorRate: health.errorRate[short] ?? 0,
    latencyMs,
    tailLatencyMs: Math.max(longLatency, settings.routing.tailLatencyMultiplier * latencyMs),
    throughputTps: health.throughputTps[short] ?? settings.health.defaultThroughputTps,
  };
}
