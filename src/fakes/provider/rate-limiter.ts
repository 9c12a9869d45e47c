// Requests- and tokens-per-minute limits in fixed one-minute windows of simulated time, counted
// from the fleet's start: what a 429's retry-after and the rate-limit headers report.
import type { RateLimitSnapshot } from "../wire/types.js";

const WINDOW_MS = 60_000;

export type RateLimitDecision =
  | { ok: true; snapshot: RateLimitSnapshot }
  | { ok: false; limit: "requests" | "tokens"; max: number; used: number; requested: number; retryAfterMs: number; snapshot: RateLimitSnapshot };

export interface RateLimiter {
  /** Admits a request costing `tokens` at `now`, or says which limit it would exceed. */
  admit(now: number, tokens: number): RateLimitDecision;
  setLimits(limits: { rpm?: number | undefined; tpm?: number | undefined }): void;
}

/**
 * A rate limiter; with no limits it admits everything and reports no headers.
 *
 * @example
 * const limiter = createRateLimiter({ rpm: 60, tpm: 100_000 }, fleetStart);
 * limiter.admit(clock.now(), 1200);
 */
export function createRateLimiter(limits: { rpm?: number | undefined; tpm?: number | undefined }, origin: number): RateLimiter {
  let current = { ...limits };
  let window = -1;
  let requests = 0;
  let tokens = 0;
  const snapshot = (now: number, resetAt: number): RateLimitSnapshot => ({
    now,
    requests: current.rpm !== undefined ? { limit: current.rpm, remaining: Math.max(0, current.rpm - requests), resetAt } : undefined,
    tokens: current.tpm !== undefined ? { limit: current.tpm, remaining: Math.max(0, current.tpm - tokens), resetAt } : undefined,
  });
  return {
    setLimits(next) {
      current = { ...next };
    },
    admit(now, cost) {
      const index = Math.floor((now - origin) / WINDOW_MS);
      if (index !== window) {
        window = index;
        requests = 0;
        tokens = 0;
      }
      const resetAt = origin + (index + 1) * WINDOW_MS;
      const retryAfterMs = resetAt - now;
      if (current.rpm !== undefined && requests + 1 > current.rpm) {
        return { ok: false, limit: "requests", max: current.rpm, used: requests, requested: 1, retryAfterMs, snapshot: snapshot(now, resetAt) };
      }
      if (current.tpm !== undefined && tokens + cost > current.tpm) {
        return { ok: false, limit: "tokens", max: current.tpm, used: tokens, requested: cost, retryAfterMs, snapshot: snapshot(now, resetAt) };
      }
      requests++;
      tokens += cost;
      return { ok: true, snapshot: snapshot(now, resetAt) };
    },
  };
}
