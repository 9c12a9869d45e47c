import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { route } from "./route.js";
import { feed, makeInput, makeOffer } from "./route-fixtures.js";

const MODEL = "test/model";

function ranked(result: ReturnType<typeof route>): string[] {
  return result.diagnostics.rankedProviders.map((r) => r.provider);
}

describe("explicit sort", () => {
  it("computes the weighted sum of the mode's weights, plus nothing when jitter is 0", () => {
    const input = makeInput({
      offers: [makeOffer("cheap", { price: { input: 1, output: 1 } }), makeOffer("dear", { price: { input: 3, output: 3 } })],
      provider: { sort: "price" },
      settings: { routing: { sortJitter: 0 } },
    });
    const result = route(input);
    const [cheap, dear] = result.diagnostics.rankedProviders;
    // No health yet: success 1, latency ½·½ + ½·1 = 0.75 (all equal), tail 1, throughput 1, load 1.
    // cheap: .25 + .15·.75 + .10 + .05 + .05 + .40·1 = 0.9625; dear: same with price 0 = 0.5625.
    expect(cheap?.provider).toBe("cheap");
    expect(cheap?.score).toBeCloseTo(0.9625, 12);
    expect(dear?.score).toBeCloseTo(0.5625, 12);
    expect(cheap?.placedBy).toBe("sort");
    expect(result.diagnostics.strategy).toBe("explicit_sort");
    expect(result.diagnostics.sort).toBe("price");
  });

  it("breaks exact ties by provider id", () => {
    const offers = ["zeta", "alpha", "mid"].map((p) => makeOffer(p));
    const result = route(makeInput({ offers, provider: { sort: "latency" }, settings: { routing: { sortJitter: 0 } } }));
    expect(ranked(result)).toEqual(["alpha", "mid", "zeta"]);
  });

  it("adds a seeded jitter in [0, sortJitter)", () => {
    const offers = ["a", "b", "c"].map((p) => makeOffer(p));
    for (let i = 0; i < 50; i++) {
      const result = route(makeInput({ offers, provider: { sort: "latency" }, random: createRandom("jitter", String(i)) }));
      for (const r of result.diagnostics.rankedProviders) {
        expect(r.scoreFactors.jitter).toBeGreaterThanOrEqual(0);
        expect(r.scoreFactors.jitter).toBeLessThan(0.02);
        expect(r.score).toBeCloseTo((r.scoreFactors.weightedSum ?? Number.NaN) + (r.scoreFactors.jitter ?? Number.NaN), 12);
      }
    }
  });

  it("ranks by measured latency for sort latency and by measured throughput for sort throughput", () => {
    const input = makeInput({ offers: ["slow", "quick", "steady"].map((p) => makeOffer(p)), now: 60_000 });
    feed(input.health, "slow", MODEL, { latencyMs: 2400, throughputTps: 200 });
    feed(input.health, "quick", MODEL, { latencyMs: 300, throughputTps: 40 });
    feed(input.health, "steady", MODEL, { latencyMs: 900, throughputTps: 90 });
    expect(ranked(route({ ...input, preferences: { ...input.preferences, sort: "latency" } }))).toEqual(["quick", "steady", "slow"]);
    expect(ranked(route({ ...input, preferences: { ...input.preferences, sort: "throughput" } }))).toEqual(["slow", "steady", "quick"]);
  });

  it("weighs failures through the success factor", () => {
    const input = makeInput({ offers: ["flaky", "solid"].map((p) => makeOffer(p)), provider: { sort: "latency" }, now: 60_000 });
    // Same latency; flaky's first attempt failed (error rate 1), its second succeeded 1 s later:
    // error rate 1 − (1 − e^(−1/60)) ≈ 0.9835. Two attempts are below the breaker minimum volume.
    feed(input.health, "flaky", MODEL, { latencyMs: 600, count: 2, ok: (i) => i === 1 });
    feed(input.health, "solid", MODEL, { latencyMs: 600, count: 2 });
    const result = route(input);
    expect(ranked(result)).toEqual(["solid", "flaky"]);
    expect(result.diagnostics.rankedProviders[1]?.scoreFactors.successRate).toBeCloseTo(1 - Math.exp(-1 / 60), 9);
    expect(result.diagnostics.rankedProviders[1]?.breaker).toBe("closed");
  });
});
