// Cache hits replayed as cache hits. Replayed bodies are unique per record (distinct requests stay
// distinct), so a logged hit re-sends the body of the request that stored its entry, found from what
// the hit logged: the entry's key and age.
import type { ReplayRecord } from "./read-usage-log.js";

/** The gateway's platform default TTL (settings.cache.defaultTtlSeconds), which a replay runs with. */
const DEFAULT_TTL_SECONDS = 300;

/** A hit's entry was stored `ageMs` before its lookup; logged times are rounded, so allow 1 ms. */
const STORE_SLACK_MS = 1;

/**
 * For each record, the position of the record whose body it re-sends: its own, except a cache hit,
 * which re-sends the body of the latest miss with the same key that began before the entry was
 * stored. A hit whose entry was stored before the log began shares the body of the first hit on
 * that key (the first of them then misses in the replay, and stores the entry for the rest).
 *
 * @example
 * bodySources(records); // [0, 0, 2, 3, 2] — records 1 and 4 were hits on entries 0 and 2 stored
 */
export function bodySources(records: readonly ReplayRecord[]): number[] {
  const missesByKey = new Map<string, number[]>();
  const firstHitByKey = new Map<string, number>();
  return records.map((record, index) => {
    const cache = record.response_cache;
    const key = cache?.key ?? undefined;
    if (!cache || key === undefined) return index;
    if (cache.status === "miss") {
      missesByKey.set(key, [...(missesByKey.get(key) ?? []), index]);
      return index;
    }
    if (cache.status !== "hit") return index;
    const storedAt = record.time_ms - (cache.ageMs ?? 0) + STORE_SLACK_MS;
    const stored = (missesByKey.get(key) ?? []).findLast((i) => (records[i]?.time_ms ?? Number.POSITIVE_INFINITY) <= storedAt);
    if (stored !== undefined) return stored;
    const first = firstHitByKey.get(key) ?? index;
    firstHitByKey.set(key, first);
    return first;
  });
}

/**
 * The gateway settings a replay needs for its hits to stay hits: a TTL at least as long as the
 * logged entries lived (the replay's requests carry no preset, whose TTL the log may have used).
 * Empty when every hit came within the default TTL.
 *
 * @example
 * cacheSettings(records); // { settings: { cache: { defaultTtlSeconds: 600 } } }
 */
export function cacheSettings(records: readonly ReplayRecord[]): { settings?: { cache: { defaultTtlSeconds: number } } } {
  const hits = records.flatMap((r) => (r.response_cache?.status === "hit" ? [r.response_cache] : []));
  const oldest = Math.max(0, ...hits.map((c) => c.ageMs ?? 0));
  if (oldest < DEFAULT_TTL_SECONDS * 1000) return {};
  const ttl = Math.max(Math.ceil(oldest / 1000) + 1, ...hits.map((c) => (typeof c.ttlSeconds === "number" ? c.ttlSeconds : 0)));
  return { settings: { cache: { defaultTtlSeconds: ttl } } };
}
