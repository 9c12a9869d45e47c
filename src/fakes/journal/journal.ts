// The record of every call to the fakes, for scenarios to assert on. Bounded on request: large
// runs keep a summary and the last N entries, and listeners see every entry as it completes.
import type { CallOutcome, JournalEntry } from "./entry.js";

export interface JournalOptions {
  /** Keep response bodies in entries (default false: bodies are never retained). */
  keepBodies?: boolean;
  /** Keep at most this many entries, dropping the oldest (default: all). The summary always covers every call. */
  maxEntries?: number;
  /** Called with each entry when its call completes. */
  onEntry?: (entry: JournalEntry) => void;
}

/** Counts over every call ever recorded, per provider. */
export interface JournalSummary {
  total: number;
  byProvider: Record<string, { calls: number; outcomes: Partial<Record<CallOutcome, number>>; statuses: Record<string, number>; faults: Record<string, number> }>;
}

export interface Journal {
  readonly keepBodies: boolean;
  /** Retained entries in completion order. */
  readonly entries: readonly JournalEntry[];
  /** Every call recorded, retained or not. */
  readonly total: number;
  record(entry: JournalEntry): void;
  summary(): JournalSummary;
  /** Subscribes to entries; returns the unsubscribe function. */
  subscribe(listener: (entry: JournalEntry) => void): () => void;
  /** One JSON object per line, in completion order. */
  toJsonLines(): string;
}

/**
 * A journal.
 *
 * @example
 * const journal = createJournal({ maxEntries: 1000, onEntry: (e) => log(e) });
 */
export function createJournal(options: JournalOptions = {}): Journal {
  const max = options.maxEntries ?? Number.POSITIVE_INFINITY;
  let entries: JournalEntry[] = [];
  let total = 0;
  const summary: JournalSummary = { total: 0, byProvider: {} };
  const listeners = new Set<(entry: JournalEntry) => void>();
  if (options.onEntry) listeners.add(options.onEntry);
  return {
    keepBodies: options.keepBodies ?? false,
    get entries() {
      if (entries.length > max) entries = entries.slice(entries.length - max);
      return entries;
    },
    get total() {
      return total;
    },
    record(entry) {
      total++;
      tally(summary, entry);
      entries.push(entry);
      // Trim in batches so a bounded journal stays O(1) amortised per entry.
      if (entries.length >= max * 2 + 1) entries = entries.slice(entries.length - max);
      for (const listener of listeners) listener(entry);
    },
    summary: () => structuredClone(summary),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    toJsonLines() {
      return this.entries.map((e) => JSON.stringify(e)).join("\n") + (this.entries.length > 0 ? "\n" : "");
    },
  };
}

function tally(summary: JournalSummary, entry: JournalEntry): void {
  summary.total++;
  const p = (summary.byProvider[entry.provider] ??= { calls: 0, outcomes: {}, statuses: {}, faults: {} });
  p.calls++;
  p.outcomes[entry.outcome] = (p.outcomes[entry.outcome] ?? 0) + 1;
  const status = entry.status === undefined ? "none" : String(entry.status);
  p.statuses[status] = (p.statuses[status] ?? 0) + 1;
  for (const fault of entry.faults) p.faults[fault.kind] = (p.faults[fault.kind] ?? 0) + 1;
}
