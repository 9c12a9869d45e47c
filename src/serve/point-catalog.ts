// Points a catalog's providers at other base URLs: a served scenario's gateway reaches the express
// fakes on local ports instead of the providers' real hosts (no interception, real sockets).
import type { Catalog } from "../gateway/catalog/schema.js";

/**
 * Every provider found in `urls` gets that base URL, in its provider entry and in all its offers;
 * the others keep theirs.
 *
 * @example
 * const local = pointCatalog(scenario.catalog, fakes.urls); // openai → http://127.0.0.1:41234/v1
 */
export function pointCatalog(catalog: Catalog, urls: Readonly<Record<string, string>>): Catalog {
  const providers: Catalog["providers"] = {};
  for (const [id, provider] of Object.entries(catalog.providers)) providers[id] = { ...provider, baseUrl: urls[id] ?? provider.baseUrl };
  const models: Catalog["models"] = {};
  for (const [model, offers] of Object.entries(catalog.models)) {
    models[model] = offers.map((offer) => ({ ...offer, baseUrl: urls[offer.provider] ?? offer.baseUrl }));
  }
  return { providers, models };
}
