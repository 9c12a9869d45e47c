import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { route } from "./route.js";
import { defaultOffers, makeInput, makeOffer } from "./route-fixtures.js";

const MODEL = "test/model";

describe("balanced shuffle", () => {
  it("scores 1/price² × reliability × (0.5 + token affinity) × weight", () => {
    const input = makeInput({
      offers: [makeOffer("a", { price: { input: 1, output: 1 } }), makeOffer("b", { price: { input: 2, output: 2 }, weight: 3 })],
      provider: { weights: { b: 2 } },
      now: 1000,
    });
    input.health.record({ provider: "b", model: MODEL, at: 1000, ok: false, latencyMs: 100 });
    const result = route(input);
    const byProvider = Object.fromEntries(result.diagnostics.rankedProviders.map((r) => [r.provider, r]));
    expect(byProvider.a?.score).toBeCloseTo(1 * 1 * 0.5 * 1, 12);
    // b: (2/4)² = 0.25, reliability floor 0.05 (error rate 1), weight 3 × 2.
    expect(byProvider.b?.score).toBeCloseTo(0.25 * 0.05 * 0.5 * 6, 12);
    expect(byProvider.b?.scoreFactors).toMatchObject({ inversePriceSquared: 0.25, reliability: 0.05, tokenAffinity: 0, affinityFactor: 0.5, weight: 6 });
    expect(result.diagnostics.strategy).toBe("balanced_shuffle");
    expect(result.diagnostics.rankedProviders.every((r) => r.placedBy === "shuffle")).toBe(true);
  });

  it("puts each provider first about as often as its share of the total score (20,000 seeded requests)", () => {
    const offers = defaultOffers("meta/llama-4-maverick");
    const n = 20_000;
    const firsts: Record<string, number> = {};
    let shares: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const result = route(makeInput({ offers, random: createRandom("run-1", "request", `G-${i}`, "routing") }));
      const first = result.diagnostics.rankedProviders.find((r) => r.rank === 1)?.provider ?? "none";
      firsts[first] = (firsts[first] ?? 0) + 1;
      if (i === 0) {
        const total = result.diagnostics.rankedProviders.reduce((s, r) => s + r.score, 0);
        shares = Object.fromEntries(result.diagnostics.rankedProviders.map((r) => [r.provider, r.score / total]));
      }
    }
    // deepinfra 0.75, groq 0.80, together 1.12 per 1M in+out: shares ∝ 1, 0.879, 0.448.
    expect(shares.deepinfra).toBeCloseTo(1 / (1 + (0.75 / 0.8) ** 2 + (0.75 / 1.12) ** 2), 6);
    for (const provider of ["deepinfra", "together", "groq"]) {
      expect(Math.abs((firsts[provider] ?? 0) / n - (shares[provider] ?? 0)), provider).toBeLessThan(0.02);
    }
  });

  it("gives the same ranking for the same request seed and health, and varies across seeds", () => {
    const offers = defaultOffers("google/gemini-3.1-flash-lite");
    const run = (seed: string) => route(makeInput({ offers, random: createRandom("run-1", "request", seed, "routing") }));
    expect(run("G-abc")).toEqual(run("G-abc"));
    const orders = new Set(Array.from({ length: 40 }, (_, i) => run(`G-${i}`).diagnostics.rankedProviders.map((r) => r.provider).join(",")));
    expect(orders.size).toBeGreaterThan(1);
  });
});
