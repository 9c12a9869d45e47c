// The reasons a response-cache outcome carries in `meta.response_cache.reason`, and its header.

/**
 * Why a request bypasses the cache. The eligibility reasons are checked in this order
 * (core/response-cache.ts:177-200); `disabled_by_policy` and `store_not_configured` come after
 * (surfaces/text-generate.ts:668-677, 737-746).
 */
export const CACHE_ELIGIBILITY_REASONS = ["unsupported_endpoint", "streaming_request", "debug_enabled", "server_tools_enabled", "tools_present"] as const;
export type CacheEligibilityReason = (typeof CACHE_ELIGIBILITY_REASONS)[number];
export const CACHE_BYPASS_REASONS = [...CACHE_ELIGIBILITY_REASONS, "disabled_by_policy", "store_not_configured"] as const;
export type CacheBypassReason = (typeof CACHE_BYPASS_REASONS)[number];

/**
 * Why a store did not keep an answer it was given. gateway-sim's own: the reference's store write
 * has no size rule in code (the hosted Upstash store is outside the repository), and a failed write is
 * only logged, the client's outcome staying `miss` (pipeline/after/index.ts:172-213).
 */
export const CACHE_NOT_STORED_REASONS = ["entry_too_large"] as const;
export type CacheNotStoredReason = (typeof CACHE_NOT_STORED_REASONS)[number];

/**
 * The response header carrying the cache status: `hit` or `miss`, never sent on a bypass
 * (surfaces/text-generate.ts:544; pipeline/after/index.ts:606-608). Node lower-cases header names.
 */
export const CACHE_STATUS_HEADER = "x-phaseo-response-cache";
