// Key-by-key merge of two normalised provider preference objects: `provider` under `routing`
// in a request, a preset's `provider` under the request's (§1, §2).
import { definedOnly } from "./defined-only.js";
import type { ProviderPreferences } from "./provider-preferences.js";

/** Preferences with no field set. */
export function emptyProviderPreferences(): ProviderPreferences {
  return mergeProviderPreferences(undefined, undefined);
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
  // One literal holding every field in one order (the type makes it name each): every request with a
  // provider object merges, and copying through spreads and key loops cost more than the rest of it.
  return {
    order: either(under?.order, over?.order),
    only: either(under?.only, over?.only),
    ignore: either(under?.ignore, over?.ignore),
    sort: either(under?.sort, over?.sort),
    requestedSort: either(under?.requestedSort, over?.requestedSort),
    mode: either(under?.mode, over?.mode),
    allowFallbacks: either(under?.allowFallbacks, over?.allowFallbacks),
    requireParameters: either(under?.requireParameters, over?.requireParameters),
    requireZeroDataRetention: either(under?.requireZeroDataRetention, over?.requireZeroDataRetention),
    requiredExecutionRegion: either(under?.requiredExecutionRegion, over?.requiredExecutionRegion),
    requiredDataRegion: either(under?.requiredDataRegion, over?.requiredDataRegion),
    maxPrice: either(under?.maxPrice, over?.maxPrice),
    preferredMaxLatencySeconds: either(under?.preferredMaxLatencySeconds, over?.preferredMaxLatencySeconds),
    preferredMinThroughputTps: either(under?.preferredMinThroughputTps, over?.preferredMinThroughputTps),
    diagnostics: either(under?.diagnostics, over?.diagnostics),
    weights: either(under?.weights, over?.weights),
  };
}

/** `over` when set (null counts as set, as a key-by-key spread of defined values would keep it), else `under`. */
function either<T>(under: T | undefined, over: T | undefined): T | undefined {
  return over !== undefined ? over : under;
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
