// The preset merge (§2) as one pure function: fill-missing (the request always wins), provider
// preferences key by key under the request's, the system prompt prepended, the model checked
// against the allowlist, and the preset's provider allow/deny list handed to routing.
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

export type ApplyPresetResult =
  | {
      ok: true;
      request: PresetAppliedRequest;
      model: string;
      presetFilter: PresetFilter;
      /** Fields the preset supplied, as written in preset files (`temperature`, `provider.sort`, `reasoning.effort`). */
      appliedFromPreset: string[];
    }
  | { ok: false; error: GatewayError };

/**
 * Plugins are not merged here: they layer gateway defaults → preset → request with locks
 * (`layerPlugins`), so pass `preset.plugins` and `request.plugins` there.
 *
 * @example
 * const applied = applyPreset(parsed.request, store.get("release-summary")!);
 * if (applied.ok) route({ model: applied.model, preferences: applied.request.provider, presetFilter: applied.presetFilter });
 */
export function applyPreset(request: ResponsesRequest, preset: Preset): ApplyPresetResult {
  const model = resolvePresetModel(request.model, preset);
  if (!model.ok) return model;
  const applied = new Set<string>(model.fromPreset ? ["model"] : []);
  const fill = <T>(name: string, own: T | undefined, fromPreset: T | undefined): T | undefined => {
    if (own !== undefined || fromPreset === undefined) return own;
    applied.add(name);
    return fromPreset;
  };
  const prompt = prependSystemPrompt({ instructions: request.instructions, input: request.input }, preset.systemPrompt);
  if (prompt.applied) applied.add("system_prompt");
  const presetFilter = presetFilterOf(preset.provider);
  if (presetFilter.allow) applied.add(preset.provider?.only ? "provider.only" : "provider.order");
  if (presetFilter.deny) applied.add("provider.ignore");
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
    reasoning: mergeKeys("reasoning", request.reasoning, preset.reasoning, applied),
    responseCaching: mergeKeys("response_caching", request.responseCaching, preset.responseCaching, applied),
    provider: mergeProvider(request.provider, preset.provider, applied),
  };
  return { ok: true, request: merged, model: model.model, presetFilter, appliedFromPreset: [...applied] };
}

/** The preset's `only` (or, without one, its `order`) allows; its `ignore` denies. */
function presetFilterOf(provider: ProviderPreferences | undefined): PresetFilter {
  const allow = provider?.only ?? provider?.order;
  return { ...(allow ? { allow: [...allow] } : {}), ...(provider?.ignore ? { deny: [...provider.ignore] } : {}) };
}

/**
 * The preset's `only`/`ignore` act as the preset filter, not as request preferences: folded into
 * the request's they would also be subject to the request stage's "restore the full pool" rule.
 */
function mergeProvider(own: ProviderPreferences, fromPreset: ProviderPreferences | undefined, applied: Set<string>): ProviderPreferences {
  if (!fromPreset) return own;
  const under: ProviderPreferences = { ...fromPreset, only: undefined, ignore: undefined };
  const ownFields = new Set(setProviderFields(own));
  for (const field of setProviderFields(under)) {
    if (!ownFields.has(field)) applied.add(`provider.${PROVIDER_FIELD_NAMES[field]}`);
  }
  return mergeProviderPreferences(under, own);
}

/** Key-by-key fill for small option objects (`reasoning`, `response_caching`). */
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
