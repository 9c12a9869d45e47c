// One recorded filter stage: which offers went in, which came out, and why each dropped one left.
import type { Offer } from "../catalog/schema.js";
import type { FilterStage } from "../types.js";

/** Why an offer leaves the pool, or undefined to keep it. */
export type DropReason = (offer: Offer) => string | undefined;

/**
 * Applies one filter to the pool and records it as `{stage, before, after, dropped}`.
 *
 * @example
 * const { pool, record } = runFilterStage("ignore", offers, (o) => (o.provider === "deepinfra" ? "listed_in_provider.ignore" : undefined));
 */
export function runFilterStage(stage: string, pool: readonly Offer[], reasonFor: DropReason): { pool: Offer[]; record: FilterStage } {
  const kept: Offer[] = [];
  const dropped: FilterStage["dropped"] = [];
  for (const offer of pool) {
    const reason = reasonFor(offer);
    if (reason === undefined) kept.push(offer);
    else dropped.push({ provider: offer.provider, reason });
  }
  return { pool: kept, record: { stage, before: pool.length, after: kept.length, dropped } };
}
