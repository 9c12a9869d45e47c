import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { weightedOrder } from "./weighted-permutation.js";

describe("weightedOrder (routing.ts:161-176)", () => {
  it("draws in proportion to weight: 3:1 puts a first about three times in four", () => {
    const random = createRandom("wo");
    let aFirst = 0;
    for (let i = 0; i < 4000; i++) if (weightedOrder(["a", "b"], [3, 1], random.next)[0] === "a") aFirst++;
    expect(aFirst / 4000).toBeGreaterThan(0.72);
    expect(aFirst / 4000).toBeLessThan(0.78);
  });

  it("floors weights at 0.0001, so a zero weight still gets a place", () => {
    expect(weightedOrder(["a", "b"], [0, 0], () => 0.75)).toEqual(["b", "a"]);
    expect(weightedOrder(["a", "b", "c"], [1, 0, 1], () => 0.99).sort()).toEqual(["a", "b", "c"]);
  });

  it("consumes exactly one draw per place", () => {
    let draws = 0;
    weightedOrder(["a", "b", "c"], [1, 2, 3], () => (draws++, 0.5));
    expect(draws).toBe(3);
  });
});
