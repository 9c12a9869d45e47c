// Which model a request runs on once its preset applies (§2): the request's own model if the
// preset's allowlist admits it, else the preset's default.
import { GatewayError } from "../../core/errors.js";
import { validationError } from "../request/validation-error.js";
import { isModelAllowed, soleConcreteModel } from "./model-allowlist.js";
import type { Preset } from "./preset-schema.js";

export type PresetModelResult = { ok: true; model: string; fromPreset: boolean } | { ok: false; error: GatewayError };

/**
 * - request model outside the allowlist → 400 validation_error, keyword `preset_model_not_allowed`;
 * - no request model → the preset's `model`, else the allowlist's one concrete entry;
 * - neither → 400 model_required naming the preset.
 *
 * @example
 * resolvePresetModel(undefined, preset); // { ok: true, model: "openai/gpt-5.4-mini", fromPreset: true }
 */
export function resolvePresetModel(requested: string | undefined, preset: Preset): PresetModelResult {
  if (requested !== undefined) {
    if (isModelAllowed(requested, preset.models)) return { ok: true, model: requested, fromPreset: false };
    const message = `model "${requested}" is not allowed by preset "${preset.slug}" (allowed: ${(preset.models ?? []).join(", ")})`;
    return { ok: false, error: validationError([{ message, path: "model", keyword: "preset_model_not_allowed" }]) };
  }
  const fallback = preset.model ?? soleConcreteModel(preset.models);
  if (fallback !== undefined) return { ok: true, model: fallback, fromPreset: true };
  const why = preset.models
    ? `its allowlist (${preset.models.join(", ")}) names no single default`
    : "it sets no model";
  const message = `Preset "${preset.slug}" has no default model: ${why}. Set "model" in the request, or "model" in the preset.`;
  return { ok: false, error: new GatewayError("model_required", message, { details: [{ message, path: "model", keyword: "model_required" }] }) };
}
