// Time-based exponentially weighted averages (§4): a sample arriving Δt after the previous one
// weighs 1 − e^(−Δt/τ), so the average forgets at the same rate however bursty the traffic is.

/**
 * The weight of a sample that arrives `dtMs` after the previous one, for time constant `tauSeconds`.
 *
 * @example
 * ewmaWeight(60_000, 60); // 1 − e^(−1) ≈ 0.632
 */
export function ewmaWeight(dtMs: number, tauSeconds: number): number {
  // Clamped: an out-of-order sample (negative Δt) carries no weight rather than a negative one.
  return 1 - Math.exp(-Math.max(0, dtMs) / (tauSeconds * 1000));
}

/**
 * The average after one more sample; the first sample (no previous value) sets it.
 *
 * @example
 * ewmaUpdate(undefined, 500, 0, 60); // 500
 * ewmaUpdate(500, 1000, 60_000, 60); // 500 + 0.632 × 500 ≈ 816
 */
export function ewmaUpdate(previous: number | undefined, sample: number, dtMs: number, tauSeconds: number): number {
  if (previous === undefined) return sample;
  return previous + ewmaWeight(dtMs, tauSeconds) * (sample - previous);
}
