// Key-by-key merge of two normalised provider preference objects: `provider` under `routing`
// in a request, a preset's `provider` under the request's (§1, §2).
import { definedOnly } from "./defined-only.js";
import type { ProviderPreferences } from "./provider-preferences.js";

/** Preferences with no field set. */
export function emptyProviderPreferences(): ProviderPreferences {
  return {
    order: undefined,
    only: undefined,
    ignore: undefined,
    sort: undefined,
    requestedSort: undefined,
    mode: undefined,
    allowFallbacks: undefined,
    requireParameters: undefined,
    requireZeroDataRetention: undefined,
    requiredExecutionRegion: undefined,
    requiredDataRegion: undefined,
    maxPrice: undefined,
    preferredMaxLatencySeconds: undefined,
    preferredMinThroughputTps: undefined,
    diagnostics: undefined,
    weights: undefined,
  };
}

/**
 * Each field of `over` that is set wins; the rest come from `under`. Fields are replaced whole
 * (an `only` list or a `max_price` object is one value), never concatenated.
 *
 * @example
 * mergeProviderPreferences({ ...empty, sort: "price", only: ["openai"] }, { ...empty, sort: "latency" });
 * // sort "latency", only ["openai"]
 */
export function mergeProviderPreferences(under: ProviderPreferences | undefined, over: ProviderPreferences | undefined): ProviderPreferences {
  // Assigned key by key over the empty object, which fixes the key order: the same result as spreading
  // definedOnly() copies, without the copies (every request with a provider object merges).
  const merged = emptyProviderPreferences();
  assignDefined(merged, under);
  assignDefined(merged, over);
  return merged;
}

function assignDefined(target: ProviderPreferences, source: ProviderPreferences | undefined): void {
  if (source === undefined) return;
  const out = target as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
}

/** Names of the fields set in `preferences`. */
export function setProviderFields(preferences: ProviderPreferences | undefined): (keyof ProviderPreferences)[] {
  return preferences ? (Object.keys(definedOnly(preferences)) as (keyof ProviderPreferences)[]) : [];
}

/** Each normalised field under the name users write (for diagnostics such as "provider.max_price"). */
export const PROVIDER_FIELD_NAMES: Record<keyof ProviderPreferences, string> = {
  order: "order",
  only: "only",
  ignore: "ignore",
  sort: "sort",
  requestedSort: "sort",
  mode: "mode",
  allowFallbacks: "allow_fallbacks",
  requireParameters: "require_parameters",
  requireZeroDataRetention: "require_zero_data_retention",
  requiredExecutionRegion: "required_execution_region",
  requiredDataRegion: "required_data_region",
  maxPrice: "max_price",
  preferredMaxLatencySeconds: "preferred_max_latency",
  preferredMinThroughputTps: "preferred_min_throughput",
  diagnostics: "diagnostics",
  weights: "weights",
};
