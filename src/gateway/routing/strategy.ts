// What every ranking strategy receives, and the one tie-break they share.
import type { Random } from "../../core/random.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { GatewaySettings } from "../settings.js";
import type { Candidate, HealthFigures, ScoredCandidate } from "./candidate.js";
import type { Multipliers } from "./multipliers.js";
import type { StandardFactors } from "./score-factors.js";

/** Candidates in pool order, with their health figures, factors and multipliers at the same index. */
export interface StrategyInput {
  candidates: readonly Candidate[];
  figures: readonly HealthFigures[];
  standard: readonly StandardFactors[];
  multipliers: readonly Multipliers[];
  preferences: ProviderPreferences;
  settings: GatewaySettings;
  random: Random;
}

/**
 * Descending score, then provider id, so equal scores always come out in the same order.
 *
 * @example
 * scored.sort(byScoreThenProvider);
 */
export function byScoreThenProvider(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.offer.provider < b.offer.provider ? -1 : a.offer.provider > b.offer.provider ? 1 : 0;
}

/**
 * The factor arrays at index `i`; the caller guarantees they line up with the candidates.
 *
 * @example
 * const { figures, standard, multipliers } = factorsAt(input, 0);
 */
export function factorsAt(input: StrategyInput, i: number): { figures: HealthFigures; standard: StandardFactors; multipliers: Multipliers } {
  const figures = input.figures[i];
  const standard = input.standard[i];
  const multipliers = input.multipliers[i];
  if (!figures || !standard || !multipliers) throw new RangeError(`no factors for candidate ${i}`);
  return { figures, standard, multipliers };
}
