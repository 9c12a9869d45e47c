// Explicit `provider.sort` (§3): a deterministic weighted sum of the standard factors with the
// mode's weight table, a small seeded jitter, the multipliers, then descending order.
import type { SortMode } from "../request/provider-preferences.js";
import { scoredCandidate, type ScoredCandidate } from "./candidate.js";
import { scoreFactorsOf } from "./score-factors.js";
import { byScoreThenProvider, factorsAt, type StrategyInput } from "./strategy.js";

/**
 * Ranks by the `sortWeights[mode]` weighted sum. The jitter is one draw in [0, sortJitter) per
 * candidate, in pool order.
 *
 * @example
 * const ranked = rankByExplicitSort(input, "latency");
 */
export function rankByExplicitSort(input: StrategyInput, mode: SortMode): ScoredCandidate[] {
  const w = input.settings.routing.sortWeights[mode];
  const scored = input.candidates.map((candidate, i): ScoredCandidate => {
    const { standard: f, multipliers: m } = factorsAt(input, i);
    const weightedSum =
      w.success * f.successRate +
      w.p50Latency * f.latencyScore +
      w.tailLatency * f.tailLatencyScore +
      w.throughput * f.throughputScore +
      w.load * f.loadScore +
      w.price * f.priceScore;
    const jitter = input.random.next() * input.settings.routing.sortJitter;
    const score = (weightedSum + jitter) * m.preferenceMultiplier * m.breakerMultiplier;
    return scoredCandidate(candidate, {
      score,
      scoreFactors: scoreFactorsOf(f, { weightedSum, jitter, preferenceMultiplier: m.preferenceMultiplier, breakerMultiplier: m.breakerMultiplier }),
      probe: m.probe,
      placedBy: "sort",
    });
  });
  return scored.sort(byScoreThenProvider);
}
