// The JSON report. Byte-identical for the same scenarios and seeds: wall-clock time appears only
// in the separate top-level `timing` object, which `--no-timing` leaves out. Each scenario's
// per-request section prints one request (row or detail) per line, so large runs stay compact.
import type { RequestsSection } from "./request-rows.js";
import { roundUsd } from "./request-rows.js";
import type { SuiteReport, SuiteTiming } from "./types.js";

/** Report format version, bumped on breaking changes to the shape. */
export const JSON_REPORT_VERSION = 1;

/** Stands in for a requests section during pretty-printing; replaced by its compact text. */
const placeholder = (i: number): string => `@@gateway-sim:requests:${i}@@`;
/** A placeholder where JSON.stringify put it: a scenario's own `requests` key (a string value never holds a raw line break). */
const SECTION_SLOT = /\n {6}"requests": "@@gateway-sim:requests:(\d+)@@"/g;

/** A requests section with its lists printed one entry per line, at `indent` spaces. */
function renderRequestsSection(section: RequestsSection, indent: number): string {
  const pad = " ".repeat(indent + 2);
  const entries = Object.entries(section).map(([key, value]) => {
    if (!Array.isArray(value) || key === "columns" || key === "providers" || key === "names") return `${pad}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    if (value.length === 0) return `${pad}${JSON.stringify(key)}: []`;
    const items = value.map((item) => `${pad}  ${JSON.stringify(item)}`).join(",\n");
    return `${pad}${JSON.stringify(key)}: [\n${items}\n${pad}]`;
  });
  return `{\n${entries.join(",\n")}\n${" ".repeat(indent)}}`;
}

/**
 * @example
 * writeFileSync("report.json", renderJsonReport(report));            // deterministic
 * writeFileSync("report.json", renderJsonReport(report, timing));    // plus wall-clock timing
 */
export function renderJsonReport(report: SuiteReport, timing?: SuiteTiming): string {
  const sections: RequestsSection[] = [];
  const body = {
    version: JSON_REPORT_VERSION,
    summary: { ...report.summary, cost_usd: roundUsd(report.summary.cost_usd) },
    scenarios: report.scenarios.map(({ requests, ...s }) => ({
      ...s,
      stats: { ...s.stats, cost_usd: roundUsd(s.stats.cost_usd) },
      // null, not absent: every scenario has the same keys (json-report-schema.ts).
      requests: requests ? placeholder(sections.push(requests) - 1) : null,
    })),
    ...(report.shard ? { shard: report.shard } : {}),
    ...(timing ? { timing } : {}),
  };
  // Scenario keys sit at six spaces: `{ "scenarios": [ { "requests": … } ] }`. One pass over the
  // text: a replace per section copied the whole report each time (quadratic: ~8 s of a 70 MB
  // report). Anchored on the line break and the key, so no value a user wrote can match.
  const text = JSON.stringify(body, null, 2).replace(SECTION_SLOT, (_, index: string) => `\n      "requests": ${renderRequestsSection(sections[Number(index)] as RequestsSection, 6)}`);
  return `${text}\n`;
}
