import { describe, expect, it } from "vitest";
import { ewmaUpdate, ewmaWeight } from "./ewma.js";

describe("ewma", () => {
  it("weights a sample by 1 − e^(−Δt/τ)", () => {
    expect(ewmaWeight(60_000, 60)).toBeCloseTo(0.6321205588, 9);
    expect(ewmaWeight(10_000, 60)).toBeCloseTo(0.1535182751, 9);
    expect(ewmaWeight(0, 60)).toBe(0);
  });

  it("gives an out-of-order sample no weight instead of a negative one", () => {
    expect(ewmaWeight(-5_000, 10)).toBe(0);
    expect(ewmaUpdate(100, 900, -5_000, 10)).toBe(100);
  });

  it("lets the first sample set the value", () => {
    expect(ewmaUpdate(undefined, 742, 0, 300)).toBe(742);
  });

  it("moves towards the sample by the weight", () => {
    expect(ewmaUpdate(1000, 2000, 10_000, 10)).toBeCloseTo(1632.1205588, 6);
    expect(ewmaUpdate(1000, 2000, 10_000, 300)).toBeCloseTo(1032.7838995, 6);
  });
});
