// The in-memory response cache: least-recently-used eviction, expiry judged on the caller's clock.
import type { ResponseCacheStore } from "./cache-store.js";

export const DEFAULT_MAX_CACHE_ENTRIES = 1000;

/** The in-memory store, with `clear()` for tests and scenario resets. */
export interface MemoryCacheStore extends ResponseCacheStore {
  delete(key: string): void;
  clear(): void;
}

/**
 * Creates an in-memory store. Bodies are kept as JSON text (they are HTTP bodies) and parsed on each
 * hit, so a caller that edits a response after storing it (or after a hit) never changes what the
 * next hit replays; one stringify and one parse cost less than structuredClone in and out.
 *
 * @example
 * const cache = createMemoryCacheStore({ maxEntries: 100 });
 */
export function createMemoryCacheStore(options: { maxEntries?: number } = {}): MemoryCacheStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, { text: string; storedAt: number; expiresAt: number; providerId: string | null }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (now >= entry.expiresAt) return undefined;
      entries.set(key, entry);
      return { body: JSON.parse(entry.text) as unknown, storedAt: entry.storedAt, expiresAt: entry.expiresAt, providerId: entry.providerId };
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, { text: JSON.stringify(entry.body), storedAt: entry.storedAt, expiresAt: entry.expiresAt, providerId: entry.providerId ?? null });
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
