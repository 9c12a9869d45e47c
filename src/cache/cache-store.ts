// Where cached answers live. The gateway takes any implementation; gateway-sim ships an in-memory one.
import type { CacheNotStoredReason } from "./cache-reasons.js";

/** One stored answer. Times are the caller's clock (simulated time under a VirtualClock), in ms. */
export interface CacheEntry {
  /** The response body as first sent. */
  body: unknown;
  storedAt: number;
  expiresAt: number;
  /** The provider that served the stored answer (`providerId` of a hit's record). */
  providerId?: string | null;
}

/**
 * What a store did with an answer: kept it, or not and why (`bytes`: the answer's size as the store
 * counts it; `maxBytes`: the store's whole budget).
 */
export type CacheSetResult = { stored: true } | { stored: false; reason: CacheNotStoredReason; bytes: number; maxBytes: number };

/**
 * A response-cache store.
 *
 * @example
 * store.set(key, { body, storedAt: clock.now(), expiresAt: clock.now() + ttlSeconds * 1000 });
 * store.get(key, clock.now()); // the entry until expiresAt, then undefined
 */
export interface ResponseCacheStore {
  /** The entry when it is still fresh at `now` (`now < expiresAt`). */
  get(key: string, now: number): CacheEntry | undefined;
  /** Stores or replaces the entry. A store may say it kept nothing (a store of your own may return nothing). */
  set(key: string, entry: CacheEntry): CacheSetResult | void;
  delete?(key: string): void;
  /** Entries held, fresh or not yet swept. */
  readonly size: number;
}
