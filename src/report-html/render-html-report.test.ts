import { describe, expect, it } from "vitest";
import { loadReportAssets, type ReportAssets } from "./assets.js";
import { renderHtmlReport } from "./render-html-report.js";
import { type ReportData, reportDataSchema } from "./report-data-schema.js";

const hostile = `<img src=x onerror=alert(1)></script>`;
const assets: ReportAssets = { uplotJs: "var uPlot = 1; // </script> inside", uplotCss: ".u{}", appJs: "app();", appCss: "body{}", liveJs: "live();" };
const report: ReportData = {
  summary: { scenarios: 1, passed: 0, failed: 1, invalid: 0, expectations: { passed: 0, failed: 1 }, requests: 1, simulated_ms: 60_000, cost_usd: 0.01 },
  scenarios: [
    {
      file: "s.yaml",
      name: hostile,
      description: hostile,
      seed: "1",
      status: "failed",
      issues: [],
      runs: null,
      error: null,
      stats: { requests: 1, simulated_ms: 60_000, cost_usd: 0.01, client_errors: 1 },
      expectations: [
        {
          name: hostile,
          passed: false,
          selected: 1,
          pass_rate: null,
          seed: "1",
          reproduce: "npx gateway-sim run s.yaml",
          failures: [{ check: "selected_provider", expected: hostile, actual: "openai", failing: 1 }],
        },
      ],
      requests: { total: 1, detail_policy: { kept: 0, first: 100, notable_max: 1000 }, columns: ["index"], providers: ["openai"], names: [hostile], phases: [], rows: [[0]], details: [] },
    },
  ],
  timing: { wall_ms: 500, scenarios: [] },
};

describe("HTML report", () => {
  it("escapes every report value, in markup and in the embedded data", () => {
    const html = renderHtmlReport(report, assets);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;");
    // One closing tag per inline script: the data's and the library's `</script>` are neutralised.
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain("\\u003cimg");
    expect(html).toContain("var uPlot = 1; // <\\/script> inside");
  });

  it("shows the summary (wall against simulated time, client errors) and expected against actual", () => {
    const html = renderHtmlReport(report, assets);
    expect(html).toContain("(×120)");
    expect(html).toMatch(/client errors<\/div><div class="value failed">1</);
    expect(html).toMatch(/selected_provider<\/td><td>&lt;img[^<]*<\/td><td>openai <span class="muted">\(1 of 1\)/);
  });

  it("is self-contained: the real assets are inlined and nothing is loaded from elsewhere", () => {
    const loaded = loadReportAssets();
    if (!loaded.ok) throw new Error(loaded.message);
    const html = renderHtmlReport(report, loaded.assets);
    expect(html).toContain(loaded.assets.uplotJs.slice(0, 200));
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(renderHtmlReport(report, loaded.assets)).toBe(html);
  });

  it("reads a JSON report and rejects other JSON with the path of the problem", () => {
    expect(reportDataSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const bad = reportDataSchema.safeParse({ summary: {}, scenarios: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path[0]).toBe("summary");
  });
});
