// The document around a report page: inlined styles, the page's data as JSON, then its scripts.
// Both the run report and the live /usage page are built with it, so they load the same way.
import type { ReportAssets } from "./assets.js";
import { escapeHtml, scriptJson, scriptText, styleText } from "./escape-html.js";

export interface PageParts {
  title: string;
  /** Markup between <body> and the scripts, already escaped. */
  body: string;
  /** What the scripts read from `#report-data`. */
  data: unknown;
  /** Script sources, inlined in this order after the data. */
  scripts: readonly string[];
}

/**
 * Pure: the same parts and assets give the same page.
 *
 * @example
 * renderPage({ title: "run", body: EXPLORER_HTML, data: { scenarios: [] }, scripts: [assets.uplotJs, assets.appJs] }, assets);
 */
export function renderPage(parts: PageParts, assets: ReportAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${styleText(assets.uplotCss)}</style>
<style>${styleText(assets.appCss)}</style>
</head>
<body>
${parts.body}
<script type="application/json" id="report-data">${scriptJson(parts.data)}</script>
${parts.scripts.map((code) => `<script>${scriptText(code)}</script>`).join("\n")}
</body>
</html>
`;
}
