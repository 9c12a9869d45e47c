// The catalog: which providers serve which models, at what price, over which wire format and with
// which capabilities. Written in snake_case files, used in camelCase.
import { z } from "zod";
import { WIRE_FORMATS } from "../../providers/wire-formats.js";

const providerId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a provider id such as "openai-eu" (lowercase, digits, dashes)');

/** An offer's zero-data-retention status, as the reference's provider metadata names it. */
export const ZERO_DATA_RETENTION = ["default", "optional", "unsupported", "unknown"] as const;

/** Parameters a request may carry that an offer can support (for `require_parameters`). */
export const OFFER_PARAMETERS = ["temperature", "top_p", "max_output_tokens", "response_format", "tools", "reasoning", "stop", "seed"] as const;

/** One offer as files write it; fake provider profiles reuse it for the models they serve. */
export const offerFileSchema = z.strictObject({
  /** The provider's own model id (e.g. "gpt-5.4-nano", "claude-opus-4-6"). */
  model: z.string().min(1),
  /** USD per 1M tokens. */
  price: z.strictObject({ input: z.number().min(0), output: z.number().min(0) }),
  structured_output: z.boolean().default(true),
  max_output_tokens: z.number().int().positive().default(16_384),
  parameters: z.array(z.enum(OFFER_PARAMETERS)).default(["temperature", "top_p", "max_output_tokens", "response_format", "stop"]),
  /** Provider weight in the balanced shuffle score. */
  weight: z.number().positive().default(1),
  /** Where the offer runs and keeps data (lowercase region ids such as "eu", "us"); unset: unknown, fails a region requirement. */
  execution_regions: z.array(z.string().min(1)).optional(),
  data_regions: z.array(z.string().min(1)).optional(),
  /** Zero data retention: only `default` satisfies `zdr` (providerResidency.ts:179-204); unset is `unknown`. */
  zero_data_retention: z.enum(ZERO_DATA_RETENTION).optional(),
});

const providerFileSchema = z.strictObject({
  name: z.string().optional(),
  format: z.enum(WIRE_FORMATS),
  base_url: z.url(),
  /** Environment variable holding the API key the gateway sends upstream. */
  api_key_env: z.string().optional(),
});

/** The catalog file schema. */
export const catalogFileSchema = z
  .strictObject({
    providers: z.record(providerId, providerFileSchema),
    models: z.record(z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'expected a model id such as "openai/gpt-5.4-nano"'), z.strictObject({ offers: z.record(providerId, offerFileSchema) })),
  })
  // Runs even when other fields failed (`when`), so a file with a bad price AND an unknown provider
  // reports both at once; the value may then be partly invalid, hence the shape checks.
  .superRefine(
    (catalog: { providers: unknown; models: unknown }, ctx) => {
      const providers = isRecord(catalog.providers) ? Object.keys(catalog.providers) : [];
      if (!isRecord(catalog.models)) return;
      for (const [model, entry] of Object.entries(catalog.models)) {
        if (!isRecord(entry) || !isRecord(entry.offers)) continue;
        for (const provider of Object.keys(entry.offers)) {
          if (!providers.includes(provider)) {
            ctx.addIssue({
              code: "custom",
              path: ["models", model, "offers", provider],
              message: `unknown provider "${provider}": expected one of ${providers.join(", ")}`,
            });
          }
        }
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((file) => toCatalog(file));

export type CatalogFile = z.input<typeof catalogFileSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One provider's offer of one model: the unit routing ranks. */
export interface Offer {
  provider: string;
  /** Gateway model id, `org/model`. */
  model: string;
  providerModel: string;
  format: (typeof WIRE_FORMATS)[number];
  baseUrl: string;
  apiKeyEnv: string | undefined;
  price: { input: number; output: number };
  structuredOutput: boolean;
  maxOutputTokens: number;
  parameters: readonly (typeof OFFER_PARAMETERS)[number][];
  weight: number;
  executionRegions?: readonly string[] | undefined;
  dataRegions?: readonly string[] | undefined;
  zeroDataRetention?: (typeof ZERO_DATA_RETENTION)[number] | undefined;
}

export interface Catalog {
  providers: Record<string, { name: string; format: (typeof WIRE_FORMATS)[number]; baseUrl: string; apiKeyEnv: string | undefined }>;
  /** Offers by gateway model id, in file order. */
  models: Record<string, Offer[]>;
}

function toCatalog(
  file: z.output<
    z.ZodObject<{ providers: z.ZodRecord<z.ZodString, typeof providerFileSchema>; models: z.ZodRecord<z.ZodString, z.ZodObject<{ offers: z.ZodRecord<z.ZodString, typeof offerFileSchema> }>> }>
  >,
): Catalog {
  const providers: Catalog["providers"] = {};
  for (const [id, p] of Object.entries(file.providers)) {
    providers[id] = { name: p.name ?? id, format: p.format, baseUrl: p.base_url.replace(/\/+$/, ""), apiKeyEnv: p.api_key_env };
  }
  const models: Catalog["models"] = {};
  for (const [model, entry] of Object.entries(file.models)) {
    models[model] = Object.entries(entry.offers).map(([provider, o]) => {
      const p = providers[provider];
      return {
        provider,
        model,
        providerModel: o.model,
        format: p?.format ?? "openai-chat",
        baseUrl: p?.baseUrl ?? "",
        apiKeyEnv: p?.apiKeyEnv,
        price: o.price,
        structuredOutput: o.structured_output,
        maxOutputTokens: o.max_output_tokens,
        parameters: o.parameters,
        weight: o.weight,
        executionRegions: o.execution_regions?.map((r) => r.toLowerCase()),
        dataRegions: o.data_regions?.map((r) => r.toLowerCase()),
        zeroDataRetention: o.zero_data_retention ?? "unknown",
      };
    });
  }
  return { providers, models };
}
