// Builders of routing diagnostics for tests of the readers (reports, serve, replay, expectations):
// neutral score factors with the reference's fifteen keys, ranked entries and a whole diagnostics.
import type { RankedProvider, RoutingDiagnostics, ScoreFactors } from "../types.js";

/**
 * All fifteen factors at neutral values, with overrides.
 *
 * @example
 * scoreFactorsFixture({ priceScore: 0.5 });
 */
export function scoreFactorsFixture(overrides: Partial<ScoreFactors> = {}): ScoreFactors {
  return {
    successRate: 1,
    latencyScore: 1,
    tailLatencyScore: 1,
    throughputScore: 1,
    priceScore: 1,
    reliabilitySample: 0.8,
    reliabilityObservations: 0,
    tokenAffinity: 0.5,
    loadPenalty: 0,
    baseWeight: 1,
    rolloutMultiplier: 1,
    routingMultiplier: 1,
    cacheBoostMultiplier: 1,
    latencyPreferenceMultiplier: 1,
    throughputPreferenceMultiplier: 1,
    ...overrides,
  };
}

/**
 * A ranked entry, closed breaker, placed by sort.
 *
 * @example
 * rankedProviderFixture("openai", 1, { breaker: "open" });
 */
export function rankedProviderFixture(provider: string, rank: number, overrides: Partial<RankedProvider> = {}): RankedProvider {
  return { provider, rank, score: 1, scoreFactors: scoreFactorsFixture(), breaker: "closed", breakerUntilMs: 0, placedBy: "sort", ...overrides };
}

/**
 * A routing diagnostics of an explicit price sort over `ranked`.
 *
 * @example
 * routingDiagnosticsFixture([rankedProviderFixture("openai", 1)]);
 */
export function routingDiagnosticsFixture(ranked: RankedProvider[], overrides: Partial<RoutingDiagnostics> = {}): RoutingDiagnostics {
  return {
    model: "openai/gpt-5.4-nano",
    strategy: "explicit_sort",
    routingMode: "price",
    priority: "default",
    sort: "price",
    filterStages: [],
    consideredProviders: ranked.map((r) => r.provider),
    rankedProviders: ranked,
    warnings: [],
    finalCandidateCount: ranked.length,
    ...overrides,
  };
}
