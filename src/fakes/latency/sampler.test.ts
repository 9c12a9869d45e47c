import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import type { Distribution } from "../profile/distribution-schema.js";
import { createSampler } from "./sampler.js";

const spec = (distribution: Distribution, min?: number, cap?: number) => ({ distribution, min, cap });
const draws = (distribution: Distribution, n: number, seed = "s", min?: number, cap?: number) => {
  const sampler = createSampler(spec(distribution, min, cap), createRandom(seed, "test"));
  return Array.from({ length: n }, () => sampler.sample());
};
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * values.length)] as number;

describe("createSampler", () => {
  it("returns a fixed value without drawing", () => {
    expect(draws({ kind: "fixed", value: 250 }, 3)).toEqual([250, 250, 250]);
  });

  it("keeps uniform draws inside their bounds", () => {
    const values = draws({ kind: "uniform", min: 100, max: 200 }, 2000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...values)).toBeLessThan(200);
    expect(quantile(values, 0.5)).toBeCloseTo(150, -1);
  });

  it("centres normal draws on the mean with the given spread", () => {
    const values = draws({ kind: "normal", mean: 50, sd: 5 }, 20_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(50, 0);
    expect(sd).toBeGreaterThan(4.8);
    expect(sd).toBeLessThan(5.2);
  });

  it("puts lognormal median and p99 where they were given", () => {
    const values = draws({ kind: "lognormal", median: 800, p99: 3000 }, 50_000);
    expect(quantile(values, 0.5) / 800).toBeGreaterThan(0.98);
    expect(quantile(values, 0.5) / 800).toBeLessThan(1.02);
    expect(quantile(values, 0.99) / 3000).toBeGreaterThan(0.95);
    expect(quantile(values, 0.99) / 3000).toBeLessThan(1.05);
  });

  it("draws empirical values only from the samples", () => {
    const values = draws({ kind: "empirical", samples: [10, 20, 30] }, 300);
    expect(new Set(values)).toEqual(new Set([10, 20, 30]));
  });

  it("replays a trace in order and loops", () => {
    expect(draws({ kind: "trace", values: [5, 7, 9] }, 7)).toEqual([5, 7, 9, 5, 7, 9, 5]);
  });

  it("clamps to min and cap", () => {
    const values = draws({ kind: "normal", mean: 100, sd: 100 }, 2000, "s", 20, 150);
    expect(Math.min(...values)).toBe(20);
    expect(Math.max(...values)).toBe(150);
  });

  it("never returns a negative value", () => {
    expect(Math.min(...draws({ kind: "normal", mean: 0, sd: 10 }, 500))).toBe(0);
  });

  it("is reproducible per seed and differs across seeds", () => {
    const d: Distribution = { kind: "lognormal", median: 100, p99: 900 };
    expect(draws(d, 20, "a")).toEqual(draws(d, 20, "a"));
    expect(draws(d, 20, "a")).not.toEqual(draws(d, 20, "b"));
  });
});
