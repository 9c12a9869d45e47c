import { describe, expect, it } from "vitest";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../settings.js";
import type { ProviderHealth } from "../types.js";
import { sampleBeta } from "./beta-sampler.js";
import type { Candidate } from "./candidate.js";
import { makeOffer } from "./route-fixtures.js";
import { reliabilityDraw, scoreCandidates } from "./score.js";

function health(provider: string, o: Partial<ProviderHealth> = {}): ProviderHealth {
  return {
    provider,
    model: "m",
    lat_ewma_10s: 800,
    lat_ewma_60s: 800,
    lat_ewma_300s: 800,
    err_ewma_10s: 0,
    err_ewma_60s: 0,
    err_ewma_300s: 0,
    rate_10s: 0,
    rate_60s: 0,
    tp_ewma_60s: 0,
    rec_ok_ew_60s: 0,
    rec_tot_ew_60s: 0,
    inflight: 0,
    current_load: 0,
    breaker: "closed",
    breaker_until_ms: 0,
    breaker_attempts: 0,
    last_ts_10s: 0,
    last_ts_60s: 0,
    last_ts_300s: 0,
    attempts_60s: 0,
    failures_60s: 0,
    documented_breaker_until_ms: 0,
    ...o,
  };
}

/** A stream that hands out 0.1, 0.2, … and logs how many draws were taken. */
function counting(): { next: () => number; taken: () => number } {
  let n = 0;
  return { next: () => ((n++ % 9) + 1) / 10, taken: () => n };
}

const settings = defaultGatewaySettings();

describe("scoreCandidates (routing.ts:1259-1380)", () => {
  it("latency mode: the weighted sum, + 0.10 × affinity, + one-sided jitter, in candidate order after each reliability draw", () => {
    const candidates: Candidate[] = [
      { offer: makeOffer("fast"), health: health("fast", { lat_ewma_60s: 200, lat_ewma_300s: 200, tp_ewma_60s: 50 }) },
      { offer: makeOffer("slow"), health: health("slow", { lat_ewma_60s: 1000, lat_ewma_300s: 1000, tp_ewma_60s: 100 }) },
    ];
    const stream = counting();
    const scored = scoreCandidates(candidates, {
      mode: { mode: "latency", priority: "default", deterministic: true },
      preferences: {},
      requestedMaxTokens: undefined,
      settings,
      now: 0,
      next: stream.next,
    });
    // Replay the same draws: reliability (Beta) for candidate 0, its jitter, then candidate 1's.
    const replay = counting();
    reliabilityDraw(candidates[0] as Candidate, settings, replay.next);
    const jitter0 = replay.next();
    const fastLatency = 0.5 * (1 / (1 + 200 / 800)) + 0.5 * 1;
    const fastTail = 1;
    const expected = 0.25 * 1 + 0.55 * fastLatency + 0.15 * fastTail + 0.02 * 0 + 0.1 * 0.5 + 0.02 * jitter0;
    expect(scored[0]?.score).toBeCloseTo(expected, 12);
    expect(scored[0]?.scoreFactors).toMatchObject({ successRate: 1, latencyScore: fastLatency, tailLatencyScore: 1, throughputScore: 0, priceScore: 0.5, loadPenalty: 0, tokenAffinity: 0.5 });
    expect(scored[1]?.scoreFactors.throughputScore).toBe(1);
    reliabilityDraw(candidates[1] as Candidate, settings, replay.next);
    replay.next();
    expect(stream.taken()).toBe(replay.taken());
  });

  it("balanced mode: priceWeight × max(0.05, Beta draw) × (0.5 + affinity); latency plays no part", () => {
    const candidates: Candidate[] = [
      { offer: makeOffer("cheap", { price: { input: 1, output: 1 } }), health: health("cheap", { lat_ewma_60s: 5000 }) },
      { offer: makeOffer("dear", { price: { input: 2, output: 2 } }), health: health("dear", { lat_ewma_60s: 100 }) },
    ];
    const stream = counting();
    const scored = scoreCandidates(candidates, {
      mode: { mode: "balanced", priority: "default", deterministic: false },
      preferences: {},
      requestedMaxTokens: undefined,
      settings,
      now: 0,
      next: stream.next,
    });
    const replay = counting();
    const b0 = sampleBeta(8, 2, replay.next);
    const b1 = sampleBeta(8, 2, replay.next);
    expect(scored[0]?.score).toBeCloseTo(1 * Math.max(0.05, b0) * 1, 12);
    expect(scored[1]?.score).toBeCloseTo(0.25 * Math.max(0.05, b1) * 1, 12);
    expect(scored.map((s) => s.scoreFactors.priceScore)).toEqual([1, 0.25]);
  });

  it("an open breaker inside its window multiplies the score by 1e-9; past its window it does not", () => {
    const candidates: Candidate[] = [
      { offer: makeOffer("open"), health: health("open", { breaker: "open", breaker_until_ms: 10_000 }) },
      { offer: makeOffer("closed"), health: health("closed") },
    ];
    const at = (now: number) =>
      scoreCandidates(candidates, { mode: { mode: "balanced", priority: "default", deterministic: false }, preferences: {}, requestedMaxTokens: undefined, settings, now, next: () => 0.5 });
    expect(at(5_000)[0]?.recentOutage).toBe(true);
    expect((at(5_000)[0]?.score ?? 1) / (at(10_000)[0]?.score ?? 1)).toBeCloseTo(1e-9, 18);
  });

  it("documented balanced: reliability max(floor, 1 − error rate), no draws", () => {
    const documented = gatewaySettingsSchema.parse({ fidelity: "documented" });
    let draws = 0;
    const scored = scoreCandidates([{ offer: makeOffer("a"), health: health("a", { err_ewma_60s: 0.3 }) }], {
      mode: { mode: "balanced", priority: "default", deterministic: false },
      preferences: {},
      requestedMaxTokens: undefined,
      settings: documented,
      now: 0,
      next: () => (draws++, 0.5),
    });
    expect(scored[0]?.scoreFactors.reliabilitySample).toBeCloseTo(0.7, 12);
    expect(draws).toBe(0);
  });

  it("unseen throughput with preferred_min_throughput scores 0.5 (graded), 0.1 (documented miss)", () => {
    const c: Candidate[] = [{ offer: makeOffer("a"), health: health("a") }];
    const ctx = {
      mode: { mode: "balanced" as const, priority: "default" as const, deterministic: false },
      preferences: { preferredMinThroughputTps: 50 },
      requestedMaxTokens: undefined,
      now: 0,
      next: () => 0.5,
    };
    expect(scoreCandidates(c, { ...ctx, settings })[0]?.scoreFactors.throughputPreferenceMultiplier).toBe(0.5);
    expect(scoreCandidates(c, { ...ctx, settings: gatewaySettingsSchema.parse({ fidelity: "documented" }) })[0]?.scoreFactors.throughputPreferenceMultiplier).toBe(0.1);
  });
});
