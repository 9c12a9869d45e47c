// The response cache (reference §7): policy, key, store and outcome records.
export { resolveCachePolicy, type CachePolicyDecision, type CachePolicyInput } from "./resolve-cache-policy.js";
export { canonicalJson } from "./canonical-json.js";
export { CACHE_KEY_IGNORED_FIELDS, computeCacheKey, stripIgnoredFields, type CacheKeyInput } from "./cache-key.js";
export type { CacheEntry, ResponseCacheStore } from "./cache-store.js";
export { createMemoryCacheStore, DEFAULT_MAX_CACHE_ENTRIES, type MemoryCacheStore } from "./memory-cache-store.js";
export { bypassInfo, cacheHeaders, lookupCache, type CacheLookup } from "./cache-outcome.js";
export * from "./cache-reasons.js";
