// The weighted shuffle (routing.ts:161-176): successive draws without replacement in proportion to
// weight, each weight floored at 0.0001, one uniform draw per place.

/**
 * Orders `items` by weighted draws. The walk subtracts each weight from the target and stops at the
 * first item that takes it to ≤ 0.
 *
 * @example
 * weightedOrder(["a", "b"], [3, 1], random.next); // ["a", "b"] three times in four
 */
export function weightedOrder<T>(items: readonly T[], weights: readonly number[], next: () => number): T[] {
  const bag = items.map((item, i) => ({ item, weight: Math.max(0.0001, weights[i] ?? 0) }));
  const out: T[] = [];
  while (bag.length > 0) {
    const total = bag.reduce((sum, b) => sum + b.weight, 0);
    let r = next() * total;
    let index = 0;
    for (; index < bag.length; index++) {
      r -= (bag[index] as { weight: number }).weight;
      if (r <= 0) break;
    }
    // Rounding can walk past the end; the reference would read undefined there, gateway-sim takes the last.
    const [picked] = bag.splice(Math.min(index, bag.length - 1), 1);
    if (picked) out.push(picked.item);
  }
  return out;
}
