import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { route } from "./route.js";
import { feed, makeInput, makeOffer } from "./route-fixtures.js";

const MODEL = "test/model";
const thompson = { routing: { strategy: "thompson" as const } };

describe("thompson strategy", () => {
  it("draws from Beta(8 + successes, 2 + failures) over the last maxObservations outcomes and sorts", () => {
    const input = makeInput({
      offers: [makeOffer("good"), makeOffer("bad")],
      settings: { routing: { strategy: "thompson", thompson: { maxObservations: 10 } } },
      now: 60_000,
    });
    feed(input.health, "good", MODEL, { count: 30 });
    feed(input.health, "bad", MODEL, { count: 30, ok: (i) => i < 25 });
    const result = route(input);
    const byProvider = Object.fromEntries(result.diagnostics.rankedProviders.map((r) => [r.provider, r]));
    expect(byProvider.good?.scoreFactors).toMatchObject({ thompsonSuccesses: 10, thompsonFailures: 0 });
    expect(byProvider.bad?.scoreFactors).toMatchObject({ thompsonSuccesses: 5, thompsonFailures: 5 });
    expect(result.diagnostics.strategy).toBe("thompson");
    const scores = result.diagnostics.rankedProviders.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of result.diagnostics.rankedProviders) {
      expect(r.placedBy).toBe("thompson");
      expect(r.score).toBeCloseTo((r.scoreFactors.thompsonDraw ?? Number.NaN) * 0.5, 12);
    }
  });

  it("prefers the provider with the better record in nearly every seeded request", () => {
    let goodFirst = 0;
    for (let i = 0; i < 1000; i++) {
      const input = makeInput({ offers: [makeOffer("bad"), makeOffer("good")], settings: thompson, now: 60_000, random: createRandom("t", String(i)) });
      feed(input.health, "good", MODEL, { count: 60 });
      feed(input.health, "bad", MODEL, { count: 60, ok: (k) => k % 2 === 0 });
      if (route(input).diagnostics.rankedProviders[0]?.provider === "good") goodFirst += 1;
    }
    // Beta(68, 2) vs Beta(38, 32): the good provider wins almost always, but it is still a draw.
    expect(goodFirst).toBeGreaterThan(990);
  });

  it("still explores: with no history and equal prices both providers come first sometimes", () => {
    const firsts = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const input = makeInput({ offers: [makeOffer("x"), makeOffer("y")], settings: thompson, random: createRandom("explore", String(i)) });
      firsts.add(route(input).diagnostics.rankedProviders[0]?.provider ?? "");
    }
    expect(firsts).toEqual(new Set(["x", "y"]));
  });
});
