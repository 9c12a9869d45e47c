// serve's live /usage page: the run report's request explorer around a section that starts empty
// and grows as client/live.js polls the gateway's usage log. Rendered once per served scenario.
import type { ReportAssets } from "./assets.js";
import { escapeHtml as e } from "./escape-html.js";
import { EXPLORER_HTML } from "./explorer-markup.js";
import { renderPage } from "./page-shell.js";
import type { ScenarioData } from "./report-data-schema.js";

/** A scenario's request section, as the explorer reads it (src/scenarios/report/request-rows.ts). */
export type RequestsSectionData = NonNullable<ScenarioData["requests"]>;

/** What live.js needs to poll; embedded in the page, so it must never hold a secret. */
export interface LiveUsageConfig {
  /** Pages of request rows: `?after=<cursor>&limit=<n>`, answered `{ section, next_cursor, has_more, elapsed_ms }`. */
  requests_path: string;
  poll_ms: number;
  page_limit: number;
  /** The page keeps the newest this many requests (the server's usage log retains as many). */
  max_rows: number;
  /** A key to try before asking: only ever the placeholder a gateway that accepts any key takes. */
  try_key: string | null;
}

export interface LiveUsagePageOptions {
  scenario: { name: string; file: string; description: string | null };
  /** The section the page starts from (its columns; usually no rows yet). */
  requests: RequestsSectionData;
  live: LiveUsageConfig;
  /** Shown under the title, e.g. [["gateway", url], ["speed", "10×"]]. */
  facts: readonly (readonly [string, string])[];
}

const KEY_FORM = `<form id="live-key" hidden><label>API key <input id="live-key-input" type="password" autocomplete="off" size="32"></label> <button type="submit">connect</button> <span id="live-key-error" class="failed"></span></form>`;

/**
 * Pure: the same options and assets give the same page.
 *
 * @example
 * const html = renderLiveUsagePage({ scenario, requests: emptySection, live: { requests_path: "/usage/requests", poll_ms: 1000, page_limit: 100, max_rows: 10_000, try_key: "YOUR_API_KEY" }, facts: [] }, assets);
 */
export function renderLiveUsagePage(options: LiveUsagePageOptions, assets: ReportAssets): string {
  const { scenario } = options;
  const title = `gateway-sim usage: ${scenario.name}`;
  const facts = options.facts.map(([k, v]) => `${e(k)} <span class="mono">${e(v)}</span>`).join(" · ");
  const body = `<h1>${e(title)}</h1>
${scenario.description ? `<p>${e(scenario.description)}</p>` : ""}<p class="muted">${facts}</p>
<p><span class="live-dot"></span><span id="live-status" class="muted">connecting…</span></p>
<p id="live-export" class="muted" hidden></p>
${KEY_FORM}
${EXPLORER_HTML}`;
  const data = { scenarios: [{ name: scenario.name, file: scenario.file, requests: options.requests }], live: options.live };
  return renderPage({ title, body, data, scripts: [assets.uplotJs, assets.appJs, assets.liveJs] }, assets);
}
