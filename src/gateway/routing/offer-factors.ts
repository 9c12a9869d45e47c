// The factors the balanced shuffle and Thompson sampling share: price (1/price²), token affinity and
// provider weight.
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { GatewaySettings } from "../settings.js";
import type { Candidate } from "./candidate.js";
import { inversePriceSquared, priceBasis } from "./normalise.js";

export type OfferFactors = {
  /** 1/price², normalised so the cheapest candidate is 1. */
  inversePriceSquared: number;
  tokenAffinity: number;
  /** tokenAffinityBase + tokenAffinity. */
  affinityFactor: number;
  /** offer.weight × preferences.weights[provider] (1 when unset). */
  weight: number;
};

/**
 * Token affinity of an offer for this request. In the reference gateway it favours the provider
 * that recently served the same prompt prefix (prompt-cache affinity). gateway-sim models no prompt
 * caches at providers, so it is 0 for every offer: the factor (base + 0) scales every score alike and
 * changes no ranking. It stays a named factor so a future cache model has one place to plug in.
 *
 * @example
 * tokenAffinity(); // 0
 */
export function tokenAffinity(): number {
  return 0;
}

/**
 * Price, affinity and weight factors for every candidate.
 *
 * @example
 * offerFactors(candidates, preferences, settings)[0]?.inversePriceSquared; // 1 for the cheapest
 */
export function offerFactors(
  candidates: readonly Candidate[],
  preferences: Pick<ProviderPreferences, "weights">,
  settings: GatewaySettings,
): OfferFactors[] {
  const price = inversePriceSquared(candidates.map((c) => priceBasis(c.offer)), settings.routing.freeOfferPriceFraction);
  return candidates.map((c, i) => {
    const affinity = tokenAffinity();
    return {
      inversePriceSquared: price[i] ?? 1,
      tokenAffinity: affinity,
      affinityFactor: settings.routing.tokenAffinityBase + affinity,
      weight: c.offer.weight * (preferences.weights?.[c.offer.provider] ?? 1),
    };
  });
}
