// The in-memory response cache: least-recently-used eviction, expiry judged on the caller's clock.
import type { ResponseCacheStore } from "./cache-store.js";
import { jsonCopy, NOT_PLAIN } from "./json-copy.js";

export const DEFAULT_MAX_CACHE_ENTRIES = 1000;

/** The in-memory store, with `clear()` for tests and scenario resets. */
export interface MemoryCacheStore extends ResponseCacheStore {
  delete(key: string): void;
  clear(): void;
}

/**
 * Creates an in-memory store. Bodies are copied in and out as their JSON text would copy them, so a
 * caller that edits a response after storing it (or after a hit) never changes what the next hit
 * replays: a plain body as a private copy (jsonCopy: a walk, a third of a stringify and a parse),
 * anything else as its JSON text, parsed on each hit.
 *
 * @example
 * const cache = createMemoryCacheStore({ maxEntries: 100 });
 */
export function createMemoryCacheStore(options: { maxEntries?: number } = {}): MemoryCacheStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  // `body` is the private copy; `text` is set instead for a body jsonCopy cannot copy exactly.
  const entries = new Map<string, { body: unknown; text: string | undefined; storedAt: number; expiresAt: number; providerId: string | null }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (now >= entry.expiresAt) return undefined;
      entries.set(key, entry);
      const body = entry.text === undefined ? jsonCopy(entry.body) : (JSON.parse(entry.text) as unknown);
      return { body, storedAt: entry.storedAt, expiresAt: entry.expiresAt, providerId: entry.providerId };
    },
    set(key, entry) {
      entries.delete(key);
      const copy = jsonCopy(entry.body);
      const plain = copy !== NOT_PLAIN;
      entries.set(key, {
        body: plain ? copy : undefined,
        text: plain ? undefined : JSON.stringify(entry.body),
        storedAt: entry.storedAt,
        expiresAt: entry.expiresAt,
        providerId: entry.providerId ?? null,
      });
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
