// The in-memory response cache: least-recently-used eviction, expiry judged on the caller's clock.
import type { CacheEntry, ResponseCacheStore } from "./cache-store.js";

export const DEFAULT_MAX_CACHE_ENTRIES = 1000;

/** The in-memory store, with `clear()` for tests and scenario resets. */
export interface MemoryCacheStore extends ResponseCacheStore {
  delete(key: string): void;
  clear(): void;
}

/**
 * Creates an in-memory store. Bodies are copied in and out, so a caller that edits a response after
 * storing it (or after a hit) never changes what the next hit replays.
 *
 * @example
 * const cache = createMemoryCacheStore({ maxEntries: 100 });
 */
export function createMemoryCacheStore(options: { maxEntries?: number } = {}): MemoryCacheStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, CacheEntry>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (now >= entry.expiresAt) return undefined;
      entries.set(key, entry);
      return { ...entry, body: structuredClone(entry.body) };
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, { ...entry, body: structuredClone(entry.body) });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
