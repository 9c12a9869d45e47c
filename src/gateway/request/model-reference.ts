// The three spellings of `model` (§1): `org/model`, `provider:org/model` (pins one provider) and
// `@slug` (selects a preset). Parsed once here so routing and presets see plain fields.
import { z } from "zod";

/** A gateway model id such as `openai/gpt-5.4-nano`. */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A requested model: an id, optionally with suffixes after the slash (`:cheap`, `:fast`, `:nitro`, `:free`). */
export const REQUESTED_MODEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*(:[A-Za-z0-9._-]+)*$/;
/** The provider qualifier of `provider:org/model` (requestRouting.ts:95); matched case-insensitively, then lowercased. */
export const PROVIDER_QUALIFIER_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/i;
/** A provider id such as `openai-eu`. */
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A preset slug (also its file name): lowercase letters, digits, `-` and `_`. */
export const PRESET_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export type ModelReference = { kind: "model"; model: string; pinnedProvider?: string | undefined } | { kind: "preset"; preset: string };

/**
 * Reads one `model` value; `{ ok: false, message }` when it is none of the three forms.
 *
 * @example
 * parseModelReference("anthropic-us:anthropic/claude-opus-4.6");
 * // { ok: true, reference: { kind: "model", model: "anthropic/claude-opus-4.6", pinnedProvider: "anthropic-us" } }
 */
export function parseModelReference(value: string): { ok: true; reference: ModelReference } | { ok: false; message: string; keyword: string } {
  const trimmed = value.trim();
  if (trimmed.startsWith("@")) {
    const preset = trimmed.slice(1);
    if (PRESET_SLUG_PATTERN.test(preset)) return { ok: true, reference: { kind: "preset", preset } };
    return { ok: false, message: `"${value}" is not a preset reference: expected "@" and a slug such as "@release-summary"`, keyword: "model_format" };
  }
  const colon = trimmed.indexOf(":");
  const slash = trimmed.indexOf("/");
  // A colon before the first slash separates a provider pin; model ids themselves never contain one.
  if (colon !== -1 && (slash === -1 || colon < slash)) {
    const provider = trimmed.slice(0, colon).trim();
    const model = trimmed.slice(colon + 1).trim();
    // Keywords and checks of the reference (requestRouting.ts:114-160; before/index.ts:277-300).
    if (!PROVIDER_QUALIFIER_PATTERN.test(provider)) {
      return {
        ok: false,
        keyword: "invalid_provider_slug",
        message: `Invalid provider slug "${provider}" in model identifier "${trimmed}": a provider slug starts with a letter or digit and holds only letters, digits, ".", "_" or "-".`,
      };
    }
    if (!REQUESTED_MODEL_PATTERN.test(model)) {
      return { ok: false, keyword: "invalid_provider_qualified_model", message: `Invalid provider-qualified model identifier "${trimmed}": expected "<provider>:<publisher>/<model>".` };
    }
    return { ok: true, reference: { kind: "model", model, pinnedProvider: provider.toLowerCase() } };
  }
  if (!REQUESTED_MODEL_PATTERN.test(trimmed)) return { ok: false, message: modelFormatMessage(value), keyword: "model_format" };
  return { ok: true, reference: { kind: "model", model: trimmed } };
}

function modelFormatMessage(value: string): string {
  return `"${value}" is not a model reference: expected "org/model" (e.g. "openai/gpt-5.4-nano"), "provider:org/model" or "@preset-slug"`;
}

/** `model` as a zod field: validates the form, outputs the parsed reference. */
export const modelReferenceSchema = z.string().transform((value, ctx): ModelReference => {
  const parsed = parseModelReference(value);
  if (parsed.ok) return parsed.reference;
  ctx.addIssue({ code: "custom", message: parsed.message, params: { keyword: parsed.keyword } });
  return z.NEVER;
});

/** `preset` as a zod field: a slug, with or without a leading `@`. */
export const presetSlugSchema = z.string().transform((value, ctx) => {
  const slug = value.trim().replace(/^@/, "");
  if (PRESET_SLUG_PATTERN.test(slug)) return slug;
  ctx.addIssue({ code: "custom", message: `"${value}" is not a preset slug (lowercase letters, digits, "-" and "_")`, params: { keyword: "pattern" } });
  return z.NEVER;
});
