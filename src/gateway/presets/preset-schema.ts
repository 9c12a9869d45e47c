// A preset (§2, the seeds' "dashboard-managed defaults") as users write it: one strict
// snake_case YAML/JSON file per preset, file name = slug. Output is the camelCase Preset.
import { z } from "zod";
import { pluginListSchema } from "../../plugins/plugin-entry-schema.js";
import { responseFormatSchema } from "../../structured-output/response-format-schema.js";
import { maxOutputTokensSchema, reasoningSchema, responseCachingSchema, seedSchema, stopSchema, temperatureSchema, topPSchema } from "../request/generation-fields.js";
import { MODEL_ID_PATTERN, PRESET_SLUG_PATTERN } from "../request/model-reference.js";
import { findUnsupportedRoutingFilters, providerPreferencesSchema, SORT_ALIASES } from "../request/provider-preferences.js";
import { ROUTING_MODES } from "../request/routing-mode.js";
import { isModelAllowed, MODEL_PATTERN } from "./model-allowlist.js";

const slugSchema = z.string().regex(PRESET_SLUG_PATTERN, { error: "expected a slug: lowercase letters, digits, '-' and '_'" });

/** A preset's `provider`: the request's preferences plus `weights`; unsupported filters named as such. */
const presetProviderSchema = z.preprocess((value, ctx) => {
  for (const { key, filter } of findUnsupportedRoutingFilters(value)) {
    ctx.addIssue({ code: "custom", path: [key], message: `routing filter "${filter}" is not supported by the gateway`, params: { keyword: "unsupported_routing_filter" } });
  }
  return value;
}, providerPreferencesSchema);

const modelIdSchema = z.string().regex(MODEL_ID_PATTERN, { error: 'expected a model id such as "openai/gpt-5.4-mini"' });
const providerIdList = z.array(z.string().min(1));
const routingModeSchema = z.enum(ROUTING_MODES);

/** Generation defaults; the reference's `parameters` (`defaultParams`) fill missing top-level keys. */
const parametersSchema = z.strictObject({
  temperature: temperatureSchema.optional(),
  top_p: topPSchema.optional(),
  max_output_tokens: maxOutputTokensSchema.optional(),
  stop: stopSchema.optional(),
  seed: seedSchema.optional(),
  reasoning: reasoningSchema.optional(),
  response_format: responseFormatSchema.optional(),
});

/** camelCase spellings of the reference's preset keys (before/schemas.ts:349-411); camelCase wins when both are written. */
const CAMEL_PRESET_KEYS: Record<string, string> = {
  systemPrompt: "system_prompt",
  allowedModels: "models",
  defaultModel: "default_model",
  allowedProviders: "only_providers",
  deniedProviders: "ignore_providers",
  defaultParams: "parameters",
  providerPreferences: "provider_preferences",
  routingMode: "routing_mode",
  responseCaching: "response_caching",
};

function snakeCasePresetKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [camel, snake] of Object.entries(CAMEL_PRESET_KEYS)) {
    if (!(camel in out)) continue;
    const v = out[camel];
    delete out[camel];
    if (v !== undefined && v !== null) out[snake] = v;
  }
  // responseCaching.ttlSeconds is the camelCase of ttl_seconds.
  const caching = out["response_caching"];
  if (typeof caching === "object" && caching !== null && "ttlSeconds" in caching) {
    const { ttlSeconds, ...rest } = caching as Record<string, unknown>;
    out["response_caching"] = { ...rest, ttl_seconds: ttlSeconds };
  }
  return out;
}

const presetShape = {
  slug: slugSchema.optional(),
  description: z.string().optional(),
  system_prompt: z.string().optional(),
  /** The default model when a request names none (the reference reads default_model, then model, then models[0]). */
  model: modelIdSchema.optional(),
  default_model: modelIdSchema.optional(),
  /** The ranking mode of this preset's traffic (`routingMode`/`routing_mode`/`preferred_performance`). Not a request sort. */
  routing_mode: routingModeSchema.optional(),
  preferred_performance: routingModeSchema.optional(),
  /** Provider allowlist/denylist (the reference also reads `provider.only`, then `provider.order`, as the allowlist). */
  only_providers: providerIdList.optional(),
  ignore_providers: providerIdList.optional(),
  /** Multipliers of each provider's base weight (`providerPreferences`). */
  provider_preferences: z.record(z.string(), z.number()).optional(),
  parameters: parametersSchema.optional(),
  /** Allowlist; `*` wildcards. Absent = every model allowed. */
  models: z
    .array(z.string().regex(MODEL_PATTERN, { error: 'expected a model id or pattern such as "openai/*"' }))
    .min(1)
    .optional(),
  provider: presetProviderSchema.optional(),
  reasoning: reasoningSchema.optional(),
  temperature: temperatureSchema.optional(),
  top_p: topPSchema.optional(),
  max_output_tokens: maxOutputTokensSchema.optional(),
  stop: stopSchema.optional(),
  seed: seedSchema.optional(),
  /** Layered over the gateway defaults and under the request by layerPlugins; `locked` blocks request overrides. */
  plugins: pluginListSchema.optional(),
  response_caching: responseCachingSchema.optional(),
  /** A default output format for requests that set none. */
  response_format: responseFormatSchema.optional(),
};

const presetFieldsSchema = z.preprocess(snakeCasePresetKeys, z.strictObject(presetShape));
type PresetFields = z.output<typeof presetFieldsSchema>;

function checkDefaultModel(fields: PresetFields, ctx: z.core.$RefinementCtx): void {
  const field = fields.default_model !== undefined ? "default_model" : "model";
  const model = fields.default_model ?? fields.model;
  if (model !== undefined && !isModelAllowed(model, fields.models)) {
    ctx.addIssue({ code: "custom", path: [field], message: `default model "${model}" is outside the preset's own allowlist (models: ${fields.models?.join(", ")})` });
  }
}

/** Provider keys the reference's preset schema has no place for (before/schemas.ts:360-388): dropped there. */
const NON_REFERENCE_PROVIDER_KEYS = ["sort", "allow_fallbacks", "require_parameters", "diagnostics"] as const;

function toPreset(fields: PresetFields, slug: string) {
  // The preset's only defaults to its order (before/schemas.ts:420).
  const provider = fields.provider && fields.provider.only === undefined && fields.provider.order !== undefined ? { ...fields.provider, only: fields.provider.order } : fields.provider;
  const params = fields.parameters ?? {};
  const routingMode = fields.routing_mode ?? fields.preferred_performance;
  const providerSort = provider?.requestedSort === undefined ? undefined : SORT_ALIASES[provider.requestedSort.toLowerCase()];
  const ignoredProviderFields = NON_REFERENCE_PROVIDER_KEYS.filter((key) =>
    key === "sort"
      ? provider?.requestedSort !== undefined
      : key === "allow_fallbacks"
        ? provider?.allowFallbacks !== undefined
        : key === "require_parameters"
          ? provider?.requireParameters !== undefined
          : provider?.diagnostics !== undefined,
  );
  const weights = fields.provider_preferences || provider?.weights ? { ...fields.provider_preferences, ...provider?.weights } : undefined;
  const preset = {
    slug,
    description: fields.description,
    systemPrompt: fields.system_prompt,
    /** The default model: default_model, else model (models[0] is read at request time under reference fidelity). */
    model: fields.default_model ?? fields.model,
    models: fields.models,
    provider,
    /** The preset's routing mode (routing_mode / preferred_performance); reaches routing as a non-deterministic mode. */
    routingMode,
    /** `provider.sort` as a mode, kept for `presets.providerFields: all` (documented); the reference drops it. */
    providerSort,
    /** Set provider keys the reference drops (sort, allow_fallbacks, require_parameters, diagnostics), snake_case. */
    ignoredProviderFields,
    /** The reference's allowlist: only_providers, else provider.only, else provider.order (before/schemas.ts:456-461). */
    allowedProviders: fields.only_providers ?? provider?.only ?? provider?.order,
    /** The reference's denylist: ignore_providers, else provider.ignore (before/schemas.ts:462-466). */
    deniedProviders: fields.ignore_providers ?? provider?.ignore,
    /** Base-weight multipliers by provider (provider_preferences, and gateway-sim's provider.weights). */
    weights,
    reasoning: fields.reasoning ?? params.reasoning,
    temperature: fields.temperature ?? params.temperature,
    topP: fields.top_p ?? params.top_p,
    maxOutputTokens: fields.max_output_tokens ?? params.max_output_tokens,
    stop: fields.stop ?? params.stop,
    seed: fields.seed ?? params.seed,
    plugins: fields.plugins,
    responseCaching: fields.response_caching,
    responseFormat: fields.response_format ?? params.response_format,
    /** Load-time warnings (with file:line when loaded from a folder), repeated in the routing diagnostics of requests that use the preset. */
    notes: [] as string[],
  };
  const note = ignoredProviderFieldsNote(preset, "inline preset:");
  if (note !== undefined) preset.notes.push(note);
  return preset;
}

/**
 * The load-time warning for provider keys the reference drops, or undefined.
 *
 * @example
 * ignoredProviderFieldsNote(preset, "presets/release-summary.yaml:18:3");
 */
export function ignoredProviderFieldsNote(
  preset: { slug: string; ignoredProviderFields: readonly string[]; providerSort: string | undefined; routingMode: string | undefined },
  where: string,
): string | undefined {
  if (preset.ignoredProviderFields.length === 0) return undefined;
  const names = preset.ignoredProviderFields.map((key) => `provider.${key}`).join(", ");
  const sortAdvice =
    preset.providerSort !== undefined && preset.routingMode === undefined
      ? ` Set routing_mode: ${preset.providerSort} to rank this preset's traffic by ${preset.providerSort} (through the weighted shuffle, not as a deterministic sort).`
      : "";
  return `${where} preset "${preset.slug}": ${names} ${preset.ignoredProviderFields.length === 1 ? "is" : "are"} dropped by the reference gateway's preset schema, which has no place for ${preset.ignoredProviderFields.length === 1 ? "it" : "them"}; under reference fidelity ${preset.ignoredProviderFields.length === 1 ? "it has" : "they have"} no effect.${sortAdvice} (settings.presets.providerFields: all, or fidelity: documented, applies ${preset.ignoredProviderFields.length === 1 ? "it" : "them"}.)`;
}

/**
 * The schema of the preset file `<slug>.yaml`: `slug`, when written, must match the file name.
 *
 * @example
 * parseConfig("presets/release-summary.yaml", text, presetFileSchemaFor("release-summary"));
 */
export function presetFileSchemaFor(slug: string) {
  return presetFieldsSchema
    .superRefine((fields, ctx) => {
      if (fields.slug !== undefined && fields.slug !== slug) {
        ctx.addIssue({ code: "custom", path: ["slug"], message: `slug "${fields.slug}" does not match the file name "${slug}"` });
      }
      checkDefaultModel(fields, ctx);
    })
    .transform((fields) => toPreset(fields, slug));
}

/**
 * A preset written inline (e.g. in a scenario file): the same fields, `slug` required.
 *
 * @example
 * inlinePresetSchema.parse({ slug: "support-chat", model: "openai/gpt-5.4-nano", provider: { sort: "latency" } });
 */
export const inlinePresetSchema = z
  .preprocess(snakeCasePresetKeys, z.strictObject({ ...presetShape, slug: slugSchema }))
  .superRefine(checkDefaultModel)
  .transform((fields) => toPreset(fields, fields.slug));

/** A loaded preset. `undefined` fields are left to the request and the gateway defaults. */
export type Preset = z.output<typeof inlinePresetSchema>;
