// The default ranking without `sort` (§3): a weighted random permutation in proportion to
// price (1/price²) × reliability × (base + token affinity) × provider weight × multipliers.
import { scoredCandidate, type ScoredCandidate } from "./candidate.js";
import { offerFactors } from "./offer-factors.js";
import { scoreFactorsOf } from "./score-factors.js";
import { factorsAt, type StrategyInput } from "./strategy.js";
import { weightedPermutation } from "./weighted-permutation.js";

/**
 * Scores every candidate and shuffles them by score with the request's seeded stream.
 * Reliability = max(reliabilityFloor, 1 − error rate over the routing window).
 *
 * @example
 * const ranked = rankByBalancedShuffle(input);
 */
export function rankByBalancedShuffle(input: StrategyInput): ScoredCandidate[] {
  const { settings } = input;
  const offer = offerFactors(input.candidates, input.preferences, settings);
  const scored = input.candidates.map((candidate, i): ScoredCandidate => {
    const { figures, standard, multipliers: m } = factorsAt(input, i);
    const o = offer[i];
    if (!o) throw new RangeError(`no offer factors for candidate ${i}`);
    const reliability = Math.max(settings.routing.reliabilityFloor, 1 - figures.errorRate);
    const score = o.inversePriceSquared * reliability * o.affinityFactor * o.weight * m.preferenceMultiplier * m.breakerMultiplier;
    return scoredCandidate(candidate, {
      score,
      scoreFactors: scoreFactorsOf(standard, o, { reliability, preferenceMultiplier: m.preferenceMultiplier, breakerMultiplier: m.breakerMultiplier }),
      probe: m.probe,
      placedBy: "shuffle",
    });
  });
  return weightedPermutation(scored, scored.map((s) => s.score), input.random);
}
