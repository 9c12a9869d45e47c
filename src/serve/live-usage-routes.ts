// serve's live usage page: the run report's request explorer at /usage, fed by /usage/requests
// (the list mode of GET /v1/generations, converted by liveRequestsView).
import type { Router } from "express";
import type { Clock } from "../core/clock.js";
import type { UsageLog } from "../gateway/usage/usage-log.js";
import { loadReportAssets } from "../report-html/assets.js";
import { renderLiveUsagePage } from "../report-html/render-live-usage-page.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { createRequestCollector } from "../scenarios/report/request-collector.js";
import { degradationPhases } from "../scenarios/report/degradation-phases.js";
import type { BearerAuthOptions } from "../server/bearer-auth.js";
import { LIST_LIMIT } from "../server/generations-list-query.js";
import { usagePageRoutes } from "../server/usage-page-route.js";
import { liveRequestsView } from "./live-requests-view.js";
import type { LiveExportState } from "./usage-export.js";
import type { UsageJournal } from "./usage-journal.js";

/** How often the page asks for new requests (wall-clock; the page has no simulated clock). */
export const LIVE_POLL_MS = 1000;

export interface LiveUsageOptions {
  scenario: LoadedScenario;
  seed: string;
  speed: number;
  usage: Pick<UsageLog, "listAfter" | "total">;
  journal: UsageJournal;
  clock: Clock;
  /** Usage records the served gateway retains; the page keeps as many. */
  retained: number;
  /** Clock time the served run started (known once the gateway listens). */
  runStart: () => number;
  auth: BearerAuthOptions;
  /** The key the page tries before asking for one: set only when the gateway accepts any key. */
  tryKey: string | null;
  /** With `--export-usage`: the export's counts, shown on the page at every poll. */
  exportState?: (() => LiveExportState) | undefined;
}

/**
 * @example
 * app.use(liveUsageRoutes({ scenario, seed, speed, usage: gateway.usage, journal, clock, retained: 10_000, runStart: () => run.origin, auth, tryKey: "YOUR_API_KEY" }));
 */
export function liveUsageRoutes(options: LiveUsageOptions): Router {
  const { scenario, clock, runStart } = options;
  const assets = loadReportAssets();
  const page = assets.ok
    ? {
        html: renderLiveUsagePage(
          {
            scenario: { name: scenario.name, file: scenario.file, description: scenario.spec.description ?? null },
            requests: createRequestCollector().finish(degradationPhases(scenario, 0)),
            live: { requests_path: "/usage/requests", poll_ms: LIVE_POLL_MS, page_limit: LIST_LIMIT.max, max_rows: options.retained, try_key: options.tryKey },
            facts: [
              ["scenario", scenario.file],
              ["seed", options.seed],
              ["speed", `${options.speed}×`],
            ],
          },
          assets.assets,
        ),
      }
    : { error: assets.message };
  const view = liveRequestsView({ scenario, journal: options.journal, clock, runStart, exportState: options.exportState });
  return usagePageRoutes({ usage: options.usage, page, auth: options.auth, view });
}
