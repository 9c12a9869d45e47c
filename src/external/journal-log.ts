// The fakes server's journal: every finished call with a cursor that only grows (across resets too),
// so a poller passing back `next_cursor` never sees an entry twice; bounded, oldest dropped first.
import type { JournalEntry } from "../fakes/journal/entry.js";

export interface CursoredEntry {
  cursor: number;
  /** The run it belongs to (1, then +1 per reset). */
  run: number;
  entry: JournalEntry;
}

export interface JournalPage {
  object: "list";
  data: CursoredEntry[];
  next_cursor: string;
  has_more: boolean;
}

export interface JournalLog {
  add(run: number, entry: JournalEntry): void;
  /** Entries with a cursor above `after`, oldest first, at most `limit`. */
  page(after: number, limit: number): JournalPage;
  clear(): void;
}

/**
 * @example
 * const log = createJournalLog(10_000);
 * log.add(1, entry); log.page(0, 100).data[0].cursor; // 1
 */
export function createJournalLog(maxEntries: number): JournalLog {
  let items: CursoredEntry[] = [];
  let last = 0;
  return {
    add(run, entry) {
      items.push({ cursor: ++last, run, entry });
      if (items.length >= maxEntries * 2) items = items.slice(items.length - maxEntries);
    },
    page(after, limit) {
      const kept = items.length > maxEntries ? items.slice(items.length - maxEntries) : items;
      const start = kept.findIndex((i) => i.cursor > after);
      const data = start === -1 ? [] : kept.slice(start, start + limit);
      const next = data.at(-1)?.cursor ?? Math.max(after, 0);
      return { object: "list", data, next_cursor: String(next), has_more: start !== -1 && start + limit < kept.length };
    },
    clear() {
      items = [];
    },
  };
}
