// The HTML run report and serve's live /usage page: renderers (pure), their inlined assets, and the
// JSON report's shape they read.
export { CLIENT_SCRIPTS, loadReportAssets, type AssetsResult, type ReportAssets } from "./assets.js";
export { contentSecurityPolicy } from "./content-security-policy.js";
export { renderHtmlReport } from "./render-html-report.js";
export { renderLiveUsagePage, type LiveUsageConfig, type LiveUsagePageOptions, type RequestsSectionData } from "./render-live-usage-page.js";
export { reportDataSchema, type ReportData, type ScenarioData } from "./report-data-schema.js";
