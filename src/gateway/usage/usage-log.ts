// The usage log (§8, the seeds' "Gateway → Usage"): one record per request, queryable by id and
// exportable as JSON Lines.
import type { UsageRecord } from "../types.js";

export interface UsageFilter {
  preset?: string;
  model?: string;
  /** The selected provider. */
  provider?: string;
  status?: UsageRecord["status"];
  errorCode?: string;
  /** Clock ms, inclusive. */
  since?: number;
  /** Clock ms, exclusive. */
  until?: number;
  /** At most this many, the oldest first. */
  limit?: number;
}

/** A retained record and its cursor: the log's `total` just after the record was appended. */
export interface UsageLogItem {
  cursor: number;
  record: UsageRecord;
}

/** A page of `listAfter`: items oldest first; `hasMore` when more are retained after the last one. */
export interface UsageLogPage {
  items: UsageLogItem[];
  hasMore: boolean;
}

export interface UsageLog {
  append(record: UsageRecord): void;
  /** Undefined when unknown or no longer retained. */
  get(id: string): UsageRecord | undefined;
  /** Retained records, in the order they were appended. */
  list(filter?: UsageFilter): UsageRecord[];
  /**
   * Retained records appended after `cursor` (0: from the oldest retained), at most `limit`, for
   * incremental reading (`GET /v1/generations?after=`). Cursors only grow: a reader that fell behind
   * the retention resumes at the oldest record still retained.
   */
  listAfter(cursor: number, limit: number): UsageLogPage;
  /** Retained records, one JSON object per line. */
  toJsonLines(): string;
  /** Writes the retained records as JSON Lines to a stream (left open) or a file (replaced). */
  writeJsonLines(target: NodeJS.WritableStream | string): Promise<void>;
  /** Records retained now. */
  readonly size: number;
  /** Records appended since creation, retained or not. */
  readonly total: number;
}

/** Whether `record` passes every condition of `filter`. */
export function matchesUsageFilter(record: UsageRecord, filter: UsageFilter): boolean {
  return (
    (filter.preset === undefined || record.preset === filter.preset) &&
    (filter.model === undefined || record.model === filter.model) &&
    (filter.provider === undefined || record.selected_provider === filter.provider) &&
    (filter.status === undefined || record.status === filter.status) &&
    (filter.errorCode === undefined || record.error_code === filter.errorCode) &&
    (filter.since === undefined || record.time_ms >= filter.since) &&
    (filter.until === undefined || record.time_ms < filter.until)
  );
}
