// The HTML run report: one self-contained file (scripts, styles and data inlined) with the run
// summary, every expectation, charts, the request table and the request detail dialog.
import type { ReportAssets } from "./assets.js";
import { escapeHtml } from "./escape-html.js";
import { EXPLORER_HTML } from "./explorer-markup.js";
import { renderPage } from "./page-shell.js";
import type { ReportData } from "./report-data-schema.js";
import { renderScenario, renderSummaryCards } from "./render-summary.js";

/** What the page's script reads: everything but what the server already rendered. */
function pageData(report: ReportData): unknown {
  return { scenarios: report.scenarios.map((s) => ({ name: s.name, file: s.file, requests: s.requests ?? null })) };
}

/**
 * Pure: the same report and assets give the same page.
 *
 * @example
 * const assets = loadReportAssets();
 * if (assets.ok) writeFileSync("report.html", renderHtmlReport(report, assets.assets));
 */
export function renderHtmlReport(report: ReportData, assets: ReportAssets, title = "gateway-sim run report"): string {
  const body = `<h1>${escapeHtml(title)}</h1>
${renderSummaryCards(report)}
<h2>Scenarios</h2>
${report.scenarios.map(renderScenario).join("\n")}
${EXPLORER_HTML}`;
  return renderPage({ title, body, data: pageData(report), scripts: [assets.uplotJs, assets.appJs] }, assets);
}
