// Looks a key up and describes the outcome the way `meta.response_cache` and the headers show it.
import type { ResponseCacheInfo } from "../gateway/types.js";
import type { CacheEntry, ResponseCacheStore } from "./cache-store.js";
import { CACHE_REASON_HEADER, CACHE_STATUS_HEADER, type CacheBypassReason } from "./cache-reasons.js";

export type CacheLookup = { status: "hit"; entry: CacheEntry; info: ResponseCacheInfo } | { status: "miss"; info: ResponseCacheInfo };

/**
 * Looks `key` up at clock time `now`; `ttlSeconds` is the TTL this request would store with.
 *
 * @example
 * const lookup = lookupCache(store, key, clock.now(), 300);
 * if (lookup.status === "hit") return replay(lookup.entry.body);
 */
export function lookupCache(store: ResponseCacheStore, key: string, now: number, ttlSeconds: number): CacheLookup {
  const entry = store.get(key, now);
  if (entry === undefined) return { status: "miss", info: { status: "miss", reason: "not_found", key, ttl_seconds: ttlSeconds } };
  const age = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
  const ttl = Math.round((entry.expiresAt - entry.storedAt) / 1000);
  return { status: "hit", entry, info: { status: "hit", reason: "fresh", key, ttl_seconds: ttl, age_seconds: age } };
}

/**
 * The record of a bypass.
 *
 * @example
 * bypassInfo("streaming"); // { status: "bypass", reason: "streaming" }
 */
export function bypassInfo(reason: CacheBypassReason): ResponseCacheInfo {
  return { status: "bypass", reason };
}

/**
 * The response headers for a cache outcome.
 *
 * @example
 * cacheHeaders({ status: "hit", reason: "fresh" }); // { "x-gateway-cache": "hit", "x-gateway-cache-reason": "fresh" }
 */
export function cacheHeaders(info: ResponseCacheInfo): Record<string, string> {
  return { [CACHE_STATUS_HEADER]: info.status, [CACHE_REASON_HEADER]: info.reason };
}
