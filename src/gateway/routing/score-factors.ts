// The six standard score factors (§3, explicit sort), computed the same way whatever the strategy so
// the diagnostics always mean the same thing. Each is in [0, 1], 1 being best.
import type { GatewaySettings } from "../settings.js";
import type { ScoreFactors } from "../types.js";
import { healthFigures, type Candidate, type HealthFigures } from "./candidate.js";
import { minMaxNormalise, priceBasis } from "./normalise.js";

/** The standard factors only (strategies add their own keys). */
export type StandardFactors = Pick<ScoreFactors, "successRate" | "latencyScore" | "tailLatencyScore" | "throughputScore" | "priceScore" | "loadScore">;

/**
 * Factors for every candidate, normalised over the candidate set:
 * - successRate = 1 − error rate over the routing window;
 * - latencyScore = ½ · 1/(1 + latency/latencyReferenceMs) + ½ · min-max (lower latency better);
 * - tailLatencyScore = min-max of max(latency 300 s, 1.6 × latency 60 s), lower better;
 * - throughputScore = min-max, higher better;
 * - priceScore = min-max of input + output price, lower better;
 * - loadScore = 1/(1 + in-flight attempts): 1 when idle, ½ with one attempt in flight.
 *
 * `figures` are the candidates' health figures at the same index (route reads them once per candidate).
 *
 * @example
 * const factors = standardFactors(candidates, settings);
 */
export function standardFactors(
  candidates: readonly Candidate[],
  settings: GatewaySettings,
  figures: readonly HealthFigures[] = candidates.map((c) => healthFigures(c.health, settings)),
): StandardFactors[] {
  const latency = minMaxNormalise(figures.map((f) => f.latencyMs), "lower");
  const tail = minMaxNormalise(figures.map((f) => f.tailLatencyMs), "lower");
  const throughput = minMaxNormalise(figures.map((f) => f.throughputTps), "higher");
  const price = minMaxNormalise(candidates.map((c) => priceBasis(c.offer)), "lower");
  const reference = settings.routing.latencyReferenceMs;
  return candidates.map((c, i) => {
    const f = figures[i] as HealthFigures;
    return {
      successRate: 1 - f.errorRate,
      latencyScore: 0.5 / (1 + f.latencyMs / reference) + 0.5 * (latency[i] ?? 1),
      tailLatencyScore: tail[i] ?? 1,
      throughputScore: throughput[i] ?? 1,
      priceScore: price[i] ?? 1,
      loadScore: 1 / (1 + Math.max(0, c.health.inFlight)),
    };
  });
}

/**
 * A strategy's score factors: the six standard ones first, then each of `own` in turn (the order the
 * diagnostics print). Assigned onto a fresh literal rather than written `{ ...standard, ...own }`: on
 * Node 20 a spread followed by more keys takes a slow path that was the largest cost in routing.
 *
 * @example
 * scoreFactorsOf(standard, { jitter: 0.01, preferenceMultiplier: 1, breakerMultiplier: 1 });
 */
export function scoreFactorsOf(standard: StandardFactors, ...own: readonly Readonly<Record<string, number>>[]): ScoreFactors {
  const factors: ScoreFactors = {
    successRate: standard.successRate,
    latencyScore: standard.latencyScore,
    tailLatencyScore: standard.tailLatencyScore,
    throughputScore: standard.throughputScore,
    priceScore: standard.priceScore,
    loadScore: standard.loadScore,
  };
  return Object.assign(factors, ...own);
}
