// The request half of the pipeline in one call: parse the body, find its preset, apply it, and
// list the parameters routing's `require_parameters` must check.
import { GatewayError } from "../../core/errors.js";
import { parseResponsesRequest } from "../request/parse-responses-request.js";
import { requestParameters, type OfferParameter } from "../request/request-parameters.js";
import type { ResponsesRequest } from "../request/responses-request-schema.js";
import { applyPreset, type PresetFilter } from "./apply-preset.js";
import type { Preset } from "./preset-schema.js";
import type { PresetStore } from "./preset-store.js";
import { resolvePreset } from "./resolve-preset.js";

export interface PreparedRequest {
  /** The merged request (preset defaults filled in). */
  request: ResponsesRequest & { model: string };
  model: string;
  pinnedProvider: string | undefined;
  preset: Preset | undefined;
  presetFilter: PresetFilter;
  appliedFromPreset: string[];
  /** Catalog parameter names present after the merge (a preset's temperature counts too). */
  parameters: OfferParameter[];
}

export type PrepareRequestResult = { ok: true; prepared: PreparedRequest } | { ok: false; error: GatewayError };

/**
 * @example
 * const prepared = prepareRequest(body, presets);
 * if (!prepared.ok) return { status: prepared.error.status, body: prepared.error.toBody(id) };
 */
export function prepareRequest(body: unknown, presets: PresetStore): PrepareRequestResult {
  const parsed = parseResponsesRequest(body);
  if (!parsed.ok) return parsed;
  const resolved = resolvePreset(parsed.request, presets);
  if (!resolved.ok) return resolved;
  const { preset } = resolved;
  if (!preset) {
    const { request } = parsed;
    const model = request.model;
    // parseResponsesRequest answers model_required itself when neither model nor preset is named.
    if (model === undefined) return { ok: false, error: new GatewayError("model_required", 'Set "model" or select a preset.') };
    const withModel = { ...request, model };
    return {
      ok: true,
      prepared: { request: withModel, model, pinnedProvider: request.pinnedProvider, preset: undefined, presetFilter: {}, appliedFromPreset: [], parameters: requestParameters(withModel) },
    };
  }
  const applied = applyPreset(parsed.request, preset);
  if (!applied.ok) return applied;
  const { request } = applied;
  return {
    ok: true,
    prepared: { request, model: applied.model, pinnedProvider: request.pinnedProvider, preset, presetFilter: applied.presetFilter, appliedFromPreset: applied.appliedFromPreset, parameters: requestParameters(request) },
  };
}
