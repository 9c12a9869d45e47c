// A fake provider in a scenario: the fakes' own profile, except that `models` may be left out when
// the scenario references a catalog — the profile then serves what the catalog lists for its id.
import { z } from "zod";
import { type FakeProviderProfile, type FakeProviderProfileInput, fakeProviderProfileSchema } from "../../fakes/profile/schema.js";
import type { Catalog } from "../../gateway/catalog/schema.js";
import { didYouMean } from "../../core/did-you-mean.js";
import { acceptsKeysOf } from "../../core/schema-keys.js";

type ProfileModels = FakeProviderProfileInput["models"];

/** The catalog's offers of one provider, in the profile's `models` shape. */
export function catalogModelsOf(catalog: Catalog, provider: string): ProfileModels {
  const models: ProfileModels = {};
  for (const [model, offers] of Object.entries(catalog.models)) {
    const offer = offers.find((o) => o.provider === provider);
    if (!offer) continue;
    models[model] = {
      model: offer.providerModel,
      price: { ...offer.price },
      structured_output: offer.structuredOutput,
      max_output_tokens: offer.maxOutputTokens,
      parameters: [...offer.parameters],
      weight: offer.weight,
    };
  }
  return models;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The schema of one `providers[]` entry, filling `models` from `catalog` when absent.
 *
 * @example
 * providerItemSchema(defaultCatalog).parse({ id: "openai-eu", latency: "1.2s" });
 */
export function providerItemSchema(catalog: Catalog | undefined) {
  const schema = z
    .custom<FakeProviderProfileInput>(() => true)
    .transform((value, ctx): FakeProviderProfile => {
      let input: unknown = value;
      if (isPlainObject(value) && value.models === undefined && typeof value.id === "string") {
        const models = catalog ? catalogModelsOf(catalog, value.id) : {};
        if (Object.keys(models).length > 0) input = { ...value, models };
        else {
          const why = catalog ? `the scenario's catalog lists no model for "${value.id}"${didYouMean(value.id, Object.keys(catalog.providers))}` : "the scenario references no catalog";
          ctx.addIssue({ code: "custom", path: ["models"], message: `expected models (${why})` });
        }
      }
      const parsed = fakeProviderProfileSchema.safeParse(input);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const missingModels = issue.path.length === 1 && issue.path[0] === "models" && issue.code === "invalid_type";
        if (!(missingModels && isPlainObject(value) && value.models === undefined)) ctx.addIssue({ ...issue });
      }
      return z.NEVER;
    });
  // "did you mean" for a misspelt profile field (load-config.ts) sees through the hand-run parse.
  return acceptsKeysOf(schema, fakeProviderProfileSchema);
}
