import { describe, expect, it } from "vitest";
import { inversePriceSquared, minMaxNormalise, priceBasis } from "./normalise.js";
import { makeOffer } from "./route-fixtures.js";

describe("minMaxNormalise", () => {
  it("maps the best value to 1 and the worst to 0", () => {
    expect(minMaxNormalise([100, 200, 300], "lower")).toEqual([1, 0.5, 0]);
    expect(minMaxNormalise([100, 200, 300], "higher")).toEqual([0, 0.5, 1]);
  });

  it("gives 1 to a single candidate and to all-equal values", () => {
    expect(minMaxNormalise([42], "lower")).toEqual([1]);
    expect(minMaxNormalise([7, 7, 7], "higher")).toEqual([1, 1, 1]);
  });
});

describe("priceBasis", () => {
  it("adds the input and output text-token prices", () => {
    expect(priceBasis(makeOffer("x", { price: { input: 0.05, output: 0.4 } }))).toBeCloseTo(0.45, 12);
  });
});

describe("inversePriceSquared", () => {
  it("normalises 1/price² to the cheapest", () => {
    const [a, b, c] = inversePriceSquared([1, 2, 4], 0.1);
    expect(a).toBe(1);
    expect(b).toBeCloseTo(0.25, 12);
    expect(c).toBeCloseTo(0.0625, 12);
  });

  it("prices a free offer at a tenth of the cheapest paid price", () => {
    // free → 0.2; 1/0.2² = 25 is the best; 2 → 1/4 = 0.25 → 0.01 of the best.
    const [free, paid] = inversePriceSquared([0, 2], 0.1);
    expect(free).toBe(1);
    expect(paid).toBeCloseTo(0.01, 12);
  });

  it("scores every offer 1 when all are free", () => {
    expect(inversePriceSquared([0, 0], 0.1)).toEqual([1, 1]);
  });
});
