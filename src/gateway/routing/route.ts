// Routing (§3): filters the model's offers, ranks the survivors by the request's strategy, places
// `provider.order` first, and returns the candidates with the diagnostics that explain them.
import type { RankedProvider, RoutingDiagnostics, RoutingInput, RoutingResult } from "../types.js";
import { rankByBalancedShuffle } from "./balanced-shuffle.js";
import { healthFigures, placedBy, type Candidate, type ScoredCandidate } from "./candidate.js";
import { rankByExplicitSort } from "./explicit-sort.js";
import { multipliers } from "./multipliers.js";
import { applyOrder } from "./order.js";
import { runFilters } from "./run-filters.js";
import { standardFactors } from "./score-factors.js";
import type { StrategyInput } from "./strategy.js";
import { rankByThompson } from "./thompson.js";

/**
 * Routes one request. Expected failures (empty pool, preset filter) are a result, not a throw.
 * Random draws, all from `input.random` in a fixed order: half-open probe draws, then the
 * strategy's draws (sort jitter, Thompson draws, or the shuffle).
 *
 * @example
 * const result = route({ model, offers: catalog.models[model] ?? [], preferences, requirements, health, now, random, settings });
 * if (result.ok) for (const offer of result.candidates) await tryProvider(offer);
 */
export function route(input: RoutingInput): RoutingResult {
  const strategy = strategyOf(input);
  const filtered = runFilters(input);
  if (!filtered.ok) return { ok: false, error: filtered.error, diagnostics: diagnosticsOf(input, strategy, filtered.stages, [], [], [...filtered.warnings]) };

  // Health is read once per candidate and its figures computed once; every factor reads these.
  const candidates: Candidate[] = filtered.pool.map((offer) => ({ offer, health: input.health.get(offer.provider, input.model, input.now) }));
  const figures = candidates.map((c) => healthFigures(c.health, input.settings));
  const strategyInput: StrategyInput = {
    candidates,
    figures,
    standard: standardFactors(candidates, input.settings, figures),
    multipliers: multipliers(candidates, figures, input.preferences, input.settings, input.random),
    preferences: input.preferences,
    settings: input.settings,
    random: input.random,
  };
  const ranked = rank(strategyInput, input);
  const ordered = applyOrder(strategy === "pinned" ? ranked.map((c) => placedBy(c, "pinned")) : ranked, input.preferences.order);
  const warnings = [...filtered.warnings];
  if (ordered.notCandidates.length > 0) {
    warnings.push(`provider.order lists ${ordered.notCandidates.join(", ")}, which ${ordered.notCandidates.length === 1 ? "is" : "are"} not a candidate for ${input.model} (not offered, or removed by a filter); order never adds a provider.`);
  }
  return {
    ok: true,
    candidates: ordered.ranked.map((c) => c.offer),
    diagnostics: diagnosticsOf(
      input,
      strategy,
      filtered.stages,
      filtered.pool.map((o) => o.provider),
      ordered.ranked.map(toRankedProvider),
      warnings,
    ),
  };
}

/** The diagnostics of one routing, every field written out in the order the diagnostics print. */
function diagnosticsOf(
  input: RoutingInput,
  strategy: RoutingDiagnostics["strategy"],
  filterStages: RoutingDiagnostics["filterStages"],
  consideredProviders: string[],
  rankedProviders: RankedProvider[],
  warnings: string[],
): RoutingDiagnostics {
  return {
    model: input.model,
    strategy,
    sort: input.preferences.sort,
    filterStages,
    consideredProviders,
    rankedProviders,
    warnings,
    finalCandidateCount: rankedProviders.length,
  };
}

function strategyOf(input: RoutingInput): RoutingDiagnostics["strategy"] {
  if (input.pinnedProvider !== undefined) return "pinned";
  if (input.preferences.sort !== undefined) return "explicit_sort";
  return input.settings.routing.strategy === "thompson" ? "thompson" : "balanced_shuffle";
}

function rank(strategyInput: StrategyInput, input: RoutingInput): ScoredCandidate[] {
  // A pinned request has one candidate; it is still scored so its factors show in the diagnostics.
  if (input.preferences.sort !== undefined) return rankByExplicitSort(strategyInput, input.preferences.sort);
  if (input.settings.routing.strategy === "thompson") return rankByThompson(strategyInput);
  return rankByBalancedShuffle(strategyInput);
}

function toRankedProvider(candidate: ScoredCandidate, index: number): RankedProvider {
  const ranked: RankedProvider = {
    provider: candidate.offer.provider,
    rank: index + 1,
    score: candidate.score,
    scoreFactors: candidate.scoreFactors,
    breaker: candidate.health.breaker.state,
    placedBy: candidate.placedBy,
  };
  if (candidate.probe) ranked.probe = true;
  return ranked;
}
