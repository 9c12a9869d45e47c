import { describe, expect, it } from "vitest";
import { mean, percentile } from "./percentile.js";

describe("percentile (nearest rank)", () => {
  it("returns an observed value", () => {
    const values = [10, 50, 20, 40, 30];
    expect(percentile(values, 50)).toBe(30);
    expect(percentile(values, 95)).toBe(50);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(50);
  });

  it("is undefined for no values", () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(mean([])).toBeUndefined();
    expect(mean([1, 2, 6])).toBe(3);
  });
});
