import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { weightedPermutation } from "./weighted-permutation.js";

describe("weightedPermutation", () => {
  it("returns every item exactly once", () => {
    const random = createRandom("perm");
    for (let i = 0; i < 200; i++) {
      expect(weightedPermutation(["a", "b", "c", "d"], [1, 0, 3, 1e-9], random).sort()).toEqual(["a", "b", "c", "d"]);
    }
  });

  it("draws first place in proportion to weight, and second place among the rest", () => {
    const random = createRandom("perm-frequency");
    const first: Record<string, number> = { a: 0, b: 0, c: 0 };
    let bSecondAfterA = 0;
    let aFirst = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const order = weightedPermutation(["a", "b", "c"], [5, 3, 2], random);
      const [head, second] = order;
      if (head) first[head] = (first[head] ?? 0) + 1;
      if (head === "a") {
        aFirst += 1;
        if (second === "b") bSecondAfterA += 1;
      }
    }
    expect((first.a ?? 0) / n).toBeCloseTo(0.5, 1);
    expect((first.b ?? 0) / n).toBeCloseTo(0.3, 1);
    expect((first.c ?? 0) / n).toBeCloseTo(0.2, 1);
    // Without replacement: after a, b comes next with 3 / (3 + 2).
    expect(bSecondAfterA / aFirst).toBeCloseTo(0.6, 1);
  });

  it("puts zero-weight items after every weighted one, and draws uniformly when all are zero", () => {
    const random = createRandom("perm-zero");
    for (let i = 0; i < 100; i++) expect(weightedPermutation(["z", "w"], [0, 1], random)).toEqual(["w", "z"]);
    const firsts = new Set<string>();
    for (let i = 0; i < 100; i++) firsts.add(weightedPermutation(["x", "y"], [0, 0], random)[0] ?? "");
    expect(firsts).toEqual(new Set(["x", "y"]));
  });

  it("is reproducible from the seed", () => {
    const a = Array.from({ length: 20 }, (_, i) => weightedPermutation([1, 2, 3, 4], [1, 2, 3, 4], createRandom("s", String(i))));
    const b = Array.from({ length: 20 }, (_, i) => weightedPermutation([1, 2, 3, 4], [1, 2, 3, 4], createRandom("s", String(i))));
    expect(a).toEqual(b);
  });
});
