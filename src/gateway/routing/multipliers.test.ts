import { describe, expect, it } from "vitest";
import { latencyPreference, missPreference, throughputPreference, tokenAffinity } from "./multipliers.js";

describe("preference multipliers (routing.ts:471-493)", () => {
  it("latency: 1.0–1.2 inside the threshold, 0.35–1.0 outside, 1 when unset", () => {
    expect(latencyPreference(500, 1)).toBeCloseTo(1.1, 12);
    expect(latencyPreference(0, 1)).toBeCloseTo(1.2, 12);
    expect(latencyPreference(1000, 1)).toBe(1);
    expect(latencyPreference(1500, 1)).toBeCloseTo(0.75, 12);
    expect(latencyPreference(10_000, 1)).toBe(0.35);
    expect(latencyPreference(500, undefined)).toBe(1);
    expect(latencyPreference(500, 0)).toBe(1);
  });

  it("throughput: 1 + min(0.2, 0.1 × surplus) above, an unseen provider (0 tps) gets 0.5", () => {
    expect(throughputPreference(150, 100)).toBeCloseTo(1.05, 12);
    expect(throughputPreference(1000, 100)).toBeCloseTo(1.2, 12);
    expect(throughputPreference(0, 50)).toBe(0.5);
    expect(throughputPreference(75, 100)).toBeCloseTo(0.875, 12);
    expect(throughputPreference(10, undefined)).toBe(1);
  });

  it("the documented form multiplies a miss by a flat factor", () => {
    expect(missPreference(true, 0.1)).toBe(0.1);
    expect(missPreference(false, 0.1)).toBe(1);
  });
});

describe("token affinity (routing.ts:759-785)", () => {
  it("0.5 unknown, 0 below the request, 1 exact, then 1 − headroom/(4 × requested)", () => {
    expect(tokenAffinity(undefined, 4096)).toBe(0.5);
    expect(tokenAffinity(1000, undefined)).toBe(0.5);
    expect(tokenAffinity(1000, 999)).toBe(0);
    expect(tokenAffinity(1000, 1000)).toBe(1);
    expect(tokenAffinity(1000, 3000)).toBe(0.5);
    expect(tokenAffinity(1000, 16_384)).toBe(0);
  });
});
