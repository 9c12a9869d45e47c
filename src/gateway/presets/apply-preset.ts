// The preset merge (reference before/presetMerge.ts) as one pure function: default parameters fill
// missing top-level keys (shallow: the request always wins), the system prompt goes first, the
// reference's provider keys go under the request's, the model is checked against the allowlist, and
// the preset's allow/deny list and routing mode are handed to routing.
import type { GatewayError } from "../../core/errors.js";
import { definedOnly } from "../request/defined-only.js";
import { mergeProviderPreferences, PROVIDER_FIELD_NAMES, setProviderFields } from "../request/merge-provider-preferences.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { ResponsesRequest } from "../request/responses-request-schema.js";
import type { Preset } from "./preset-schema.js";
import { resolvePresetModel } from "./resolve-preset-model.js";
import { prependSystemPrompt } from "./system-prompt.js";

/** Applied before the request's own `only`/`ignore`; an empty result is `no_providers_after_preset_filter`. */
export interface PresetFilter {
  allow?: string[] | undefined;
  deny?: string[] | undefined;
}

/** A request after its preset: the model is resolved and the preset named. */
export type PresetAppliedRequest = ResponsesRequest & { model: string; preset: string };

/** The preset rules that differ between the reference's code and its documentation. */
export interface ApplyPresetOptions {
  /** `reference`: only the reference's provider keys merge; `all`: sort, allow_fallbacks, require_parameters and diagnostics too. */
  providerFields: "reference" | "all";
  /** `reference`: the default model is default_model, else model, else models[0]; `documented`: else the allowlist's one concrete entry. */
  defaultModel: "reference" | "documented";
}

export const REFERENCE_PRESET_OPTIONS: ApplyPresetOptions = { providerFields: "reference", defaultModel: "reference" };

export type ApplyPresetResult =
  | {
      ok: true;
      request: PresetAppliedRequest;
      model: string;
      presetFilter: PresetFilter;
      /** Fields the preset supplied, as written in preset files (`temperature`, `provider.order`, `reasoning`). */
      appliedFromPreset: string[];
    }
  | { ok: false; error: GatewayError };

/** The provider keys a preset merges in the reference (presetMerge.ts:77-108). */
const REFERENCE_PROVIDER_FIELDS = new Set<keyof ProviderPreferences>([
  "order",
  "only",
  "ignore",
  "requiredExecutionRegion",
  "requiredDataRegion",
  "requireZeroDataRetention",
  "maxPrice",
  "preferredMinThroughputTps",
  "preferredMaxLatencySeconds",
]);

/**
 * Plugins are not merged here: they layer gateway defaults → preset → request with locks
 * (`layerPlugins`), so pass `preset.plugins` and `request.plugins` there.
 *
 * @example
 * const applied = applyPreset(parsed.request, store.get("release-summary")!, REFERENCE_PRESET_OPTIONS);
 * if (applied.ok) route({ model: applied.model, preferences: applied.request.provider, presetFilter: applied.presetFilter });
 */
export function applyPreset(request: ResponsesRequest, preset: Preset, options: ApplyPresetOptions = REFERENCE_PRESET_OPTIONS): ApplyPresetResult {
  const model = resolvePresetModel(request.model, preset, options.defaultModel);
  if (!model.ok) return model;
  const applied = new Set<string>(model.fromPreset ? ["model"] : []);
  const fill = <T>(name: string, own: T | undefined, fromPreset: T | undefined): T | undefined => {
    if (own !== undefined || fromPreset === undefined) return own;
    applied.add(name);
    return fromPreset;
  };
  const prompt = prependSystemPrompt({ instructions: request.instructions, input: request.input }, preset.systemPrompt);
  if (prompt.applied) applied.add("system_prompt");
  const presetFilter = presetFilterOf(preset);
  const merged: PresetAppliedRequest = {
    ...request,
    model: model.model,
    preset: preset.slug,
    instructions: prompt.instructions,
    input: prompt.input,
    temperature: fill("temperature", request.temperature, preset.temperature),
    topP: fill("top_p", request.topP, preset.topP),
    maxOutputTokens: fill("max_output_tokens", request.maxOutputTokens, preset.maxOutputTokens),
    stop: fill("stop", request.stop, preset.stop),
    seed: fill("seed", request.seed, preset.seed),
    responseFormat: fill("response_format", request.responseFormat, preset.responseFormat),
    // Shallow (presetMerge.ts:23-29): a request `reasoning` object replaces the preset's whole.
    reasoning: fill("reasoning", request.reasoning, preset.reasoning),
    responseCaching: mergeKeys("response_caching", request.responseCaching, preset.responseCaching, applied),
    provider: mergeProvider(request.provider, preset, options, applied),
  };
  return { ok: true, request: merged, model: model.model, presetFilter, appliedFromPreset: [...applied] };
}

/** The reference's allowlist (only_providers, else provider.only, else provider.order) and denylist. */
function presetFilterOf(preset: Preset): PresetFilter {
  const allow = preset.allowedProviders;
  const deny = preset.deniedProviders;
  return { ...(allow && allow.length > 0 ? { allow: [...allow] } : {}), ...(deny && deny.length > 0 ? { deny: [...deny] } : {}) };
}

/**
 * The preset's provider keys under the request's, request winning per key (presetMerge.ts:109-141).
 * The preset's `only` already defaults to its `order` (preset-schema.ts); empty lists are not copied.
 */
function mergeProvider(own: ProviderPreferences, preset: Preset, options: ApplyPresetOptions, applied: Set<string>): ProviderPreferences {
  const fromPreset = preset.provider;
  const weights = preset.weights;
  if (!fromPreset && !weights) return own;
  const under: ProviderPreferences = { ...mergeProviderPreferences(undefined, undefined), weights };
  if (fromPreset) {
    for (const field of setProviderFields(fromPreset)) {
      if (field === "weights" || field === "mode") continue;
      if (options.providerFields === "reference" && !REFERENCE_PROVIDER_FIELDS.has(field)) continue;
      const value = fromPreset[field];
      if (Array.isArray(value) && value.length === 0) continue;
      Object.assign(under, { [field]: value });
    }
  }
  const ownFields = new Set(setProviderFields(own));
  for (const field of setProviderFields(under)) {
    if (!ownFields.has(field)) applied.add(`provider.${PROVIDER_FIELD_NAMES[field]}`);
  }
  const merged = mergeProviderPreferences(under, own);
  // A request's own weights sit over the preset's, provider by provider.
  if (weights && own.weights) merged.weights = { ...weights, ...own.weights };
  return merged;
}

/** Key-by-key fill for `response_caching` (its TTL and enabled flag are read separately by the cache). */
function mergeKeys<T extends Record<string, unknown>>(name: string, own: T | undefined, fromPreset: T | undefined, applied: Set<string>): T | undefined {
  if (fromPreset === undefined) return own;
  const mine = own === undefined ? {} : definedOnly(own);
  for (const key of Object.keys(definedOnly(fromPreset))) {
    if (!(key in mine)) applied.add(`${name}.${snakeCase(key)}`);
  }
  return { ...definedOnly(fromPreset), ...mine } as T;
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
