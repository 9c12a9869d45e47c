// A preset (§2, the seeds' "dashboard-managed defaults") as users write it: one strict
// snake_case YAML/JSON file per preset, file name = slug. Output is the camelCase Preset.
import { z } from "zod";
import { pluginListSchema } from "../../plugins/plugin-entry-schema.js";
import { responseFormatSchema } from "../../structured-output/response-format-schema.js";
import {
  maxOutputTokensSchema,
  reasoningSchema,
  responseCachingSchema,
  seedSchema,
  stopSchema,
  temperatureSchema,
  topPSchema,
} from "../request/generation-fields.js";
import { MODEL_ID_PATTERN, PRESET_SLUG_PATTERN } from "../request/model-reference.js";
import { findUnsupportedRoutingFilters, providerPreferencesSchema } from "../request/provider-preferences.js";
import { isModelAllowed, MODEL_PATTERN } from "./model-allowlist.js";

const slugSchema = z.string().regex(PRESET_SLUG_PATTERN, { error: "expected a slug: lowercase letters, digits, '-' and '_'" });

/** A preset's `provider`: the request's preferences plus `weights`; unsupported filters named as such. */
const presetProviderSchema = z.preprocess((value, ctx) => {
  for (const { key, filter } of findUnsupportedRoutingFilters(value)) {
    ctx.addIssue({ code: "custom", path: [key], message: `routing filter "${filter}" is not supported by the gateway`, params: { keyword: "unsupported_routing_filter" } });
  }
  return value;
}, providerPreferencesSchema);

const presetShape = {
  slug: slugSchema.optional(),
  description: z.string().optional(),
  system_prompt: z.string().optional(),
  /** The default model when a request names none. */
  model: z.string().regex(MODEL_ID_PATTERN, { error: 'expected a model id such as "openai/gpt-5.4-mini"' }).optional(),
  /** Allowlist; `*` wildcards. Absent = every model allowed. */
  models: z.array(z.string().regex(MODEL_PATTERN, { error: 'expected a model id or pattern such as "openai/*"' })).min(1).optional(),
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

const presetFieldsSchema = z.strictObject(presetShape);
type PresetFields = z.output<typeof presetFieldsSchema>;

function checkDefaultModel(fields: PresetFields, ctx: z.core.$RefinementCtx): void {
  if (fields.model !== undefined && !isModelAllowed(fields.model, fields.models)) {
    ctx.addIssue({ code: "custom", path: ["model"], message: `default model "${fields.model}" is outside the preset's own allowlist (models: ${fields.models?.join(", ")})` });
  }
}

function toPreset(fields: PresetFields, slug: string) {
  return {
    slug,
    description: fields.description,
    systemPrompt: fields.system_prompt,
    model: fields.model,
    models: fields.models,
    provider: fields.provider,
    reasoning: fields.reasoning,
    temperature: fields.temperature,
    topP: fields.top_p,
    maxOutputTokens: fields.max_output_tokens,
    stop: fields.stop,
    seed: fields.seed,
    plugins: fields.plugins,
    responseCaching: fields.response_caching,
    responseFormat: fields.response_format,
  };
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
  .strictObject({ ...presetShape, slug: slugSchema })
  .superRefine(checkDefaultModel)
  .transform((fields) => toPreset(fields, fields.slug));

/** A loaded preset. `undefined` fields are left to the request and the gateway defaults. */
export type Preset = z.output<typeof inlinePresetSchema>;
