import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { sampleBeta, sampleGamma } from "./beta-sampler.js";

function meanAndVariance(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe("sampleGamma", () => {
  it("has mean and variance equal to the shape (Marsaglia–Tsang, shape ≥ 1)", () => {
    const random = createRandom("gamma");
    const { mean, variance } = meanAndVariance(() => sampleGamma(8, random), 40_000);
    expect(mean).toBeCloseTo(8, 1);
    expect(variance / 8).toBeCloseTo(1, 1);
  });

  it("handles shapes below 1 with the boost", () => {
    const random = createRandom("gamma-small");
    const { mean } = meanAndVariance(() => sampleGamma(0.5, random), 40_000);
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it("rejects a non-positive shape", () => {
    expect(() => sampleGamma(0, createRandom("g"))).toThrow(RangeError);
  });
});

describe("sampleBeta", () => {
  it("matches the Beta(a, b) mean a/(a+b) and variance", () => {
    const random = createRandom("beta");
    const a = 8 + 10;
    const b = 2 + 5;
    const { mean, variance } = meanAndVariance(() => sampleBeta(a, b, random), 40_000);
    expect(mean).toBeCloseTo(a / (a + b), 2);
    const expected = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(variance / expected).toBeCloseTo(1, 1);
  });

  it("stays inside [0, 1] and gives the degenerate limits for zero parameters", () => {
    const random = createRandom("beta-range");
    for (let i = 0; i < 1000; i++) {
      const x = sampleBeta(0.3, 0.3, random);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(sampleBeta(0, 3, random)).toBe(0);
    expect(sampleBeta(3, 0, random)).toBe(1);
  });

  it("replays the same draws from the same seed", () => {
    const draws = (): number[] => {
      const random = createRandom("beta-replay", "G-1");
      return Array.from({ length: 5 }, () => sampleBeta(9, 3, random));
    };
    expect(draws()).toEqual(draws());
  });
});
