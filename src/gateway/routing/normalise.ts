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
  // Arrays sized once (map, slice): pushing into `[]` allocates room for 16 doubles on the first push.
  const prices = offers.map(priceBasis);
  // Math.min/max folded pairwise: what Math.min(...prices) gives, without spreading an array per request.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const price of prices) {
    min = Math.min(min, price);
    max = Math.max(max, price);
  }
  const range = max - min;
  const out = prices.slice();
  for (let i = 0; i < offers.length; i++) {
    // The last offer of this provider sets its score (a Map keyed by provider, as the reference keeps it).
    const provider = (offers[i] as Pick<Offer, "provider">).provider;
    let last = i;
    for (let j = offers.length - 1; j > i; j--) {
      if ((offers[j] as Pick<Offer, "provider">).provider === provider) {
        last = j;
        break;
      }
    }
    out[i] = range === 0 ? 0.5 : 1 - ((prices[last] as number) - min) / range;
  }
  return out;
}

/**
 * Balanced mode's price weight (routing.ts:372-408): 1/cost², normalised so the cheapest is 1; a free
 * offer costs a tenth (`freeFraction`) of the cheapest paid one, or 1 when none is paid.
 *
 * @example
 * inverseSquarePriceWeights([1, 2], 0.1); // [1, 0.25]
 */
export function inverseSquarePriceWeights(costs: readonly number[], freeFraction: number): number[] {
  // Loops with Math.min/max folded pairwise: the values Math.min(...)/Math.max(...) over spreads give.
  let cheapestPaid = Number.POSITIVE_INFINITY;
  let anyPaid = false;
  for (const c of costs) {
    if (c > 0) {
      anyPaid = true;
      cheapestPaid = Math.min(cheapestPaid, c);
    }
  }
  // Divided, not multiplied: min / 10 is what the reference computes, to the last bit.
  const freeCost = anyPaid ? cheapestPaid / (1 / freeFraction) : 1;
  // Sized once: pushing into `[]` allocates room for 16 doubles on the first push.
  const raw = costs.slice();
  let best = 0;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i] as number;
    const w = 1 / (c > 0 ? c : freeCost) ** 2;
    raw[i] = w;
    best = Math.max(best, w);
  }
  if (!(best > 0)) return costs.map(() => 0.5);
  for (let i = 0; i < raw.length; i++) raw[i] = (raw[i] as number) / best;
  return raw;
}
