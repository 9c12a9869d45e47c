// The files the HTML report and serve's live /usage page inline, read when a page is built: uPlot
// (the charting library) and the pages' own scripts and stylesheet. Nothing is fetched on opening.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ReportAssets {
  uplotJs: string;
  uplotCss: string;
  /** The request explorer: DOM helpers, detail dialog, charts and table (CLIENT_SCRIPTS, in order). */
  appJs: string;
  appCss: string;
  /** The live page's poller (client/live.js), used by the /usage page only. */
  liveJs: string;
}

/** The explorer's scripts, in load order: each later one uses what the earlier ones put on `window.gatewaySim`. */
export const CLIENT_SCRIPTS = ["dom.js", "detail-dialog.js", "app.js"] as const;

export type AssetsResult = { ok: true; assets: ReportAssets } | { ok: false; message: string };

const clientDir = join(dirname(fileURLToPath(import.meta.url)), "client");

/** uPlot's browser build and stylesheet, from the installed `uplot` package. */
function uplotFiles(): { js: string; css: string } | string {
  try {
    const dist = join(dirname(createRequire(import.meta.url).resolve("uplot/package.json")), "dist");
    return { js: readFileSync(join(dist, "uPlot.iife.min.js"), "utf8"), css: readFileSync(join(dist, "uPlot.min.css"), "utf8") };
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return `the HTML report needs the \`uplot\` package (npm install uplot@^1.6.32): ${why}`;
  }
}

/**
 * @example
 * const result = loadReportAssets();
 * if (!result.ok) throw new CliError("E_USAGE", result.message);
 */
export function loadReportAssets(): AssetsResult {
  const uplot = uplotFiles();
  if (typeof uplot === "string") return { ok: false, message: uplot };
  return {
    ok: true,
    assets: {
      uplotJs: uplot.js,
      uplotCss: uplot.css,
      appJs: CLIENT_SCRIPTS.map((file) => readFileSync(join(clientDir, file), "utf8")).join("\n"),
      appCss: readFileSync(join(clientDir, "style.css"), "utf8"),
      liveJs: readFileSync(join(clientDir, "live.js"), "utf8"),
    },
  };
}
