// The JSON report. Byte-identical for the same scenarios and seeds: wall-clock time appears only
// in the separate top-level `timing` object, which `--no-timing` leaves out.
import type { SuiteReport, SuiteTiming } from "./types.js";

/** Report format version, bumped on breaking changes to the shape. */
export const JSON_REPORT_VERSION = 1;

/**
 * @example
 * writeFileSync("report.json", renderJsonReport(report));            // deterministic
 * writeFileSync("report.json", renderJsonReport(report, timing));    // plus wall-clock timing
 */
export function renderJsonReport(report: SuiteReport, timing?: SuiteTiming): string {
  const body = {
    version: JSON_REPORT_VERSION,
    summary: { ...report.summary, cost_usd: roundUsd(report.summary.cost_usd) },
    scenarios: report.scenarios.map((s) => ({ ...s, stats: { ...s.stats, cost_usd: roundUsd(s.stats.cost_usd) } })),
    ...(timing ? { timing } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Sums of many float costs print long tails; 12 decimals keep every meaningful digit. */
function roundUsd(usd: number): number {
  return Number(usd.toFixed(12));
}
