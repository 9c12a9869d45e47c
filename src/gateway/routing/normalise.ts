// Normalisation and price helpers of the scoring (routing.ts:155-159, 262-408).
import type { Offer } from "../catalog/schema.js";

/**
 * Min-max position of `v` in [min, max], clamped to [0, 1]; 0.5 when max equals min (routing.ts:155-159).
 *
 * @example
 * normalise(200, 100, 300); // 0.5
 * normalise(5, 5, 5); // 0.5
 */
export function normalise(v: number, min: number, max: number): number {
  if (max === min) return 0.5;
  return Math.max(0, Math.min(1, (v - min) / (max - min)));
}

/**
 * The per-token text price of an offer: input + output (USD per token; the catalog's prices are per 1M),
 * the `input_text_tokens` + `output_text_tokens` meters every catalog offer has (routing.ts:289-300).
 *
 * @example
 * priceBasis({ price: { input: 0.05, output: 0.4 } }); // 4.5e-7
 */
export function priceBasis(offer: Pick<Offer, "price">): number {
  return (offer.price.input + offer.price.output) / 1_000_000;
}

/**
 * Price scores for the explicit price mode (routing.ts:302-340): 1 − (p − min)/(max − min), 0.5 when
 * every price is equal. Keyed by provider, so a later offer of the same provider wins for both.
 *
 * @example
 * priceScores([offerA, offerB]); // [1, 0] when A is cheaper
 */
export function priceScores(offers: readonly Pick<Offer, "provider" | "price">[]): number[] {
  const prices = offers.map(priceBasis);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const range = max - min;
  const byProvider = new Map<string, number>();
  offers.forEach((offer, i) => byProvider.set(offer.provider, range === 0 ? 0.5 : 1 - ((prices[i] ?? min) - min) / range));
  return offers.map((offer) => byProvider.get(offer.provider) ?? 0.5);
}

/**
 * Balanced mode's price weight (routing.ts:372-408): 1/cost², normalised so the cheapest is 1; a free
 * offer costs a tenth (`freeFraction`) of the cheapest paid one, or 1 when none is paid.
 *
 * @example
 * inverseSquarePriceWeights([1, 2], 0.1); // [1, 0.25]
 */
export function inverseSquarePriceWeights(costs: readonly number[], freeFraction: number): number[] {
  const positive = costs.filter((c) => c > 0);
  // Divided, not multiplied: min / 10 is what the reference computes, to the last bit.
  const freeCost = positive.length > 0 ? Math.min(...positive) / (1 / freeFraction) : 1;
  const raw = costs.map((c) => 1 / (c > 0 ? c : freeCost) ** 2);
  const best = Math.max(...raw, 0);
  if (!(best > 0)) return costs.map(() => 0.5);
  return raw.map((w) => w / best);
}
