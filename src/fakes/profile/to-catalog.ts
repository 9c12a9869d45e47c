// A gateway catalog derived from fake profiles, through the catalog's own schema, so a scenario
// declares its providers once and the gateway routes over exactly what the fakes serve.
import { catalogFileSchema, type Catalog, type CatalogFile } from "../../gateway/catalog/schema.js";
import type { FakeProviderProfile } from "./schema.js";

/**
 * The catalog the gateway should use for these fakes.
 *
 * @example
 * const catalog = catalogFromProfiles(fleet.profiles());
 * catalog.models["openai/gpt-5.4-nano"][0].baseUrl; // "https://api.openai.com/v1"
 */
export function catalogFromProfiles(profiles: readonly FakeProviderProfile[]): Catalog {
  const file: CatalogFile = { providers: {}, models: {} };
  for (const profile of profiles) {
    file.providers[profile.id] = { name: profile.name ?? profile.id, format: profile.format, base_url: profile.base_url };
    for (const [model, offer] of Object.entries(profile.models)) {
      const entry = (file.models[model] ??= { offers: {} });
      entry.offers[profile.id] = {
        model: offer.model,
        price: offer.price,
        structured_output: offer.structured_output,
        max_output_tokens: offer.max_output_tokens,
        ...(offer.parameters ? { parameters: offer.parameters } : {}),
        ...(offer.weight !== undefined ? { weight: offer.weight } : {}),
      };
    }
  }
  return catalogFileSchema.parse(file);
}
