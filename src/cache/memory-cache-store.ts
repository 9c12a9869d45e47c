// The in-memory response cache: least-recently-used eviction under a count and a byte budget,
// expiry judged on the caller's clock.
import type { CacheEntry, CacheSetResult, ResponseCacheStore } from "./cache-store.js";
import { jsonCopy, jsonCopyMeasured, NOT_PLAIN } from "./json-copy.js";

export const DEFAULT_MAX_CACHE_ENTRIES = 1000;
/**
 * 64 MiB of answers a store (one a surface). gateway-sim's own: the reference's store write has no size
 * rule in code (pipeline/after/index.ts:172-213). Answers of 100 KB reach it at ~670 entries, below
 * the count bound; answers of a few KB never do, so small-answer runs behave as under the count alone.
 */
export const DEFAULT_MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The in-memory store, with `clear()` for tests and scenario resets. */
export interface MemoryCacheStore extends ResponseCacheStore {
  set(key: string, entry: CacheEntry): CacheSetResult;
  delete(key: string): void;
  clear(): void;
  /** The summed size of the entries held, as counted against `maxBytes`. */
  readonly bytes: number;
}

/**
 * The bounds of a store; each defaults to the constant of its name. The stores createGateway builds
 * take theirs from the gateway settings `cache.maxEntries` and `cache.maxBytes`.
 */
export interface MemoryCacheStoreOptions {
  /** At most this many entries (a positive integer; default {@link DEFAULT_MAX_CACHE_ENTRIES}). */
  maxEntries?: number;
  /**
   * At most this many bytes of answers (a positive integer; default {@link DEFAULT_MAX_CACHE_BYTES}).
   * An answer counts the length of its JSON text (see MeasuredCopy): one unit a UTF-16 code unit, which
   * V8 keeps in one byte for Latin-1 text and two otherwise; keys and bookkeeping are not counted.
   */
  maxBytes?: number;
}

interface StoredEntry {
  /** The private copy; undefined when `text` holds the body instead. */
  body: unknown;
  /** The JSON text of a body jsonCopy cannot copy exactly. */
  text: string | undefined;
  bytes: number;
  storedAt: number;
  expiresAt: number;
  providerId: string | null;
}

/**
 * Creates an in-memory store. Bodies are copied in and out as their JSON text would copy them, so a
 * caller that edits a response after storing it (or after a hit) never changes what the next hit
 * replays: a plain body as a private copy (jsonCopy: a walk, a third of a stringify and a parse, which
 * measures the text as it goes), anything else as its JSON text, parsed on each hit.
 *
 * Storing evicts the least recently used entries until both bounds hold; an expired entry is evicted
 * in that order like any other (or dropped when a lookup finds it expired). An answer larger than
 * `maxBytes` on its own is not stored: `set` says so (`entry_too_large`) and drops any older entry
 * under the key, which that answer was replacing.
 *
 * @example
 * const cache = createMemoryCacheStore({ maxEntries: 100, maxBytes: 8 * 1024 * 1024 });
 */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): MemoryCacheStore {
  const maxEntries = positiveInteger("maxEntries", options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES);
  const maxBytes = positiveInteger("maxBytes", options.maxBytes ?? DEFAULT_MAX_CACHE_BYTES);
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, StoredEntry>();
  let bytes = 0;
  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (now >= entry.expiresAt) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(key, entry);
      const body = entry.text === undefined ? jsonCopy(entry.body) : (JSON.parse(entry.text) as unknown);
      return { body, storedAt: entry.storedAt, expiresAt: entry.expiresAt, providerId: entry.providerId };
    },
    set(key, entry) {
      remove(key);
      const measured = jsonCopyMeasured(entry.body);
      const plain = measured !== NOT_PLAIN;
      // JSON.stringify gives undefined for a body that is not JSON at all (typed as a string).
      const text: string | undefined = plain ? undefined : JSON.stringify(entry.body);
      const size = plain ? measured.textLength : (text?.length ?? 0);
      if (size > maxBytes) return { stored: false, reason: "entry_too_large", bytes: size, maxBytes };
      entries.set(key, {
        body: plain ? measured.value : undefined,
        text,
        bytes: size,
        storedAt: entry.storedAt,
        expiresAt: entry.expiresAt,
        providerId: entry.providerId ?? null,
      });
      bytes += size;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        remove(oldest.value);
      }
      return STORED;
    },
    delete: remove,
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

const STORED: CacheSetResult = Object.freeze({ stored: true });

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createMemoryCacheStore: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}
