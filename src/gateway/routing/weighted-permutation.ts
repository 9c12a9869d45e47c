// A weighted random permutation: successive weighted draws without replacement, so the chance of
// coming first is proportional to weight, and so on for the remaining places.
import type { Random } from "../../core/random.js";

/**
 * Orders `items` by successive draws, each in proportion to the remaining weights. When every
 * remaining weight is 0 the next item is drawn uniformly.
 *
 * @example
 * weightedPermutation(["a", "b"], [3, 1], random); // ["a", "b"] three times in four
 */
export function weightedPermutation<T>(items: readonly T[], weights: readonly number[], random: Random): T[] {
  const remaining = items.map((item, i) => ({ item, weight: Math.max(0, weights[i] ?? 0) }));
  const out: T[] = [];
  while (remaining.length > 0) {
    const total = remaining.reduce((sum, r) => sum + r.weight, 0);
    let index: number;
    if (total > 0) {
      const target = random.next() * total;
      let cumulative = 0;
      index = remaining.findIndex((r) => (cumulative += r.weight) > target && r.weight > 0);
      // Rounding can leave the target at the very top of the range: take the last weighted item.
      if (index < 0) index = remaining.map((r) => r.weight > 0).lastIndexOf(true);
    } else {
      index = random.int(0, remaining.length);
    }
    const [picked] = remaining.splice(index, 1);
    if (picked) out.push(picked.item);
  }
  return out;
}
