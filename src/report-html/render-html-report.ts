// The HTML run report: one self-contained file (scripts, styles and data inlined) with the run
// summary, every expectation, charts, the request table and the request detail dialog.
import type { ReportAssets } from "./assets.js";
import { escapeHtml, scriptJson, scriptText, styleText } from "./escape-html.js";
import type { ReportData } from "./report-data-schema.js";
import { renderScenario, renderSummaryCards } from "./render-summary.js";

/** What the page's script reads: everything but what the server already rendered. */
function pageData(report: ReportData): unknown {
  return { scenarios: report.scenarios.map((s) => ({ name: s.name, file: s.file, requests: s.requests ?? null })) };
}

const EXPLORER = `<section id="explorer">
<h2>Requests</h2>
<p><label>scenario <select id="scenario-picker"></select></label> <span class="muted" id="detail-note"></span></p>
<p class="muted">Shaded bands: degradation phases (the profiles' and the timeline's). Intervals are about 1/120 of the run.</p>
<div class="charts" id="charts"></div>
<div class="filters">
<label>provider <select id="f-provider"></select></label>
<label>status <select id="f-status"></select></label>
<label>healing <select id="f-healing"></select></label>
<label>cache <select id="f-cache"></select></label>
<label><input type="checkbox" id="f-failover"> failed over</label>
<label>id <input id="f-id" size="28" placeholder="G-…"></label>
</div>
<div class="pager"><button id="prev">‹ previous</button><button id="next">next ›</button><span id="page-info" class="muted"></span></div>
<table id="requests"><thead><tr><th>#</th><th>sent</th><th>id</th><th>name</th><th>provider</th><th>attempts</th><th>status</th><th>latency</th><th>first token</th><th>cost</th><th>healing</th><th>cache</th><th></th></tr></thead>
<tbody id="requests-body"></tbody></table>
</section>
<dialog id="detail"><div class="dialog-bar"><button id="detail-close">close</button></div><div id="detail-body"></div></dialog>`;

/**
 * Pure: the same report and assets give the same page.
 *
 * @example
 * const assets = loadReportAssets();
 * if (assets.ok) writeFileSync("report.html", renderHtmlReport(report, assets.assets));
 */
export function renderHtmlReport(report: ReportData, assets: ReportAssets, title = "gateway-sim run report"): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styleText(assets.uplotCss)}</style>
<style>${styleText(assets.appCss)}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${renderSummaryCards(report)}
<h2>Scenarios</h2>
${report.scenarios.map(renderScenario).join("\n")}
${EXPLORER}
<script type="application/json" id="report-data">${scriptJson(pageData(report))}</script>
<script>${scriptText(assets.uplotJs)}</script>
<script>${scriptText(assets.appJs)}</script>
</body>
</html>
`;
}
