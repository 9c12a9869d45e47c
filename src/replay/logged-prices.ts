// The offer prices in effect when the log was written, where they differ from the replay's catalog.
// Routing ranks on price (1/price² in the balanced shuffle, min-max under `sort: price`), so a replay
// priced from today's catalog — or one that misses a scenario's price override — routes differently.
// Providers that answered are priced from their billed costs; providers only ever ranked, from the
// balanced mode's `priceScore` (the normalised 1/cost² weight) relative to one that answered.
import type { Catalog } from "../gateway/catalog/schema.js";
import { type BilledRequest, fitPrice, type Price, roundSignificant } from "./fit-price.js";
import type { ReplayRecord } from "./read-usage-log.js";

/** A logged price that differs from the catalog's, and how it was recovered. */
export interface PriceOverride {
  provider: string;
  model: string;
  price: Price;
  catalog: Price | undefined;
  /** `cost`: fitted to billed costs; `ratio`: scaled from a provider that answered. */
  source: "cost" | "ratio";
  /** False when no short price explains every logged cost exactly (a best fit). */
  exact: boolean;
}

const keyOf = (provider: string, model: string): string => `${provider}\u0000${model}`;
const basis = (p: Price): number => p.input + p.output;

function catalogPrice(catalog: Catalog | undefined, provider: string, model: string): Price | undefined {
  return catalog?.models[model]?.find((o) => o.provider === provider)?.price;
}

/** Answered, billed requests by provider × gateway model (cache hits billed nothing upstream). */
function billedRequests(records: readonly ReplayRecord[]): Map<string, BilledRequest[]> {
  const out = new Map<string, BilledRequest[]>();
  for (const r of records) {
    const model = r.routing_diagnostics?.model;
    const provider = r.selected_provider;
    if (!model || !provider || r.http_status !== 200 || r.response_cache?.status === "hit") continue;
    if (r.usage.input_tokens + r.usage.output_tokens === 0) continue;
    const key = keyOf(provider, model);
    out.set(key, [...(out.get(key) ?? []), { input: r.usage.input_tokens, output: r.usage.output_tokens, costUsd: r.cost_usd }]);
  }
  return out;
}

/**
 * Price bases of unanswered candidates, from balanced-mode records, whose `priceScore` is the
 * normalised (cheapest/price)² weight (routing.ts:1313-1315), next to a provider whose price is known.
 */
function ratioBases(records: readonly ReplayRecord[], known: ReadonlyMap<string, Price>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of records) {
    const model = r.routing_diagnostics?.model;
    const ranked = r.routing_diagnostics?.rankedProviders ?? [];
    if (!model || r.routing_diagnostics?.routingMode !== "balanced") continue;
    const anchor = ranked.find((p) => known.has(keyOf(p.provider, model)) && (p.scoreFactors?.priceScore ?? 0) > 0);
    const anchorPrice = anchor && known.get(keyOf(anchor.provider, model));
    const anchorFactor = anchor?.scoreFactors?.priceScore;
    if (!anchorPrice || anchorFactor === undefined || basis(anchorPrice) <= 0) continue;
    for (const p of ranked) {
      const factor = p.scoreFactors?.priceScore;
      const key = keyOf(p.provider, model);
      if (known.has(key) || factor === undefined || !(factor > 0)) continue;
      out.set(key, [...(out.get(key) ?? []), basis(anchorPrice) * Math.sqrt(anchorFactor / factor)]);
    }
  }
  return out;
}

/**
 * The catalog's input:output split scaled to the price basis `target`, snapped to a short decimal
 * when one matches it to 1e-9 (`exact`), else kept to 12 significant digits.
 */
function scaledTo(split: Price, target: number): { price: Price; exact: boolean } {
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => Math.abs(roundSignificant(target, d) - target) <= target * 1e-9);
  const f = roundSignificant(target, digits ?? 12) / basis(split);
  return { price: { input: roundSignificant(split.input * f, 12), output: roundSignificant(split.output * f, 12) }, exact: digits !== undefined };
}

/**
 * Every provider × model whose logged price differs from `catalog`, sorted by provider then model.
 *
 * @example
 * loggedPriceOverrides(records, catalog);
 * // [{ provider: "google-vertex", model: "google/gemini-3.1-flash-lite", price: { input: 0.075, output: 0.3 }, catalog: { input: 0.1, output: 0.4 }, source: "cost", exact: true }]
 */
export function loggedPriceOverrides(records: readonly ReplayRecord[], catalog: Catalog | undefined): PriceOverride[] {
  const known = new Map<string, Price>();
  const overrides: PriceOverride[] = [];
  for (const [key, billed] of billedRequests(records)) {
    const [provider = "", model = ""] = key.split("\u0000");
    const reference = catalogPrice(catalog, provider, model);
    const fit = fitPrice(billed, reference);
    if (!fit) continue;
    known.set(key, fit.price);
    if (fit.price !== reference) overrides.push({ provider, model, price: fit.price, catalog: reference, source: "cost", exact: fit.exact });
  }
  for (const [key, bases] of ratioBases(records, known)) {
    const [provider = "", model = ""] = key.split("\u0000");
    const reference = catalogPrice(catalog, provider, model);
    const target = [...bases].sort((a, b) => a - b)[Math.floor(bases.length / 2)] ?? 0;
    // Only a catalog split can be scaled: without one the offer cannot be written anyway.
    if (!reference || basis(reference) <= 0 || Math.abs(basis(reference) - target) <= target * 1e-9) continue;
    overrides.push({ provider, model, ...scaledTo(reference, target), catalog: reference, source: "ratio" });
  }
  return overrides.sort((a, b) => (a.provider === b.provider ? (a.model < b.model ? -1 : 1) : a.provider < b.provider ? -1 : 1));
}
