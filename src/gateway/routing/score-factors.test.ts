import { describe, expect, it } from "vitest";
import { defaultGatewaySettings } from "../settings.js";
import { createHealthStore } from "../health/health-store.js";
import type { Candidate } from "./candidate.js";
import { feed, makeOffer } from "./route-fixtures.js";
import { standardFactors } from "./score-factors.js";

const MODEL = "test/model";
const settings = defaultGatewaySettings();

function candidates(): Candidate[] {
  const health = createHealthStore(settings);
  feed(health, "fast", MODEL, { latencyMs: 400, throughputTps: 100, count: 20, until: 60_000 });
  health.record({ provider: "broken", model: MODEL, at: 60_000, ok: false, latencyMs: 30_000 });
  health.begin("busy", MODEL);
  health.begin("busy", MODEL);
  const offers = [
    makeOffer("fast", { price: { input: 1, output: 1 } }),
    makeOffer("busy", { price: { input: 2, output: 2 } }),
    makeOffer("broken", { price: { input: 1.5, output: 1.5 } }),
  ];
  return offers.map((offer) => ({ offer, health: health.get(offer.provider, MODEL, 60_000) }));
}

describe("standardFactors", () => {
  it("computes the six factors by hand-checkable formulas", () => {
    const [fast, busy, broken] = standardFactors(candidates(), settings);
    // fast: 400 ms → ½·1/(1 + 400/800) + ½·1; busy and broken sit at the 800 ms default.
    expect(fast?.latencyScore).toBeCloseTo(0.5 / 1.5 + 0.5, 12);
    expect(busy?.latencyScore).toBeCloseTo(0.25, 12);
    // tail: fast max(400, 1.6·400) = 640, others 1280.
    expect(fast?.tailLatencyScore).toBe(1);
    expect(busy?.tailLatencyScore).toBe(0);
    // throughput: 100 vs the 50 tps default.
    expect(fast?.throughputScore).toBe(1);
    expect(busy?.throughputScore).toBe(0);
    // price: 2, 4, 3 → 1, 0, 0.5.
    expect([fast?.priceScore, busy?.priceScore, broken?.priceScore]).toEqual([1, 0, 0.5]);
    // load: 1/(1 + in flight).
    expect(busy?.loadScore).toBeCloseTo(1 / 3, 12);
    expect(fast?.loadScore).toBe(1);
    // success: one failure is the first sample, so the 60 s error rate is 1.
    expect(broken?.successRate).toBe(0);
    expect(fast?.successRate).toBe(1);
  });

  it("scores a lone candidate 1 on every normalised factor", () => {
    const [only] = standardFactors(candidates().slice(1, 2), settings);
    expect(only).toMatchObject({ tailLatencyScore: 1, throughputScore: 1, priceScore: 1 });
    expect(only?.latencyScore).toBeCloseTo(0.25 + 0.5, 12);
  });
});
