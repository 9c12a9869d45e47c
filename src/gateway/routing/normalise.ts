// Normalisation helpers shared by the ranking strategies.
import type { Offer } from "../catalog/schema.js";

/**
 * Min-max normalisation to [0, 1], 1 being best. A single value, or all-equal values, score 1:
 * nobody is worse than anybody else.
 *
 * @example
 * minMaxNormalise([100, 200, 300], "lower"); // [1, 0.5, 0]
 */
export function minMaxNormalise(values: readonly number[], better: "lower" | "higher"): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (values.length <= 1 || !(max > min)) return values.map(() => 1);
  return values.map((v) => (better === "lower" ? (max - v) / (max - min) : (v - min) / (max - min)));
}

/**
 * The common price basis of an offer: input + output text-token prices (USD per 1M tokens).
 *
 * @example
 * priceBasis(offer); // 0.45 for 0.05 in + 0.40 out
 */
export function priceBasis(offer: Pick<Offer, "price">): number {
  return offer.price.input + offer.price.output;
}

/**
 * The balanced shuffle's price factor: 1/price², normalised so the cheapest offer scores 1. A free
 * offer is priced at `freeFraction` × the cheapest paid price (1/0² would swamp every other factor);
 * when every offer is free they all score 1.
 *
 * @example
 * inversePriceSquared([1, 2], 0.1); // [1, 0.25]
 * inversePriceSquared([0, 1], 0.1); // [1, 0.01]
 */
export function inversePriceSquared(prices: readonly number[], freeFraction: number): number[] {
  const paid = prices.filter((p) => p > 0);
  if (paid.length === 0) return prices.map(() => 1);
  const cheapestPaid = Math.min(...paid);
  const effective = prices.map((p) => (p > 0 ? p : freeFraction * cheapestPaid));
  const inverse = effective.map((p) => 1 / (p * p));
  const best = Math.max(...inverse);
  return inverse.map((v) => v / best);
}
