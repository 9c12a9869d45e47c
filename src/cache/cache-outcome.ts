// Looks a key up and describes the outcome the way `meta.response_cache` and the header show it
// (surfaces/text-generate.ts:651-746).
import type { CacheTtlSource, ResponseCacheInfo } from "../gateway/types.js";
import type { CacheEntry, ResponseCacheStore } from "./cache-store.js";
import { CACHE_STATUS_HEADER, type CacheBypassReason } from "./cache-reasons.js";

export type CacheLookup = { status: "hit"; entry: CacheEntry; info: ResponseCacheInfo } | { status: "miss"; info: ResponseCacheInfo };

/** What a lookup is about: the key, its digest, and the TTL this request would store with. */
export interface CacheLookupInput {
  key: string;
  fingerprint: string;
  ttlSeconds: number;
  ttlSource: CacheTtlSource;
}

/**
 * Looks the key up at clock time `now`. A hit carries the stored entry's TTL, `createdAt`, age and provider.
 *
 * @example
 * const lookup = lookupCache(store, { key, fingerprint, ttlSeconds: 300, ttlSource: "platform_default" }, clock.now());
 * if (lookup.status === "hit") return replay(lookup.entry.body);
 */
export function lookupCache(store: ResponseCacheStore, input: CacheLookupInput, now: number): CacheLookup {
  const base = { enabled: true, reason: null, key: input.key, fingerprint: input.fingerprint, ttlSource: input.ttlSource };
  const entry = store.get(input.key, now);
  if (entry === undefined) return { status: "miss", info: { ...base, status: "miss", ttlSeconds: input.ttlSeconds } };
  return {
    status: "hit",
    entry,
    info: {
      ...base,
      status: "hit",
      ttlSeconds: Math.round((entry.expiresAt - entry.storedAt) / 1000),
      createdAt: new Date(entry.storedAt).toISOString(),
      ageMs: Math.max(0, now - entry.storedAt),
      providerId: entry.providerId ?? null,
    },
  };
}

/**
 * The record of a bypass: key, fingerprint and TTL null; `ttlSource` only for `disabled_by_policy`.
 *
 * @example
 * bypassInfo("streaming_request"); // { enabled: false, status: "bypass", reason: "streaming_request", key: null, … }
 */
export function bypassInfo(reason: CacheBypassReason, ttlSource: CacheTtlSource | null = null): ResponseCacheInfo {
  return { enabled: false, status: "bypass", reason, key: null, fingerprint: null, ttlSeconds: null, ttlSource };
}

/**
 * The response headers for a cache outcome: `hit` or `miss`, nothing on a bypass.
 *
 * @example
 * cacheHeaders(hitInfo); // { "x-phaseo-response-cache": "hit" }
 */
export function cacheHeaders(info: ResponseCacheInfo): Record<string, string> {
  return info.status === "bypass" ? {} : { [CACHE_STATUS_HEADER]: info.status };
}
