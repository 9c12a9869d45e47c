// The inverse of catalogFromProfiles: one healthy fake per catalog provider, serving that provider's
// offers at the catalog's prices, at its real base URL. `serve` and the end-to-end tests start here.
import type { Catalog } from "../../gateway/catalog/schema.js";
import { defineFakeProvider, type FakeProviderProfile, type FakeProviderProfileInput } from "./schema.js";

/**
 * @example
 * const profiles = profilesFromCatalog(catalog, { latency: "50ms" });
 */
export function profilesFromCatalog(catalog: Catalog, shared: Partial<Omit<FakeProviderProfileInput, "id" | "models">> = {}): FakeProviderProfile[] {
  return Object.entries(catalog.providers).map(([id, provider]) => {
    const models: FakeProviderProfileInput["models"] = {};
    for (const [model, offers] of Object.entries(catalog.models)) {
      const offer = offers.find((o) => o.provider === id);
      if (offer) {
        models[model] = {
          model: offer.providerModel,
          price: offer.price,
          structured_output: offer.structuredOutput,
          max_output_tokens: offer.maxOutputTokens,
          parameters: [...offer.parameters],
          weight: offer.weight,
        };
      }
    }
    return defineFakeProvider({ ...shared, id, format: provider.format, base_url: provider.baseUrl, models });
  });
}
