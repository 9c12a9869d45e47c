// Turns a page of the usage log into what the live /usage page reads: the run report's request
// rows and details, built by the report's own collector (one implementation of every rule: healing
// outcome, breaker letters, rounding, body cuts), with the timeline's degradation phases so far.
import type { Clock } from "../core/clock.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { degradationPhases } from "../scenarios/report/degradation-phases.js";
import { createRequestCollector } from "../scenarios/report/request-collector.js";
import { type RequestsSection, roundMs } from "../scenarios/report/request-rows.js";
import type { GenerationsPage } from "../server/generations-list-query.js";
import type { LiveExportState } from "./usage-export.js";
import type { UsageJournal } from "./usage-journal.js";

/** One answer of GET /usage/requests: a page-local section, and the cursor to continue from. */
export interface LiveRequestsPage {
  object: "usage.requests";
  /** Its `providers`/`names` indices and `details` are the page's own; the page merges them. */
  section: RequestsSection;
  next_cursor: string;
  has_more: boolean;
  /** Simulated time since the served run started. */
  elapsed_ms: number;
  /** With `--export-usage`: the export's counts so far (written, dropped, lost to an error); else null. */
  export: LiveExportState | null;
}

export interface LiveRequestsViewOptions {
  scenario: LoadedScenario;
  journal: UsageJournal;
  clock: Clock;
  /** Clock time the served run started (set once the gateway listens): offsets and phases count from it. */
  runStart: () => number;
  /** The usage export's state, when the run exports (read at every page). */
  exportState?: (() => LiveExportState) | undefined;
}

/**
 * A request's index is its place in the log (cursor − 1). A page holds at most LIST_LIMIT.max (100)
 * records, which is the collector's DETAIL_FIRST, so it keeps every record's detail.
 *
 * @example
 * usagePageRoutes({ ..., view: liveRequestsView({ scenario, journal, clock, runStart: () => run.origin }) });
 */
export function liveRequestsView(options: LiveRequestsViewOptions): (page: GenerationsPage) => LiveRequestsPage {
  const { scenario, journal, clock } = options;
  return function liveRequests(page) {
    const origin = options.runStart();
    const elapsed = clock.now() - origin;
    const collector = createRequestCollector();
    for (const { cursor, record } of page.items) {
      const name = journal.get(record.id)?.name ?? null;
      collector.add({ index: cursor - 1, name, offsetMs: record.time_ms - origin, record, requestBody: undefined, responseBody: undefined });
    }
    const section = collector.finish(degradationPhases(scenario, elapsed));
    // The journal holds bodies already cut by the report's bodyText, so they go in as they are.
    const details = section.details.map((d) => {
      const entry = journal.get(d.id);
      return { ...d, request_body: entry?.request ?? null, response_body: entry?.response ?? null };
    });
    return {
      object: "usage.requests",
      section: { ...section, details },
      next_cursor: String(page.nextCursor),
      has_more: page.hasMore,
      elapsed_ms: roundMs(elapsed),
      export: options.exportState?.() ?? null,
    };
  };
}
