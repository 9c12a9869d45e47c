import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../gateway/catalog/load-catalog.js";
import { profilesFromCatalog } from "./from-catalog.js";
import { catalogFromProfiles } from "./to-catalog.js";

describe("profilesFromCatalog", () => {
  it("round-trips the default catalog through fake profiles", () => {
    const loaded = loadDefaultCatalog();
    if (!loaded.ok) throw new Error("default catalog");
    const profiles = profilesFromCatalog(loaded.value, { latency: "20ms" });
    expect(profiles.map((p) => p.id).sort()).toEqual(Object.keys(loaded.value.providers).sort());
    const back = catalogFromProfiles(profiles);
    for (const [model, offers] of Object.entries(loaded.value.models)) {
      const roundTripped = back.models[model] ?? [];
      for (const offer of offers) {
        const twin = roundTripped.find((o) => o.provider === offer.provider);
        expect(twin, `${model} ${offer.provider}`).toMatchObject({
          providerModel: offer.providerModel,
          price: offer.price,
          baseUrl: offer.baseUrl,
          format: offer.format,
          structuredOutput: offer.structuredOutput,
          maxOutputTokens: offer.maxOutputTokens,
        });
      }
    }
  });
});
