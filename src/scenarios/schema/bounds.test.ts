import { describe, expect, it } from "vitest";
import { boundSchema, describeBound, durationBoundSchema, rateBoundSchema, withinBound } from "./bounds.js";

describe("bounds", () => {
  it("checks min, max and equals with tolerance", () => {
    expect(withinBound({ min: 1, max: 2 }, 1.5)).toBe(true);
    expect(withinBound({ min: 1, max: 2 }, 2.5)).toBe(false);
    expect(withinBound({ equals: 0.5, tolerance: 0.1 }, 0.58)).toBe(true);
    expect(withinBound({ equals: 0.5, tolerance: 0.1 }, 0.61)).toBe(false);
    expect(withinBound({ equals: 0.3 }, 0.1 + 0.2)).toBe(true);
  });

  it("describes a bound the way a reader says it", () => {
    expect(describeBound({ min: 0.4, max: 0.6 }, String)).toBe(">= 0.4 and <= 0.6");
    expect(describeBound({ equals: 5, tolerance: 1 }, String)).toBe("5 ± 1");
  });

  it("rejects empty bounds, rates outside [0, 1] and bad durations", () => {
    expect(boundSchema.safeParse({}).success).toBe(false);
    expect(rateBoundSchema.safeParse({ max: 1.5 }).success).toBe(false);
    expect(durationBoundSchema.parse({ max: "1.5s" })).toEqual({ max: 1500 });
    expect(durationBoundSchema.safeParse({ max: "fast" }).success).toBe(false);
  });
});
