// The HTML run report in a real browser (playwright-core driving Chromium, found by support/chromium.ts): the example
// suite's report opens without a network, a failed-over request can be filtered to and opened,
// and its ranked providers and score factors on the page equal the JSON report's.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/program.js";
import type { RequestDetail } from "../src/scenarios/report/request-detail.js";
import type { RequestsSection } from "../src/scenarios/report/request-rows.js";
import { chromiumFor } from "./support/chromium.js";

const OUT = resolve("reports/browser");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function quietIo(): CliIo & { err: () => string } {
  let err = "";
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: process.cwd(), env: {}, err: () => err };
}

interface JsonScenario {
  name: string;
  requests?: RequestsSection;
}

/** The first kept detail of a request that failed over, and its scenario's index. */
function failedOver(scenarios: readonly JsonScenario[]): { scenario: number; detail: RequestDetail } {
  for (const [i, s] of scenarios.entries()) {
    const detail = s.requests?.details.find((d) => d.attempts.length > 1 && d.routing !== null);
    if (detail) return { scenario: i, detail };
  }
  throw new Error("no request failed over in the example suite");
}

const userData = mkdtempSync(join(tmpdir(), "gateway-sim-chromium-"));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe("HTML run report in chromium", () => {
  it("shows a failed-over request's ranked providers and score factors as the JSON report has them", async (ctx) => {
    const executablePath = chromiumFor(ctx);
    mkdirSync(OUT, { recursive: true });
    const json = join(OUT, "run.json");
    const html = join(OUT, "run.html");
    const io = quietIo();
    const ran = await runCli(["run", "scenarios", "--reporter", "json", "--output", json, "--no-timing", "--no-progress", "--no-color"], io);
    expect([0, 1], io.err()).toContain(ran);
    expect(await runCli(["report", json, "-o", html], io), io.err()).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as { scenarios: JsonScenario[] };
    const { scenario, detail } = failedOver(report.scenarios);

    const context = await chromium.launchPersistentContext(userData, { executablePath, args: ARGS, headless: true, viewport: { width: 1400, height: 1000 } });
    try {
      const external: string[] = [];
      await context.route("**/*", (route) => {
        if (route.request().url().startsWith("file:")) return route.continue();
        external.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector("body[data-ready=true]");
      expect(await page.locator("#charts .uplot").count()).toBeGreaterThanOrEqual(4);

      await page.selectOption("#scenario-picker", String(scenario));
      await page.check("#f-failover");
      await page.fill("#f-id", detail.id);
      const row = page.locator(`#requests-body tr[data-id="${detail.id}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.getAttribute("data-failover")).toBe("yes");
      await row.locator("button.open-detail").click();
      await page.waitForSelector("#detail[open] #ranked");

      const rows = await page.$$eval("#ranked tbody tr", (trs) =>
        trs.map((tr) => ({
          provider: tr.querySelector(".provider")?.textContent ?? "",
          rank: Number(tr.getAttribute("data-rank")),
          score: Number(tr.querySelector(".score")?.getAttribute("data-value")),
        })),
      );
      const cells = await page.$$eval("#ranked tbody .factor[data-value]", (tds) =>
        tds.map((td) => ({ provider: td.parentElement?.getAttribute("data-provider") ?? "", factor: td.getAttribute("data-factor") ?? "", value: Number(td.getAttribute("data-value")) })),
      );
      const shown = rows.map((r) => ({ ...r, factors: Object.fromEntries(cells.filter((c) => c.provider === r.provider).map((c) => [c.factor, c.value])) }));
      const expected = (detail.routing?.rankedProviders ?? []).map((r) => ({ provider: r.provider, rank: r.rank, score: r.score, factors: { ...r.scoreFactors } }));
      expect(expected.length).toBeGreaterThan(1);
      expect(shown).toEqual(expected);
      const attempts = await page.$$eval("#attempts tbody tr", (rows) => rows.map((tr) => tr.children[1]?.textContent ?? ""));
      expect(attempts).toEqual(detail.attempts.map((a) => a.provider));

      await page.screenshot({ path: join(OUT, "failed-over-request.png") });
      await page.click("#detail-close");
      await page.screenshot({ path: join(OUT, "report.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("writes the HTML report straight from `run --reporter html`, and rejects a JSON file that is not a report", async () => {
    mkdirSync(OUT, { recursive: true });
    const io = quietIo();
    const html = join(OUT, "single.html");
    expect(await runCli(["run", "scenarios/only-openai-sort-price.yaml", "--reporter", "html", "--output", html, "--no-progress"], io), io.err()).toBe(0);
    const text = readFileSync(html, "utf8");
    expect(text.startsWith("<!doctype html>")).toBe(true);
    expect(text).toContain("only-openai-sort-price");
    const notReport = join(OUT, "not-a-report.json");
    writeFileSync(notReport, JSON.stringify({ hello: "world" }));
    expect(await runCli(["report", notReport], io)).toBe(2);
    expect(io.err()).toContain("is not a gateway-sim JSON report (run --reporter json): summary:");
  });
});
