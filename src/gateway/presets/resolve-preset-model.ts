// Which model a request runs on once its preset applies: the request's own model, else the
// preset's default; either must pass the preset's allowlist (presetMerge.ts:177-202, before/index.ts:529-550).
import { GatewayError } from "../../core/errors.js";
import { validationError } from "../request/validation-error.js";
import { isModelAllowed, soleConcreteModel } from "./model-allowlist.js";
import type { Preset } from "./preset-schema.js";

export type PresetModelResult = { ok: true; model: string; fromPreset: boolean } | { ok: false; error: GatewayError };

/**
 * - the default model: the preset's `default_model`/`model`, else (reference) `models[0]` or
 *   (documented) the allowlist's one concrete entry;
 * - a model outside the allowlist → 400 validation_error, keyword `preset_model_not_allowed`,
 *   path `preset.config.models`, params `{ preset, model }`;
 * - no model at all → 400 model_required naming the preset (the reference's SQL raises `preset_no_model`).
 *
 * @example
 * resolvePresetModel(undefined, preset, "reference"); // { ok: true, model: "openai/gpt-5.4-mini", fromPreset: true }
 */
export function resolvePresetModel(requested: string | undefined, preset: Preset, defaultModel: "reference" | "documented" = "reference"): PresetModelResult {
  const fallback = preset.model ?? (defaultModel === "reference" ? preset.models?.[0] : soleConcreteModel(preset.models));
  const model = requested ?? fallback;
  if (model === undefined || model.includes("*")) {
    const why =
      model !== undefined
        ? `its first allowlist entry "${model}" is a pattern, not a model`
        : preset.models
          ? `its allowlist (${preset.models.join(", ")}) names no single default`
          : "it sets no model";
    const message = `Preset "${preset.slug}" has no default model: ${why}. Set "model" (or "default_model") in the preset.`;
    return { ok: false, error: new GatewayError("model_required", message, { details: [{ message, path: "model", keyword: "preset_no_model", params: { preset: preset.slug } }] }) };
  }
  if (!isModelAllowed(model, preset.models)) {
    const message = `Model "${model}" is not allowed by preset "${preset.slug}". Allowed models: ${(preset.models ?? []).join(", ")}`;
    return { ok: false, error: validationError([{ message, path: "preset.config.models", keyword: "preset_model_not_allowed", params: { preset: preset.slug, model } }]) };
  }
  return { ok: true, model, fromPreset: requested === undefined };
}
