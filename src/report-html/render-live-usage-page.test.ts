import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReportAssets } from "./assets.js";
import { contentSecurityPolicy } from "./content-security-policy.js";
import { renderLiveUsagePage, type LiveUsagePageOptions } from "./render-live-usage-page.js";

const hostile = `<img src=x onerror=alert(1)></script>`;
const assets: ReportAssets = { uplotJs: "uplot();", uplotCss: ".u{}", appJs: "app();", appCss: "body{}", liveJs: "live(); // </script>" };
const options: LiveUsagePageOptions = {
  scenario: { name: hostile, file: "s.yaml", description: null },
  requests: { total: 0, detail_policy: { kept: 0, first: 100, notable_max: 1000 }, columns: ["index"], providers: [], names: [], phases: [], rows: [], details: [] },
  live: { requests_path: "/usage/requests", poll_ms: 1000, page_limit: 100, max_rows: 10_000, try_key: null },
  facts: [["gateway", hostile]],
};

function embeddedData(html: string): unknown {
  const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? "null");
}

describe("live usage page", () => {
  it("embeds the explorer, the live settings and the key form, every value escaped", () => {
    const html = renderLiveUsagePage(options, assets);
    expect(html).not.toContain("<img");
    expect(html).toContain('<section id="explorer">');
    expect(html).toContain('<form id="live-key" hidden>');
    // Where live.js shows the usage export's counts, when the answers carry them.
    expect(html).toContain('<p id="live-export" class="muted" hidden></p>');
    expect(embeddedData(html)).toEqual({ scenarios: [{ name: hostile, file: "s.yaml", requests: options.requests }], live: options.live });
    // data, uPlot, the explorer, the poller: the poller comes last, after the explorer it drives.
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    expect(html.indexOf("live();")).toBeGreaterThan(html.indexOf("app();"));
  });

  it("allows exactly its own inline scripts, by hash, and only same-origin fetches", () => {
    const html = renderLiveUsagePage(options, assets);
    const policy = contentSecurityPolicy(html);
    const hash = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
    expect(policy).toContain(`script-src ${hash("uplot();")} ${hash("app();")} ${hash("live(); // <\\/script>")};`);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  });
});
