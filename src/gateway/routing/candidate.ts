// A candidate offer with its health, and the same candidate after scoring.
import type { Offer } from "../catalog/schema.js";
import type { ProviderHealth, RankedProvider, ScoreFactors } from "../types.js";

export interface Candidate {
  offer: Offer;
  health: ProviderHealth;
}

/** A candidate after scoring: its final score (unrounded: ranking reads it) and the fifteen factors behind it, rounded as the diagnostics show them. */
export interface ScoredCandidate extends Candidate {
  score: number;
  scoreFactors: ScoreFactors;
  placedBy: RankedProvider["placedBy"];
  /** The breaker is open and its window has not passed: deranked ×1e-9 (routing.ts:1228-1231). */
  recentOutage: boolean;
}

/**
 * The same scored candidate, placed by something else (`order`, or a pinned request).
 *
 * @example
 * placedBy(candidate, "order");
 */
export function placedBy(candidate: ScoredCandidate, placement: RankedProvider["placedBy"]): ScoredCandidate {
  // Scored candidates are never mutated, so one already placed this way is its own copy (no object per request).
  if (candidate.placedBy === placement) return candidate;
  return { offer: candidate.offer, health: candidate.health, score: candidate.score, scoreFactors: candidate.scoreFactors, placedBy: placement, recentOutage: candidate.recentOutage };
}

/**
 * An open breaker whose window has not passed (routing.ts:1228-1229).
 *
 * @example
 * isRecentOutage(health, now); // true while breaker_until_ms > now
 */
export function isRecentOutage(health: ProviderHealth, now: number): boolean {
  return health.breaker === "open" && health.breaker_until_ms > now;
}
