// A replayed provider's `models`, written only when the log priced one of its offers differently
// from the catalog (or served one the catalog lacks): every catalog offer of the provider (a
// profile with `models` serves nothing else), with the logged prices.
import type { Catalog } from "../gateway/catalog/schema.js";
import { catalogModelsOf } from "../scenarios/schema/provider-item.js";
import type { PriceOverride } from "./logged-prices.js";

/**
 * @example
 * pricedModels(catalog, "google-vertex", overrides);
 * // { "google/gemini-3.1-flash-lite": { model: "google/gemini-3.1-flash-lite", price: { input: 0.075, output: 0.3 }, … }, … }
 */
export function pricedModels(catalog: Catalog, provider: string, overrides: readonly PriceOverride[]): Record<string, unknown> | undefined {
  const own = overrides.filter((o) => o.provider === provider);
  if (own.length === 0) return undefined;
  const models = catalogModelsOf(catalog, provider);
  for (const o of own) {
    const offer = models[o.model];
    if (offer) offer.price = { ...o.price };
    // An offer the catalog lacks (the logging scenario or deployment defined it): the logged
    // model at the logged price, or the replay would have no candidate for it.
    else if (o.catalog === undefined) models[o.model] = { model: o.model, price: { ...o.price } };
  }
  return models;
}
