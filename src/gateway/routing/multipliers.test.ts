import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { route } from "./route.js";
import { feed, makeInput, makeOffer } from "./route-fixtures.js";

const MODEL = "test/model";
const providers = (result: ReturnType<typeof route>): string[] => result.diagnostics.rankedProviders.map((r) => r.provider);

describe("preferred_max_latency / preferred_min_throughput", () => {
  const offers = [makeOffer("cheap-slow", { price: { input: 1, output: 1 } }), makeOffer("dear-fast", { price: { input: 3, output: 3 } })];

  it("moves a provider over the latency preference down without removing it", () => {
    const input = makeInput({ offers, provider: { sort: "price", preferred_max_latency: 1 }, now: 60_000 });
    feed(input.health, "cheap-slow", MODEL, { latencyMs: 2500 });
    feed(input.health, "dear-fast", MODEL, { latencyMs: 400 });
    const result = route(input);
    expect(providers(result)).toEqual(["dear-fast", "cheap-slow"]);
    expect(result.diagnostics.rankedProviders.map((r) => r.scoreFactors.preferenceMultiplier)).toEqual([1, 0.1]);
    expect(result.diagnostics.finalCandidateCount).toBe(2);
  });

  it("moves a provider under the throughput preference down, and multiplies per missed preference", () => {
    const input = makeInput({ offers, provider: { sort: "price", preferred_min_throughput: 80, preferred_max_latency: 1 }, now: 60_000 });
    feed(input.health, "cheap-slow", MODEL, { latencyMs: 2500, throughputTps: 30 });
    feed(input.health, "dear-fast", MODEL, { latencyMs: 400, throughputTps: 120 });
    const result = route(input);
    expect(providers(result)).toEqual(["dear-fast", "cheap-slow"]);
    expect(result.diagnostics.rankedProviders[1]?.scoreFactors.preferenceMultiplier).toBeCloseTo(0.01, 12);
  });

  it("leaves the ranking alone when everybody meets the preference", () => {
    const input = makeInput({ offers, provider: { sort: "price", preferred_max_latency: 5 }, now: 60_000 });
    expect(providers(route(input))).toEqual(["cheap-slow", "dear-fast"]);
  });
});

describe("circuit breaker in routing", () => {
  const offers = [makeOffer("cheap", { price: { input: 1, output: 1 } }), makeOffer("dear", { price: { input: 2, output: 2 } })];

  function withOpenBreaker(now: number, seed = "b") {
    const input = makeInput({ offers, provider: { sort: "price" }, now, random: createRandom(seed) });
    feed(input.health, "cheap", MODEL, { ok: false, count: 10, until: 10_000 });
    return input;
  }

  it("deranks a provider whose breaker is open (score × 1e-9) instead of removing it", () => {
    const result = route(withOpenBreaker(10_000));
    expect(providers(result)).toEqual(["dear", "cheap"]);
    const cheap = result.diagnostics.rankedProviders[1];
    expect(cheap).toMatchObject({ breaker: "open", scoreFactors: { breakerMultiplier: 1e-9 } });
    expect(cheap?.score).toBeLessThan(1e-8);
  });

  it("draws half-open providers as probes about halfOpenProbeShare of the time, scoring probes normally", () => {
    // Opened at 10 s for 30 s: half-open from 40 s.
    let probes = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const result = route(withOpenBreaker(40_000, `probe-${i}`));
      const cheap = result.diagnostics.rankedProviders.find((r) => r.provider === "cheap");
      expect(cheap?.breaker).toBe("half_open");
      if (cheap?.probe) {
        probes += 1;
        expect(cheap.scoreFactors.breakerMultiplier).toBe(1);
      } else {
        expect(cheap?.scoreFactors.breakerMultiplier).toBe(1e-9);
        expect(cheap?.rank).toBe(2);
      }
    }
    expect(probes / n).toBeGreaterThan(0.04);
    expect(probes / n).toBeLessThan(0.06);
  });

  it("lets the open breaker derank in the balanced shuffle too", () => {
    let cheapFirst = 0;
    for (let i = 0; i < 2000; i++) {
      const input = withOpenBreaker(10_000, `shuffle-${i}`);
      const result = route({ ...input, preferences: { ...input.preferences, sort: undefined } });
      if (providers(result)[0] === "cheap") cheapFirst += 1;
    }
    expect(cheapFirst).toBe(0);
  });
});
