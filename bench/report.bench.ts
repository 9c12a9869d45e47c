// Size and build time of the reports of a 100,000-request run, for `npm run bench` (bench/run.ts
// calls benchReport) or on its own: `npx tsx bench/report.bench.ts`. Wall-clock figures, so never
// asserted by a test; the size bound is stated here and printed beside the measured size.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { htmlReport } from "../src/cli/commands/report.js";
import { renderJsonReport } from "../src/scenarios/report/json-reporter.js";
import { runSuite } from "../src/scenarios/run/run-suite.js";

/** The HTML report of a 100,000-request scenario stays under this many bytes. */
export const HTML_REPORT_BOUND_BYTES = 16 * 1024 * 1024;

export interface ReportBenchResult {
  requests: number;
  runSeconds: number;
  jsonBytes: number;
  htmlBytes: number;
  htmlBoundBytes: number;
  withinBound: boolean;
  detailsKept: number;
  renderMs: number;
}

const SCENARIO = `name: report-bench-100k
seed: 100000
catalog: default
providers:
  - id: openai
  - id: openai-eu
traffic:
  load:
    - name: bulk
      duration: 60m
      count: 100000
      arrivals: constant
      templates:
        - body: { model: openai/gpt-5.4-nano, input: "Summarize: {{lorem.sentence}}", provider: { sort: price } }
timeline:
  - { at: 20m, name: openai-503-burst, degrade: { provider: openai, duration: 5m, http_error: 503 } }
expectations:
  - name: clients never see the burst
    client_error_rate: { max: 0.01 }
`;

/**
 * @example
 * const r = await benchReport();
 * console.log(r.htmlBytes, r.withinBound);
 */
export async function benchReport(): Promise<ReportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-report-bench-"));
  try {
    const file = join(dir, "report-bench-100k.yaml");
    writeFileSync(file, SCENARIO);
    const started = performance.now();
    const { report, timing } = await runSuite([file], { snapshots: "none" });
    const runSeconds = (performance.now() - started) / 1000;
    const renderStart = performance.now();
    const json = renderJsonReport(report, timing);
    const html = htmlReport({ ...report, timing });
    const renderMs = performance.now() - renderStart;
    const htmlBytes = Buffer.byteLength(html);
    return {
      requests: report.summary.requests,
      runSeconds,
      jsonBytes: Buffer.byteLength(json),
      htmlBytes,
      htmlBoundBytes: HTML_REPORT_BOUND_BYTES,
      withinBound: htmlBytes <= HTML_REPORT_BOUND_BYTES,
      detailsKept: report.scenarios[0]?.requests?.detail_policy.kept ?? 0,
      renderMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await benchReport();
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`report of a ${r.requests.toLocaleString("en-US")}-request run (simulated in ${r.runSeconds.toFixed(1)}s):`);
  console.log(
    `  HTML ${mb(r.htmlBytes)} (bound ${mb(r.htmlBoundBytes)}: ${r.withinBound ? "within" : "EXCEEDED"}), JSON ${mb(r.jsonBytes)}, ${r.detailsKept} full details, rendered in ${r.renderMs.toFixed(0)} ms`,
  );
}
