import { describe, expect, it } from "vitest";
import type { ScoredCandidate } from "./candidate.js";
import { finalOrder, orderFirst, sortByScoreDescending } from "./final-order.js";
import { makeOffer } from "./route-fixtures.js";
import { scoreFactorsFixture } from "./routing-diagnostics.fixture.js";

function scored(provider: string, score: number): ScoredCandidate {
  return { offer: makeOffer(provider), health: {} as ScoredCandidate["health"], score, scoreFactors: scoreFactorsFixture(), placedBy: "sort", recentOutage: false };
}

describe("final ordering (routing.ts:1395-1441)", () => {
  it("sorts by score with no tie-break: equal scores keep pool order", () => {
    const out = finalOrder([scored("b", 0.5), scored("a", 0.5), scored("c", 0.9)], undefined, "sort", () => 0);
    expect(out.map((c) => c.offer.provider)).toEqual(["c", "b", "a"]);
  });

  it("drops non-positive scores and puts `order` first in list order", () => {
    const out = finalOrder([scored("a", 0.9), scored("b", 0.1), scored("c", 0), scored("d", 0.5)], ["b", "c"], "sort", () => 0);
    expect(out.map((c) => [c.offer.provider, c.placedBy])).toEqual([
      ["b", "order"],
      ["a", "sort"],
      ["d", "sort"],
    ]);
  });

  it("shuffles the rest when the mode comes from a preset", () => {
    const out = finalOrder([scored("a", 0.9), scored("b", 0.1)], undefined, "shuffle", () => 0.95);
    expect(out.map((c) => [c.offer.provider, c.placedBy])).toEqual([
      ["b", "shuffle"],
      ["a", "shuffle"],
    ]);
  });

  it("sorts in place as the builtin stable sort by score descending does, ties and all", () => {
    // A fixed pseudo-random walk over small pools with many ties (scores drawn from five values).
    let seed = 7;
    const draw = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial++) {
      const pool = Array.from({ length: 1 + Math.floor(draw() * 8) }, (_, i) => scored(`p${i}`, [0.1, 0.25, 0.5, 0.9, Number.POSITIVE_INFINITY][Math.floor(draw() * 5)] as number));
      const expected = [...pool].sort((a, b) => b.score - a.score);
      const mine = [...pool];
      sortByScoreDescending(mine);
      expect(mine.map((c) => c.offer.provider)).toEqual(expected.map((c) => c.offer.provider));
    }
  });

  it("moves ordered offers to the front before scoring", () => {
    expect(orderFirst([{ provider: "a" }, { provider: "b" }, { provider: "c" }], ["c", "x"]).map((o) => o.provider)).toEqual(["c", "a", "b"]);
  });
});
