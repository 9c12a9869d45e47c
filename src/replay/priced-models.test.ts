import { describe, expect, it } from "vitest";
import { catalogFileSchema } from "../gateway/catalog/schema.js";
import { pricedModels } from "./priced-models.js";

const catalog = catalogFileSchema.parse({
  providers: { deepinfra: { format: "openai-chat", base_url: "https://deepinfra.example/v1" } },
  models: { "openai/gpt-5.4-nano": { offers: { deepinfra: { model: "openai/gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } } } },
});

describe("pricedModels", () => {
  it("writes the logged price over the catalog's, and adds an offer the catalog lacks at its logged price", () => {
    const models = pricedModels(catalog, "deepinfra", [
      { provider: "deepinfra", model: "openai/gpt-5.4-nano", price: { input: 0.03, output: 0.25 }, catalog: { input: 0.05, output: 0.4 }, source: "cost", exact: true },
      // A model the logging scenario offered on deepinfra, which the catalog does not list there.
      { provider: "deepinfra", model: "google/gemma-3-27b-it", price: { input: 0.09, output: 0.17 }, catalog: undefined, source: "cost", exact: true },
    ]);
    expect(models?.["openai/gpt-5.4-nano"]).toMatchObject({ model: "openai/gpt-5.4-nano", price: { input: 0.03, output: 0.25 } });
    expect(models?.["google/gemma-3-27b-it"]).toEqual({ model: "google/gemma-3-27b-it", price: { input: 0.09, output: 0.17 } });
  });

  it("writes nothing for a provider the log priced as the catalog does", () => {
    expect(pricedModels(catalog, "deepinfra", [])).toBeUndefined();
  });
});
