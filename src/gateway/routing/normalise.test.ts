import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeOffer } from "./route-fixtures.js";
import { inverseSquarePriceWeights, normalise, priceBasis, priceScores } from "./normalise.js";

describe("normalise (routing.ts:155-159)", () => {
  it("is 0.5 when max equals min, and clamps to [0, 1]", () => {
    expect(normalise(5, 5, 5)).toBe(0.5);
    expect(normalise(200, 100, 300)).toBe(0.5);
    expect(normalise(400, 100, 300)).toBe(1);
    expect(normalise(0, 100, 300)).toBe(0);
  });
});

describe("prices", () => {
  it("price scores: 1 − (p − min)/(max − min), 0.5 for everyone when equal", () => {
    const scores = priceScores([makeOffer("a", { price: { input: 1, output: 1 } }), makeOffer("b", { price: { input: 2, output: 2 } }), makeOffer("c", { price: { input: 1.5, output: 1.5 } })]);
    expect(scores[0]).toBe(1);
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBeCloseTo(0.5, 12);
    expect(priceScores([makeOffer("a"), makeOffer("b")])).toEqual([0.5, 0.5]);
    expect(priceBasis({ price: { input: 0.05, output: 0.4 } })).toBeCloseTo(4.5e-7, 20);
  });

  it("price scores equal the spread-and-Map form for any prices, a provider listed twice included", () => {
    // The form priceScores had before it became loops: Math.min/max over a spread, a Map keyed by provider.
    const spreadForm = (offers: { provider: string; price: { input: number; output: number } }[]): number[] => {
      const prices = offers.map(priceBasis);
      const min = Math.min(...prices);
      const range = Math.max(...prices) - min;
      const byProvider = new Map<string, number>();
      offers.forEach((offer, i) => byProvider.set(offer.provider, range === 0 ? 0.5 : 1 - ((prices[i] ?? min) - min) / range));
      return offers.map((offer) => byProvider.get(offer.provider) ?? 0.5);
    };
    const price = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 0.05, 1, 1.5));
    const offer = fc.record({ provider: fc.constantFrom("a", "b", "c", "d"), input: price, output: price });
    fc.assert(
      fc.property(fc.array(offer, { minLength: 1, maxLength: 7 }), (raw) => {
        const offers = raw.map((o) => makeOffer(o.provider, { price: { input: o.input, output: o.output } }));
        expect(priceScores(offers)).toEqual(spreadForm(offers));
      }),
    );
  });

  it("balanced weights equal the filter-and-spread form for any costs, free and NaN ones included", () => {
    // The form inverseSquarePriceWeights had before it became loops.
    const spreadForm = (costs: readonly number[], freeFraction: number): number[] => {
      const positive = costs.filter((c) => c > 0);
      const freeCost = positive.length > 0 ? Math.min(...positive) / (1 / freeFraction) : 1;
      const raw = costs.map((c) => 1 / (c > 0 ? c : freeCost) ** 2);
      const best = Math.max(...raw, 0);
      if (!(best > 0)) return costs.map(() => 0.5);
      return raw.map((w) => w / best);
    };
    const cost = fc.oneof(fc.double({ min: 0, max: 1e-3 }), fc.constantFrom(0, -0, 1e-7, 4.5e-7, Number.NaN, Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(fc.array(cost, { maxLength: 7 }), fc.constantFrom(0.1, 0.25, 1), (costs, fraction) => {
        expect(inverseSquarePriceWeights(costs, fraction)).toEqual(spreadForm(costs, fraction));
      }),
    );
  });

  it("balanced weights: 1/cost² normalised to the cheapest; free = cheapest / 10; all free = 1", () => {
    expect(inverseSquarePriceWeights([1, 2], 0.1)).toEqual([1, 0.25]);
    expect(inverseSquarePriceWeights([0, 1], 0.1)).toEqual([1, 1 / (1 / (1 / 10) ** 2)]);
    expect(inverseSquarePriceWeights([0, 0], 0.1)).toEqual([1, 1]);
  });
});
