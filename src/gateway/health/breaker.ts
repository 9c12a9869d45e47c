// The circuit breaker of one provider × model (health.ts:591-794), as pure functions over explicit
// timestamps: the opening rule with its two volume sources, the open window, half-open probing.
import type { GatewaySettings } from "../settings.js";
import type { BreakerAdmission, BreakerState } from "../types.js";
import type { HealthRecord } from "./health-record.js";

export type BreakerSettings = GatewaySettings["breaker"];

/** The breaker fields of a health record (health.ts:38-41). */
export interface BreakerStatus {
  state: BreakerState;
  untilMs: number;
  /** Consecutive openings; reset to 0 when a half-open breaker closes. */
  attempts: number;
}

/** The half-open probe counters (health.ts:638-668): a separate record with a TTL. */
export interface HalfOpenCounters {
  ok: number;
  cnt: number;
  expiresAt: number;
}

/** The floor of the volume check (health.config.ts:27-28). */
export const OPEN_MIN_TOTAL_FLOOR = 8;
export const OPEN_MIN_TOTAL_FRAC = 0.1;

/**
 * A closed breaker that has never opened.
 *
 * @example
 * closedBreaker().state; // "closed"
 */
export function closedBreaker(): BreakerStatus {
  return { state: "closed", untilMs: 0, attempts: 0 };
}

/**
 * How long the n-th consecutive opening lasts: min(base × 2^(n−1), max) (health.ts:597-599).
 *
 * @example
 * openDurationMs(3, settings.breaker); // 120_000
 */
export function openDurationMs(opening: number, settings: BreakerSettings): number {
  return Math.min(settings.openBaseMs * 2 ** Math.max(0, opening - 1), settings.openMaxMs);
}

/**
 * Opens (or reopens) the breaker at `now`: one more consecutive opening, a doubled window.
 *
 * @example
 * openBreaker(closedBreaker(), 1000, settings.breaker).untilMs; // 31_000
 */
export function openBreaker(breaker: BreakerStatus, now: number, settings: BreakerSettings): BreakerStatus {
  const attempts = breaker.attempts + 1;
  return { state: "open", untilMs: now + openDurationMs(attempts, settings), attempts };
}

/** What the opening rule reads after a failure. */
export interface OpeningInputs {
  record: HealthRecord;
  /** Attempts and failures that ended in the last 60 s (exact counts). */
  attempts60: number;
  failures60: number;
}

/**
 * The reference's opening rule (health.ts:774-794): the volume is rec_tot_ew_60s against
 * max(8, 0.1 × rate_60s × 60), the error rate 1 − rec_ok/max(rec_tot, 1). rec_tot_ew_60s is an EWMA of
 * the constant 1, so it never exceeds 1 and this never returns true.
 *
 * @example
 * referenceWouldOpen({ record, attempts60: 20, failures60: 20 }, 0.5); // false, always
 */
export function referenceWouldOpen(inputs: OpeningInputs, threshold: number): boolean {
  const { recTot60: tot, recOk60: ok, rate60 } = inputs.record;
  const minNeeded = Math.max(OPEN_MIN_TOTAL_FLOOR, OPEN_MIN_TOTAL_FRAC * rate60 * 60);
  if (tot < minNeeded) return false;
  return 1 - ok / Math.max(tot, 1) >= threshold;
}

/**
 * The documented rule (gateway-semantics.md §4): error rate ≥ threshold over ≥ minVolume attempts in
 * the last 60 s.
 *
 * @example
 * documentedWouldOpen({ record, attempts60: 8, failures60: 5 }, settings.breaker); // true
 */
export function documentedWouldOpen(inputs: OpeningInputs, settings: BreakerSettings): boolean {
  if (inputs.attempts60 < settings.minVolume) return false;
  return inputs.failures60 / inputs.attempts60 >= settings.errorRateThreshold;
}

/**
 * The deterministic probe draw (health.ts:670-679): FNV-1a of "{workspaceId}|{requestId}" over
 * 0xffffffff, below the probe share.
 *
 * @example
 * probeSample("gateway-sim|G-1"); // a number in [0, 1]
 */
export function probeSample(key: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 0xffffffff;
}

/**
 * Attempt-time admission (health.ts:681-720). Open inside its window: blocked. Open past it: turns
 * half-open (returned as `next`). Half-open: admitted as a probe when the sample is under the share.
 *
 * @example
 * admission(breaker, 40_000, "gateway-sim|G-9", settings.breaker); // { admission: "probe", next }
 */
export function admission(breaker: BreakerStatus, now: number, sampleKey: string, settings: BreakerSettings): { admission: BreakerAdmission; next: BreakerStatus } {
  let next = breaker;
  if (breaker.state === "open") {
    if (now < breaker.untilMs) return { admission: "blocked", next };
    next = { ...breaker, state: "half_open" };
  }
  if (next.state === "half_open") return { admission: probeSample(sampleKey) < settings.halfOpenProbeShare ? "probe" : "blocked", next };
  return { admission: "closed", next };
}

/**
 * The breaker after one non-neutral probe (health.ts:756-772): once `probesToClose` probes are counted,
 * all ok closes it, a probe error rate ≥ the threshold reopens it for twice as long, and anything in
 * between leaves it half-open, counting on until the counters expire.
 *
 * @example
 * afterProbe(halfOpen, { ok: 5, cnt: 5, expiresAt }, settings.breaker, 50_000).state; // "closed"
 */
export function afterProbe(breaker: BreakerStatus, half: HalfOpenCounters, settings: BreakerSettings, now: number): BreakerStatus {
  if (half.cnt < settings.probesToClose) return breaker;
  if (half.ok === half.cnt) return closedBreaker();
  const errorRate = half.cnt > 0 ? 1 - half.ok / half.cnt : 1;
  return errorRate >= settings.errorRateThreshold ? openBreaker(breaker, now, settings) : breaker;
}
