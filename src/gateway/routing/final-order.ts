// The final attempt order (routing.ts:1395-1441): non-positive scores leave; `order`'s providers come
// first in list order; the rest are sorted by score (a suffix, any request-level sort, or balanced
// mode) or drawn by the weighted shuffle (a mode from a preset).
import { placedBy, type ScoredCandidate } from "./candidate.js";
import { weightedOrder } from "./weighted-permutation.js";

export type Ranking = "sort" | "shuffle";

/**
 * Orders the scored candidates. The sort is stable and has no tie-break: equal scores keep pool order.
 *
 * @example
 * finalOrder(scored, ["anthropic-us"], "shuffle", random.next);
 */
export function finalOrder(scored: readonly ScoredCandidate[], order: readonly string[] | undefined, ranking: Ranking, next: () => number): ScoredCandidate[] {
  const routable = scored.filter(isRoutable);
  // Without `order` (most requests) every routable candidate is ranked: no lookup set to build.
  if (order === undefined || order.length === 0) return rankRest(routable, ranking, next);
  const first = order.flatMap((name) => routable.filter((c) => c.offer.provider === name)).map((c) => placedBy(c, "order"));
  const firstSet = new Set(first.map((c) => c.offer.provider));
  const rest = rankRest(
    routable.filter((c) => !firstSet.has(c.offer.provider)),
    ranking,
    next,
  );
  return [...first, ...rest];
}

function isRoutable(candidate: ScoredCandidate): boolean {
  return candidate.score > 0;
}

/** Sorts (stable, by score descending) or shuffles `remaining`, a fresh array this module owns. */
function rankRest(remaining: ScoredCandidate[], ranking: Ranking, next: () => number): ScoredCandidate[] {
  if (ranking === "sort") return remaining.sort(byScoreDescending).map(placedBySort);
  return weightedOrder(remaining, remaining.map(scoreOf), next).map(placedByShuffle);
}

function byScoreDescending(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score;
}

function scoreOf(candidate: ScoredCandidate): number {
  return candidate.score;
}

function placedBySort(candidate: ScoredCandidate): ScoredCandidate {
  return placedBy(candidate, "sort");
}

function placedByShuffle(candidate: ScoredCandidate): ScoredCandidate {
  return placedBy(candidate, "shuffle");
}

/**
 * The pool with `order`'s providers moved to the front before scoring (routing.ts:1210-1218), which
 * is also the order the random draws follow.
 *
 * @example
 * orderFirst(pool, ["anthropic-us"]);
 */
export function orderFirst<T extends { provider: string }>(pool: readonly T[], order: readonly string[] | undefined): T[] {
  if (!order || order.length === 0) return [...pool];
  const ordered = order.flatMap((name) => pool.filter((o) => o.provider === name));
  const seen = new Set(ordered);
  return [...ordered, ...pool.filter((o) => !seen.has(o))];
}
