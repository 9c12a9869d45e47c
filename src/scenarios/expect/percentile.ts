// Exact percentiles by the nearest-rank method: always an observed value, so reports stay stable.

/**
 * The `p`-th percentile (0–100) of `values`, or undefined when there are none.
 *
 * @example
 * percentile([5, 1, 3], 50); // 3
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** The arithmetic mean, or undefined for none. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
