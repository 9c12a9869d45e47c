// The reasons a response-cache outcome can carry in `meta.response_cache.reason` and the header.

/** Why the cache was not consulted (status `bypass`). */
export const CACHE_BYPASS_REASONS = [
  "streaming",
  "tools",
  /** `enabled: false` in the request or the preset. */
  "disabled_by_policy",
  /** The gateway runs without a cache store (gateway-sim only: the real gateway always has one). */
  "no_store",
] as const;
export type CacheBypassReason = (typeof CACHE_BYPASS_REASONS)[number];

/** No fresh entry: never stored, expired on the simulated clock, or evicted. */
export const CACHE_MISS_REASONS = ["not_found"] as const;
export type CacheMissReason = (typeof CACHE_MISS_REASONS)[number];

/** A fresh entry was replayed. */
export const CACHE_HIT_REASONS = ["fresh"] as const;
export type CacheHitReason = (typeof CACHE_HIT_REASONS)[number];

/** The response header carrying the cache status (`hit`, `miss`, `bypass`). */
export const CACHE_STATUS_HEADER = "x-gateway-cache";
/** The response header carrying the reason. */
export const CACHE_REASON_HEADER = "x-gateway-cache-reason";
