// The response cache (core/response-cache.ts at the pin): eligibility, policy, key, store and outcome records.
export { cacheEligibility, resolveCachePolicy, CACHE_ELIGIBLE_ENDPOINTS, type CacheEligibilityInput, type CachePolicyDecision, type CachePolicyInput } from "./resolve-cache-policy.js";
export { canonicalJson } from "./canonical-json.js";
export { CACHE_KEY_IGNORED_FIELDS, CACHE_KEY_PREFIX, CACHE_KEY_VERSION, computeCacheKey, sanitiseBody, stripIgnoredFields, type CacheKey, type CacheKeyInput } from "./cache-key.js";
export type { CacheEntry, CacheSetResult, ResponseCacheStore } from "./cache-store.js";
export { createMemoryCacheStore, DEFAULT_MAX_CACHE_BYTES, DEFAULT_MAX_CACHE_ENTRIES, type MemoryCacheStore, type MemoryCacheStoreOptions } from "./memory-cache-store.js";
export { bypassInfo, cacheHeaders, lookupCache, type CacheLookup, type CacheLookupInput } from "./cache-outcome.js";
export * from "./cache-reasons.js";
