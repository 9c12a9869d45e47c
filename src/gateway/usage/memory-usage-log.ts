// The in-memory usage log. Unbounded by default; with `maxRecords` it keeps only the newest
// records (a long run streams the rest to `onRecord`, e.g. a JSON Lines file).
import type { UsageRecord } from "../types.js";
import { toJsonLine, writeJsonLinesTo } from "./json-lines.js";
import { redactSecrets } from "./redact-secrets.js";
import { matchesUsageFilter, type UsageLog, type UsageLogItem } from "./usage-log.js";

export interface MemoryUsageLogOptions {
  /** Keep at most this many records, evicting the oldest; 0 keeps none. Default: all. */
  maxRecords?: number;
  /** Called with every (redacted) record as it is appended, retained or not. */
  onRecord?: (record: UsageRecord) => void;
  /** Strings never to store (client and provider API keys); bearer and `sk-` tokens are always scrubbed. */
  secrets?: readonly string[];
}

/**
 * @example
 * const usage = createMemoryUsageLog({ maxRecords: 10_000 });
 * usage.append(record);
 * usage.get(record.id)?.selected_provider;
 */
export function createMemoryUsageLog(options: MemoryUsageLogOptions = {}): UsageLog {
  const { maxRecords, onRecord, secrets = [] } = options;
  if (maxRecords !== undefined && (!Number.isInteger(maxRecords) || maxRecords < 0)) {
    throw new RangeError(`maxRecords must be a whole number >= 0, got ${maxRecords}`);
  }
  // A Map keeps insertion order, so the first key is always the oldest record and the cursors (the
  // append count when each record came in) increase along it.
  const byId = new Map<string, UsageLogItem>();
  const records = (): UsageRecord[] => Array.from(byId.values(), (item) => item.record);
  let total = 0;

  return {
    append(record) {
      // Only provider error text can echo a key (the gateway never writes one), so only attempts
      // are scrubbed: walking whole records (diagnostics included) cost more than routing them.
      // The attempt log appears twice: gateway-sim's `attempts` and the reference's `provider_attempts`.
      const clean = record.attempts.some((a) => a.message !== undefined)
        ? { ...record, attempts: redactSecrets(record.attempts, secrets), provider_attempts: redactSecrets(record.provider_attempts, secrets) }
        : record;
      total += 1;
      onRecord?.(clean);
      if (maxRecords === 0) return;
      byId.delete(clean.id);
      byId.set(clean.id, { cursor: total, record: clean });
      if (maxRecords !== undefined && byId.size > maxRecords) {
        const oldest = byId.keys().next();
        if (!oldest.done) byId.delete(oldest.value);
      }
    },
    get: (id) => byId.get(id)?.record,
    list(filter = {}) {
      const out: UsageRecord[] = [];
      for (const { record } of byId.values()) {
        if (filter.limit !== undefined && out.length >= filter.limit) break;
        if (matchesUsageFilter(record, filter)) out.push(record);
      }
      return out;
    },
    listAfter(after, limit) {
      const items: UsageLogItem[] = [];
      // A linear scan: the log is read at polling rate, and appends stay one Map write.
      for (const item of byId.values()) {
        if (item.cursor <= after) continue;
        if (items.length >= limit) return { items, hasMore: true };
        items.push(item);
      }
      return { items, hasMore: false };
    },
    toJsonLines: () => records().map(toJsonLine).join(""),
    writeJsonLines: (target) => writeJsonLinesTo(target, records()),
    get size() {
      return byId.size;
    },
    get total() {
      return total;
    },
  };
}
