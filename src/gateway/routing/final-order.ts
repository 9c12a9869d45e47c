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
  // A copy sized once when every candidate is routable (the usual case); `filter` grows its result as it goes.
  const routable = scored.every(isRoutable) ? scored.slice() : scored.filter(isRoutable);
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
  if (ranking === "sort") {
    sortByScoreDescending(remaining);
    // In place: `remaining` is this module's own array (placedBy returns a candidate already placed by sort as is).
    for (let i = 0; i < remaining.length; i++) remaining[i] = placedBy(remaining[i] as ScoredCandidate, "sort");
    return remaining;
  }
  return weightedOrder(remaining, remaining.map(scoreOf), next).map(placedByShuffle);
}

/**
 * Sorts in place, stable, by score descending: what `items.sort((a, b) => b.score - a.score)` gives
 * (equal scores keep pool order), without the work arrays the builtin sort allocates per call (~0.9 KB
 * for a two-candidate pool). Insertion sort: a pool holds a handful of candidates.
 *
 * @example
 * sortByScoreDescending(candidates); // candidates[0] has the highest score
 */
export function sortByScoreDescending(items: ScoredCandidate[]): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as ScoredCandidate;
    let j = i - 1;
    // The builtin's comparator, compare(item, earlier) < 0: an item passes an earlier one only when strictly higher.
    while (j >= 0 && (items[j] as ScoredCandidate).score - item.score < 0) {
      items[j + 1] = items[j] as ScoredCandidate;
      j--;
    }
    items[j + 1] = item;
  }
}

function scoreOf(candidate: ScoredCandidate): number {
  return candidate.score;
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
