// The HTML run report: renderer (pure), its inlined assets, and the JSON report's shape it reads.
export { loadReportAssets, type AssetsResult, type ReportAssets } from "./assets.js";
export { renderHtmlReport } from "./render-html-report.js";
export { reportDataSchema, type ReportData, type ScenarioData } from "./report-data-schema.js";
