// The circuit breaker of one provider × model as a pure state machine (§4): every transition takes
// explicit timestamps, so a timeline can be replayed and tested without a clock.
import type { GatewaySettings } from "../settings.js";
import type { ProviderHealth } from "../types.js";

export type BreakerStatus = ProviderHealth["breaker"];
export type BreakerSettings = GatewaySettings["breaker"];

/** What the breaker sees of one finished attempt. */
export interface BreakerObservation {
  at: number;
  ok: boolean;
  /** Error rate over the error-rate window, including this attempt. */
  errorRate: number;
  /** Volume over the error-rate window, including this attempt. */
  volume: number;
}

/**
 * A closed breaker that has never opened.
 *
 * @example
 * const b = closedBreaker(); // { state: "closed", consecutiveOpenings: 0, ... }
 */
export function closedBreaker(): BreakerStatus {
  return { state: "closed", openedAt: undefined, halfOpenAt: undefined, consecutiveOpenings: 0, probeSuccesses: 0 };
}

/**
 * How long the n-th consecutive opening lasts: base × 2^(n−1), capped.
 *
 * @example
 * openDurationMs(3, settings.breaker); // 120_000 with the 30 s default base
 */
export function openDurationMs(opening: number, settings: BreakerSettings): number {
  return Math.min(settings.openBaseMs * 2 ** Math.max(0, opening - 1), settings.openMaxMs);
}

/**
 * The breaker as of `now`: an open breaker whose time is up reads as half-open. Nothing is stored,
 * so reading never changes state.
 *
 * @example
 * breakerAt(open, open.halfOpenAt ?? 0).state; // "half_open"
 */
export function breakerAt(breaker: BreakerStatus, now: number): BreakerStatus {
  if (breaker.state === "open" && breaker.halfOpenAt !== undefined && now >= breaker.halfOpenAt) {
    return { ...breaker, state: "half_open", probeSuccesses: 0 };
  }
  return breaker;
}

/**
 * The breaker after one attempt. Closed: opens when the error rate reaches the threshold on enough
 * volume. Open: unchanged (a late answer of an attempt started before it opened). Half-open: a
 * failure reopens it for twice as long; `probesToClose` successes close it and reset the doubling.
 *
 * @example
 * const next = observeBreaker(b, { at: 61_000, ok: false, errorRate: 0.6, volume: 9 }, settings.breaker);
 */
export function observeBreaker(breaker: BreakerStatus, observation: BreakerObservation, settings: BreakerSettings): BreakerStatus {
  const current = breakerAt(breaker, observation.at);
  switch (current.state) {
    case "closed": {
      const trips = observation.errorRate >= settings.errorRateThreshold && observation.volume >= settings.minVolume;
      return trips ? opened(current.consecutiveOpenings + 1, observation.at, settings) : current;
    }
    case "open":
      return current;
    case "half_open": {
      if (!observation.ok) return opened(current.consecutiveOpenings + 1, observation.at, settings);
      const probeSuccesses = current.probeSuccesses + 1;
      return probeSuccesses >= settings.probesToClose ? closedBreaker() : { ...current, probeSuccesses };
    }
  }
}

function opened(opening: number, at: number, settings: BreakerSettings): BreakerStatus {
  return { state: "open", openedAt: at, halfOpenAt: at + openDurationMs(opening, settings), consecutiveOpenings: opening, probeSuccesses: 0 };
}
