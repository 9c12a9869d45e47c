// The July 2026 "routing v2" (§3), offered as `routing.strategy: thompson`: reliability is replaced
// by a Thompson draw from Beta(prior successes + successes, prior failures + failures) over the
// provider's most recent outcomes, and candidates are sorted instead of shuffled.
import { scoredCandidate, type ScoredCandidate } from "./candidate.js";
import { sampleBeta } from "./beta-sampler.js";
import { offerFactors } from "./offer-factors.js";
import { scoreFactorsOf } from "./score-factors.js";
import { byScoreThenProvider, factorsAt, type StrategyInput } from "./strategy.js";

/**
 * One Beta draw per candidate, in pool order, times the price, affinity, weight and multipliers.
 *
 * @example
 * const ranked = rankByThompson(input);
 */
export function rankByThompson(input: StrategyInput): ScoredCandidate[] {
  const { priorSuccesses, priorFailures, maxObservations } = input.settings.routing.thompson;
  const offer = offerFactors(input.candidates, input.preferences, input.settings);
  const scored = input.candidates.map((candidate, i): ScoredCandidate => {
    const { standard, multipliers: m } = factorsAt(input, i);
    const o = offer[i];
    if (!o) throw new RangeError(`no offer factors for candidate ${i}`);
    const outcomes = candidate.health.recentOutcomes.slice(-maxObservations);
    const successes = outcomes.filter(Boolean).length;
    const failures = outcomes.length - successes;
    const thompsonDraw = sampleBeta(priorSuccesses + successes, priorFailures + failures, input.random);
    const score = thompsonDraw * o.inversePriceSquared * o.affinityFactor * o.weight * m.preferenceMultiplier * m.breakerMultiplier;
    return scoredCandidate(candidate, {
      score,
      scoreFactors: scoreFactorsOf(standard, o, {
        thompsonDraw,
        thompsonSuccesses: successes,
        thompsonFailures: failures,
        preferenceMultiplier: m.preferenceMultiplier,
        breakerMultiplier: m.breakerMultiplier,
      }),
      probe: m.probe,
      placedBy: "thompson",
    });
  });
  return scored.sort(byScoreThenProvider);
}
