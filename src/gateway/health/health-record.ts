// One provider's health record with the reference's fields, and the end-of-call update
// (health.ts:820-908): decayed EWMAs per horizon, where the first sample replaces the default.
import type { HealthImpact, HealthObservation } from "../types.js";

/** The EWMA horizons (health.config.ts:8-10). */
export const TAU_MS = { s10: 10_000, s60: 60_000, s300: 300_000 } as const;

/** The stored numbers of one provider × model (health.ts:12-43). */
export interface HealthRecord {
  lat10: number;
  lat60: number;
  lat300: number;
  err10: number;
  err60: number;
  err300: number;
  rate10: number;
  rate60: number;
  tp60: number;
  recOk60: number;
  recTot60: number;
  inflight: number;
  last10: number;
  last60: number;
  last300: number;
}

/**
 * A record with the reference defaults (health.ts:82-102): latency `defaultLatencyMs`, everything else 0.
 *
 * @example
 * newHealthRecord(800).lat60; // 800
 */
export function newHealthRecord(defaultLatencyMs: number): HealthRecord {
  return {
    lat10: defaultLatencyMs,
    lat60: defaultLatencyMs,
    lat300: defaultLatencyMs,
    err10: 0,
    err60: 0,
    err300: 0,
    rate10: 0,
    rate60: 0,
    tp60: 0,
    recOk60: 0,
    recTot60: 0,
    inflight: 0,
    last10: 0,
    last60: 0,
    last300: 0,
  };
}

/**
 * How an outcome moves health (health.ts:61-78): aborted → neutral, 2xx → success, anything else
 * (3xx, 4xx including 429, 5xx, no status) → failure.
 *
 * @example
 * healthImpact({ status: 429 }); // "failure"
 */
export function healthImpact(outcome: { status: number | null | undefined; aborted?: boolean }): HealthImpact {
  if (outcome.aborted) return "neutral";
  const status = Number(outcome.status ?? 0);
  return status >= 200 && status < 300 ? "success" : "failure";
}

/** d = e^(−Δt/τ), or 0 when the horizon has never been written (its timestamp is 0). */
function decayOf(now: number, last: number, tau: number): number {
  return last > 0 ? Math.exp(-(now - last) / tau) : 0;
}

function blend(previous: number, sample: number, d: number): number {
  return previous * d + (1 - d) * sample;
}

/**
 * The record after one finished call. A neutral outcome changes nothing but the in-flight count (the
 * caller's); otherwise every EWMA decays toward the sample, rates grow by 1000/τ, throughput is
 * sampled only with tokens and a generation time.
 *
 * @example
 * const next = applyObservation(newHealthRecord(800), { ..., at: 1200, ok: false, impact: "failure", latencyMs: 1200 });
 * next.lat60; // 1200: the first sample replaces the default
 */
export function applyObservation(record: HealthRecord, o: HealthObservation): HealthRecord {
  if (o.impact === "neutral") return record;
  const next = { ...record };
  writeObservation(next, o);
  return next;
}

/**
 * {@link applyObservation}'s update written into `record` itself: the health store's records are its
 * own (views copy their numbers), and updating in place allocates nothing per finished call.
 *
 * @example
 * writeObservation(entry.record, observation);
 */
export function writeObservation(record: HealthRecord, o: HealthObservation): void {
  if (o.impact === "neutral") return;
  const now = o.at;
  // Every decay is read from the old timestamps before any field is written; each field's update reads only its own old value.
  const d10 = decayOf(now, record.last10, TAU_MS.s10);
  const d60 = decayOf(now, record.last60, TAU_MS.s60);
  const d300 = decayOf(now, record.last300, TAU_MS.s300);
  const err = o.ok ? 0 : 1;
  const tokens = (o.tokensIn ?? 0) + (o.tokensOut ?? 0);
  const generationMs = o.generationMs ?? 0;
  if (tokens > 0 && generationMs > 0) record.tp60 = blend(record.tp60, tokens / Math.max(generationMs / 1000, 0.001), d60);
  record.lat10 = blend(record.lat10, o.latencyMs, d10);
  record.lat60 = blend(record.lat60, o.latencyMs, d60);
  record.lat300 = blend(record.lat300, o.latencyMs, d300);
  record.err10 = blend(record.err10, err, d10);
  record.err60 = blend(record.err60, err, d60);
  record.err300 = blend(record.err300, err, d300);
  record.rate10 = record.rate10 * d10 + 1000 / TAU_MS.s10;
  record.rate60 = record.rate60 * d60 + 1000 / TAU_MS.s60;
  record.recOk60 = blend(record.recOk60, o.ok ? 1 : 0, d60);
  record.recTot60 = blend(record.recTot60, 1, d60);
  record.last10 = now;
  record.last60 = now;
  record.last300 = now;
}
