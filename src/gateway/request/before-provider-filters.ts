// The before stage's provider gates, on the model's catalog offers and in the reference's order
// (before/index.ts:552-584, 647-788): the preset's allow/deny list, the pinned provider (`provider:org/model`),
// then the request's `only`/`ignore`, which fail closed. Each empty result is a 400 validation_error.
import { GatewayError } from "../../core/errors.js";
import type { Offer } from "../catalog/schema.js";
import type { ProviderPreferences } from "./provider-preferences.js";
import { validationError } from "./validation-error.js";

export interface BeforeFilterInput {
  model: string;
  /** The model's offers in the catalog; none means routing reports the unknown model. */
  offers: readonly Offer[];
  /** Every provider the gateway knows (the reference: its executors); read only when `pinnedProvider` is set. */
  knownProviders: readonly string[];
  preset: { slug: string; allow?: readonly string[] | undefined; deny?: readonly string[] | undefined } | undefined;
  pinnedProvider: string | undefined;
  /** The merged request preferences (`routing` over `provider`, over the preset's). */
  provider: ProviderPreferences;
  /** `fail_closed` (reference) or `defer_to_routing` (routing's emptyPoolAfterProviderFilter decides). */
  providerFilterNoMatch: "fail_closed" | "defer_to_routing";
}

export type BeforeFilterResult = { ok: true; provider: ProviderPreferences } | { ok: false; error: GatewayError };

/**
 * @example
 * const gated = beforeProviderFilters({ model, offers, knownProviders, preset: undefined, pinnedProvider: "openai", provider, providerFilterNoMatch: "fail_closed" });
 * if (gated.ok) request.provider = gated.provider; // only: ["openai"]
 */
export function beforeProviderFilters(input: BeforeFilterInput): BeforeFilterResult {
  const { model, preset, pinnedProvider } = input;
  let provider = input.provider;
  if (pinnedProvider !== undefined && !input.knownProviders.includes(pinnedProvider)) {
    const message = `Unknown provider slug "${pinnedProvider}" in provider-qualified model "${pinnedProvider}:${model}". Use a provider id from the catalog (${input.knownProviders.join(", ")}).`;
    return { ok: false, error: validationError([{ message, path: "model", keyword: "unknown_provider_slug", params: { provider: pinnedProvider, model } }]) };
  }
  if (input.offers.length === 0) return { ok: true, provider };
  // The common request names no preset filter, pin, only or ignore: nothing to check.
  const presetFilters = (preset?.allow?.length ?? 0) > 0 || (preset?.deny?.length ?? 0) > 0;
  if (!presetFilters && pinnedProvider === undefined && !provider.only?.length && !provider.ignore?.length) return { ok: true, provider };
  // Built only when a preset filter or a pin narrows it: the common `only`/`ignore` request reads the offers.
  let pool: string[] | undefined;

  if (preset && presetFilters) {
    pool = providersOf(input.offers);
    const allow = preset.allow && preset.allow.length > 0 ? new Set(preset.allow) : undefined;
    const deny = new Set(preset.deny ?? []);
    pool = pool.filter((p) => (!allow || allow.has(p)) && !deny.has(p));
    if (pool.length === 0) {
      const message = `Preset "${preset.slug}" filters resulted in no available providers for ${model} (allow: [${(preset.allow ?? []).join(", ")}], deny: [${(preset.deny ?? []).join(", ")}]; offered by ${input.offers.map((o) => o.provider).join(", ")})`;
      return { ok: false, error: validationError([{ message, path: "preset", keyword: "no_providers_after_preset_filter", params: { preset: preset.slug } }]) };
    }
  }

  if (pinnedProvider !== undefined) {
    const conflict = pinConflict(pinnedProvider, provider);
    if (conflict) {
      const message = `Provider-qualified model "${pinnedProvider}:${model}" conflicts with ${conflict.field} [${conflict.values.join(", ")}]: the pin is an exact provider, so drop it from ${conflict.field} or drop the "${pinnedProvider}:" prefix`;
      return {
        ok: false,
        error: validationError([
          { message, path: conflict.field, keyword: "provider_qualified_model_conflict", params: { provider: pinnedProvider, model, field: conflict.field, values: conflict.values } },
        ]),
      };
    }
    // The pin rewrites `only` to itself (requestRouting.ts:273-291); it never widens the pool.
    provider = { ...provider, only: [pinnedProvider] };
    pool ??= providersOf(input.offers);
    if (!pool.includes(pinnedProvider)) {
      const message = `Provider-qualified model "${pinnedProvider}:${model}" is not available for this endpoint (offered by ${pool.join(", ")})`;
      const error = validationError([{ message, path: "model", keyword: "qualified_provider_unavailable", params: { provider: pinnedProvider, model } }]);
      return { ok: false, error: withExtra(error, { reason: "qualified_provider_unavailable", model, provider: pinnedProvider }) };
    }
  }

  const only = lowerList(provider.only);
  const ignore = lowerList(provider.ignore);
  if (input.providerFilterNoMatch === "fail_closed" && (only.length > 0 || ignore.length > 0)) {
    // Only whether one provider is left matters here: routing applies the filters to the pool itself.
    if (!anyKept(pool ?? input.offers, only, ignore)) {
      const candidates = pool ?? providersOf(input.offers);
      const message = `The request provider filters did not match any available routes for ${model} (only: [${only.join(", ")}], ignore: [${ignore.join(", ")}]; candidates: ${candidates.join(", ")}). The reference gateway refuses the request here, before routing, rather than restoring the full pool`;
      const error = validationError([{ message, path: "provider", keyword: "request_provider_filter_no_match", params: { only: only.slice(), ignore: ignore.slice(), candidates } }]);
      return { ok: false, error: withExtra(error, { reason: "request_provider_filter_no_match", model }) };
    }
  }
  return { ok: true, provider };
}

/** `only` without the pin, or `ignore` with it (requestRouting.ts:233-271). */
function pinConflict(pin: string, provider: ProviderPreferences): { field: "provider.only" | "provider.ignore"; values: string[] } | undefined {
  const only = lowerList(provider.only);
  if (only.length > 0 && !only.includes(pin)) return { field: "provider.only", values: only.slice() };
  const ignore = lowerList(provider.ignore);
  if (ignore.includes(pin)) return { field: "provider.ignore", values: ignore.slice() };
  return undefined;
}

/** Whether one provider of the pool (provider ids, or the offers themselves) passes `only` and `ignore`. */
function anyKept(pool: readonly (string | Offer)[], only: readonly string[], ignore: readonly string[]): boolean {
  for (let i = 0; i < pool.length; i++) {
    const entry = pool[i] as string | Offer;
    const p = typeof entry === "string" ? entry : entry.provider;
    if ((only.length === 0 || only.includes(p)) && !ignore.includes(p)) return true;
  }
  return false;
}

function providersOf(offers: readonly Offer[]): string[] {
  return offers.map((offer) => offer.provider);
}

/** The list of no entries: shared, so frozen. */
const NO_ENTRIES: readonly string[] = Object.freeze([]);

/** Trimmed, lowercased, empty entries dropped (the reference normalises provider lists the same way). */
function lowerList(list: readonly string[] | undefined): readonly string[] {
  if (list === undefined || list.length === 0) return NO_ENTRIES;
  // Most lists hold ids already written that way: the list itself (callers copy it into errors).
  if (list.every(isLowerId)) return list;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = asciiLower((list[i] as string).trim());
    if (p !== "") out.push(p);
  }
  return out;
}

/** Already trimmed, lower-case and not empty: what lowerList would make of it. */
function isLowerId(value: string): boolean {
  return value !== "" && value.trim() === value && asciiLower(value) === value;
}

/** `value.toLowerCase()`, without the copy it makes of a string that has no upper-case letter (provider ids never do). */
function asciiLower(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return value.toLowerCase();
  }
  return value;
}

function withExtra(error: GatewayError, extra: Record<string, unknown>): GatewayError {
  return new GatewayError(error.code, error.message, { details: error.details ?? [], extra });
}
