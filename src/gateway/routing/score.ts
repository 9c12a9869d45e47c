// Scores every candidate in pool order (routing.ts:1259-1380): the explicit modes' weighted sum with
// token affinity and a one-sided jitter, or balanced mode's price × reliability × affinity, times the
// multipliers. Random draws, in candidate order: the reliability draw, then (explicit modes) the jitter.
import { byFidelity } from "../fidelity.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { GatewaySettings } from "../settings.js";
import type { Offer } from "../catalog/schema.js";
import type { ProviderHealth, ScoreFactors } from "../types.js";
import { sampleBeta } from "./beta-sampler.js";
import { isRecentOutage, type Candidate, type ScoredCandidate } from "./candidate.js";
import { latencyPreference, missPreference, throughputPreference, tokenAffinity } from "./multipliers.js";
import { inverseSquarePriceWeights, normalise, priceBasis, priceScores } from "./normalise.js";
import { PROFILES, type ResolvedMode } from "./routing-mode.js";

/** Each rule's two sides, built once (a literal per call would be an object per request). */
const BALANCED_SIDES = { reference: "thompson_sort", documented: "reliability_shuffle" } as const;
const PREFERENCE_SIDES = { reference: "graded", documented: "miss_multiplier" } as const;

/** Everything scoring reads besides the candidates. */
export interface ScoringContext {
  mode: ResolvedMode;
  preferences: Partial<Pick<ProviderPreferences, "preferredMaxLatencySeconds" | "preferredMinThroughputTps" | "weights">>;
  requestedMaxTokens: number | undefined;
  settings: GatewaySettings;
  now: number;
  /** The request's routing stream. */
  next: () => number;
}

/**
 * The reliability draw (routing.ts:244-260): Beta(8 + s·n, 2 + (1−s)·n) with n = clamp(rate_60s × 60, 0, 60)
 * and s = clamp(1 − err_ewma_60s, 0, 1).
 *
 * @example
 * reliabilityDraw(health, settings, random.next); // { sample: 0.83, observations: 0 }
 */
export function reliabilityDraw(candidate: Candidate, settings: GatewaySettings, next: () => number): { sample: number; observations: number } {
  return { sample: reliabilitySample(candidate.health, settings, next), observations: observationsOf(candidate.health, settings) };
}

/** The draw's n: clamp(rate_60s × 60, 0, maxObservations). */
function observationsOf(h: ProviderHealth, settings: GatewaySettings): number {
  return Math.max(0, Math.min(settings.routing.thompson.maxObservations, h.rate_60s * 60));
}

/** The draw alone: scoring takes its two numbers apart, with no object per candidate. */
function reliabilitySample(h: ProviderHealth, settings: GatewaySettings, next: () => number): number {
  const { priorSuccesses, priorFailures } = settings.routing.thompson;
  const observations = observationsOf(h, settings);
  const success = Math.max(0, Math.min(1, 1 - h.err_ewma_60s));
  return sampleBeta(priorSuccesses + success * observations, priorFailures + (1 - success) * observations, next);
}

/**
 * Scores `candidates` (already in `order`-first pool order).
 *
 * @example
 * const scored = scoreCandidates(candidates, { mode, preferences, requestedMaxTokens: 1024, settings, now, next: random.next });
 */
export function scoreCandidates(candidates: readonly Candidate[], ctx: ScoringContext): ScoredCandidate[] {
  const { settings, mode } = ctx;
  const routing = settings.routing;
  const balanced = mode.mode === "balanced";
  const thompson = byFidelity(routing.balanced, settings.fidelity, BALANCED_SIDES) === "thompson_sort";
  const graded = byFidelity(routing.preferenceMultipliers, settings.fidelity, PREFERENCE_SIDES) === "graded";
  const weights = mode.mode === "balanced" ? undefined : routing.sortWeights[mode.mode];
  const profile = PROFILES[mode.priority];
  const noise = routing.sortJitter ?? profile.noise;

  // One pass for the six bounds: Math.min/max folded pairwise give what Math.min(...all) gives (NaN and −0 included).
  let minP50 = Number.POSITIVE_INFINITY;
  let maxP50 = Number.NEGATIVE_INFINITY;
  let minTail = Number.POSITIVE_INFINITY;
  let maxTail = Number.NEGATIVE_INFINITY;
  let minTps = Number.POSITIVE_INFINITY;
  let maxTps = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < candidates.length; i++) {
    const h = (candidates[i] as Candidate).health;
    const tail = tailLatency(h);
    minP50 = Math.min(minP50, h.lat_ewma_60s);
    maxP50 = Math.max(maxP50, h.lat_ewma_60s);
    minTail = Math.min(minTail, tail);
    maxTail = Math.max(maxTail, tail);
    minTps = Math.min(minTps, h.tp_ewma_60s);
    maxTps = Math.max(maxTps, h.tp_ewma_60s);
  }
  const explicitPrice = weights && weights.price > 0 ? priceScores(candidates.map(offerOf)) : undefined;
  const balancedPrice = balanced ? inverseSquarePriceWeights(candidates.map(priceBasisOf), routing.freeOfferPriceFraction) : undefined;
  const maxLatency = ctx.preferences.preferredMaxLatencySeconds;
  const minThroughput = ctx.preferences.preferredMinThroughputTps;

  // A loop, not `map` with a closure over this scope (one closure and context per routing); sized once.
  const out = new Array<ScoredCandidate>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as Candidate;
    const h = candidate.health;
    const configured = candidate.offer.weight * (ctx.preferences.weights?.[candidate.offer.provider] ?? 1);
    const baseWeight = configured > 0 ? configured : 1;
    const successRate = 1 - h.err_ewma_60s;
    // Every mode draws the reliability sample at the pin, explicit modes included: it keeps the stream's order.
    const reliabilityDrawn = thompson ? reliabilitySample(h, settings, ctx.next) : Math.max(routing.reliabilityFloor, 1 - h.err_ewma_60s);
    const reliabilityObservations = observationsOf(h, settings);
    const latencyScore = 0.5 * (1 / (1 + h.lat_ewma_60s / profile.latencyScaleMs)) + 0.5 * (1 - normalise(h.lat_ewma_60s, minP50, maxP50));
    const tailLatencyScore = 1 - normalise(tailLatency(h), minTail, maxTail);
    const throughputScore = maxTps > 0 ? normalise(h.tp_ewma_60s, minTps, maxTps) : 0;
    const loadPenalty = 0;
    const priceScore = balancedPrice ? (balancedPrice[i] ?? 0.5) : explicitPrice ? (explicitPrice[i] ?? 0.5) : 0.5;
    const latencyPreferenceMultiplier = graded
      ? latencyPreference(h.lat_ewma_60s, maxLatency)
      : missPreference(maxLatency !== undefined && h.lat_ewma_60s > maxLatency * 1000, routing.preferenceMissMultiplier);
    const throughputPreferenceMultiplier = graded
      ? throughputPreference(h.tp_ewma_60s, minThroughput)
      : missPreference(minThroughput !== undefined && h.tp_ewma_60s < minThroughput, routing.preferenceMissMultiplier);
    const affinity = tokenAffinity(ctx.requestedMaxTokens, candidate.offer.maxOutputTokens);

    const base = weights
      ? weights.success * successRate +
        weights.p50Latency * latencyScore +
        weights.tailLatency * tailLatencyScore +
        weights.throughput * throughputScore -
        weights.load * loadPenalty +
        weights.price * priceScore +
        0.1 * affinity +
        noise * ctx.next()
      : priceScore * Math.max(routing.reliabilityFloor, reliabilityDrawn) * Math.max(0.05, 1 - loadPenalty) * (0.5 + affinity);
    const recentOutage = isRecentOutage(h, ctx.now);
    const score = Math.max(0, base * Math.max(baseWeight, 0.0001) * latencyPreferenceMultiplier * throughputPreferenceMultiplier * (recentOutage ? routing.openBreakerMultiplier : 1));
    // Rounded here, as the diagnostics show them: ranking reads only the unrounded score, so the
    // diagnostics take this object as it is instead of a rounded copy per candidate.
    const scoreFactors: ScoreFactors = {
      successRate: roundDiagnostic(successRate),
      latencyScore: roundDiagnostic(latencyScore),
      tailLatencyScore: roundDiagnostic(tailLatencyScore),
      throughputScore: roundDiagnostic(throughputScore),
      priceScore: roundDiagnostic(priceScore),
      reliabilitySample: roundDiagnostic(reliabilityDrawn),
      reliabilityObservations: roundDiagnostic(reliabilityObservations),
      tokenAffinity: roundDiagnostic(affinity),
      loadPenalty: roundDiagnostic(loadPenalty),
      baseWeight: roundDiagnostic(baseWeight),
      rolloutMultiplier: 1,
      routingMultiplier: 1,
      cacheBoostMultiplier: 1,
      latencyPreferenceMultiplier: roundDiagnostic(latencyPreferenceMultiplier),
      throughputPreferenceMultiplier: roundDiagnostic(throughputPreferenceMultiplier),
    };
    out[i] = { offer: candidate.offer, health: h, score, scoreFactors, placedBy: "sort", recentOutage };
  }
  return out;
}

function offerOf(candidate: Candidate): Offer {
  return candidate.offer;
}

function priceBasisOf(candidate: Candidate): number {
  return priceBasis(candidate.offer);
}

/** The tail latency the scoring normalises (routing.ts:1261, 1308): the 300 s EWMA, at least 1.6 × the 60 s one. */
function tailLatency(h: ProviderHealth): number {
  return Math.max(h.lat_ewma_300s, h.lat_ewma_60s * 1.6);
}

/**
 * A diagnostics number (routing.ts:636-638): rounded to 6 decimals, non-finite → 0.
 *
 * @example
 * roundDiagnostic(1 / 3); // 0.333333
 */
export function roundDiagnostic(value: number): number {
  // Math.round on the scaled value gives toFixed's digits unless the scaled value sits within the
  // multiplication's error of a .5 tie (below 1e9 that error is under 1e-7); n / 1e6 and
  // Number("…n digits…") are then the same nearest double. Checked first, as one distance to the nearest
  // integer: the common case takes one multiply, one round and one divide (fifteen factors per candidate).
  // NaN and ±Infinity fail the test and fall through; 0, 0.5 and 1 come back exactly through it.
  const scaled = value * 1e6;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) < NOT_NEAR_TIE && Math.abs(scaled) < 1e9) return rounded / 1e6;
  if (!Number.isFinite(value)) return 0;
  if (Number.isInteger(value * 2)) return value;
  // The string round trip is only for ties and huge values.
  return Number(value.toFixed(6));
}

/** Further than this from the nearest integer, a scaled value is not within 1e-6 of a .5 tie. */
const NOT_NEAR_TIE = 0.5 - 1e-6;
