// `serve --traffic` and its live /usage page in a real browser (playwright-core driving a
// Chromium found by support/chromium.ts): the scenario's own traffic really runs (its request names reach the usage log and the
// page), the page polls the usage log as requests finish, and a failed-over request's dialog shows
// the ranked providers and score factors GET /v1/generations?id= returns. With --key the page
// holds no key and asks for one.
import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { UsageRecord } from "../src/gateway/types.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { roundFactor } from "../src/scenarios/report/request-rows.js";
import { startServe } from "../src/serve/start-serve.js";
import { chromiumFor } from "./support/chromium.js";

const OUT = resolve("reports/serve-usage");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// About two simulated minutes of traffic: two seconds at 60×. The burst makes requests fail over.
const SCENARIO = `
name: serve-usage-live
description: Live usage page smoke test.
seed: 11
catalog: default
providers:
  - { id: openai, latency: 20ms }
  - { id: openai-eu, latency: 20ms }
traffic:
  requests:
    - name: first-request
      at: 0s
      body: { model: openai/gpt-5.4-nano, input: "Extract the action items.", provider: { sort: price } }
  load:
    - name: extraction
      start: 5s
      duration: 2m
      rate: 1
      templates:
        - body: { model: openai/gpt-5.4-nano, input: "Extract the action items. {{lorem.sentence}}", provider: { sort: price } }
timeline:
  - { at: 30s, name: openai-burst, degrade: { provider: openai, duration: 30s, http_error: 503 } }
expectations: []
`;

const dir = mkdtempSync(join(tmpdir(), "serve-usage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenario() {
  writeFileSync(join(dir, "serve-usage-live.yaml"), SCENARIO);
  const loaded = loadScenario(join(dir, "serve-usage-live.yaml"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}

/** A browser that may reach only `origin`; everything else is recorded and refused. */
async function openBrowser(executablePath: string, origin: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, "chromium-")), { executablePath, args: ARGS, headless: true, viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    problems.push(`external request ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error ${e.message}`));
  // Content-Security-Policy violations are reported here too.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("401")) problems.push(`console ${m.text()}`);
  });
  return { context, page, problems };
}

/** Every retained record, through the list mode of GET /v1/generations. */
async function allRecords(url: string, key: string): Promise<UsageRecord[]> {
  const records: UsageRecord[] = [];
  let after = "0";
  for (let more = true; more; ) {
    const res = await fetch(`${url}/v1/generations?after=${after}&limit=100`, { headers: { authorization: `Bearer ${key}` } });
    const page = (await res.json()) as { data: UsageRecord[]; next_cursor: string; has_more: boolean };
    records.push(...page.data);
    ({ next_cursor: after, has_more: more } = page);
  }
  return records;
}

/** How many requests the page has appended so far (live.js keeps it on <body>). */
async function liveRequests(page: Page): Promise<number> {
  return Number((await page.getAttribute("body", "data-live-requests")) ?? 0);
}

async function shownRanking(page: Page) {
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
  return rows.map((r) => ({ ...r, factors: Object.fromEntries(cells.filter((c) => c.provider === r.provider).map((c) => [c.factor, c.value])) }));
}

describe("serve's live /usage page in chromium", () => {
  it("shows --traffic's requests as they finish, and a failed-over request's ranking as GET /v1/generations has it", async (ctx) => {
    const executablePath = chromiumFor(ctx);
    mkdirSync(OUT, { recursive: true });
    const lines: string[] = [];
    const served = await startServe({ scenario: scenario(), port: 0, speed: 60, traffic: true, log: (l) => lines.push(l) });
    const { context, page, problems } = await openBrowser(executablePath, served.url);
    try {
      const response = await page.goto(`${served.url}/usage`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'sha256-");
      await expect.poll(() => liveRequests(page)).toBeGreaterThan(0);
      await served.trafficDone;
      expect(lines.join("\n")).toMatch(/traffic: done, (\d+) of \1 planned requests, 0 client errors/);

      // The traffic really ran: every record is there, under the scenario's request names.
      const records = await allRecords(served.url, served.key);
      expect(records.length).toBeGreaterThan(100);
      await expect.poll(() => liveRequests(page), { timeout: 20_000 }).toBe(records.length);
      const names = await page.$$eval("#requests-body tr td:nth-child(4)", (tds) => [...new Set(tds.map((td) => td.textContent))]);
      expect(names).toEqual(["first-request", "extraction"]);
      expect(await page.locator("#charts .uplot").count()).toBeGreaterThanOrEqual(4);

      const record = records.find((r) => r.attempts.length > 1 && r.routing_diagnostics !== null);
      if (!record) throw new Error("no request failed over during the burst");
      await page.check("#f-failover");
      await page.fill("#f-id", record.id);
      const row = page.locator(`#requests-body tr[data-id="${record.id}"]`);
      await expect.poll(() => row.count()).toBe(1);
      await row.locator("button.open-detail").click();
      await page.waitForSelector("#detail[open] #ranked");

      const byId = (await (await fetch(`${served.url}/v1/generations?id=${record.id}`, { headers: { authorization: "Bearer any-key" } })).json()) as UsageRecord;
      const expected = (byId.routing_diagnostics?.rankedProviders ?? []).map((r) => ({
        provider: r.provider,
        rank: r.rank,
        score: roundFactor(r.score),
        factors: Object.fromEntries(Object.entries(r.scoreFactors).map(([k, v]) => [k, roundFactor(v)])),
      }));
      expect(expected.length).toBe(2);
      expect(await shownRanking(page)).toEqual(expected);
      expect(await page.$$eval("#attempts tbody tr", (trs) => trs.map((tr) => tr.children[1]?.textContent))).toEqual(byId.attempts.map((a) => a.provider));
      expect(await page.locator("#detail-body pre.body").first().textContent()).toContain("Extract the action items.");

      await page.screenshot({ path: join(OUT, "failed-over-request.png") });
      await page.click("#detail-close");
      await page.uncheck("#f-failover");
      await page.fill("#f-id", "");
      await page.screenshot({ path: join(OUT, "usage.png"), fullPage: true });
      await page.locator("#charts").screenshot({ path: join(OUT, "charts.png") });
      await page.click("#last");
      expect(await page.locator("#requests-body tr").last().getAttribute("data-id")).toBe(records.at(-1)?.id);

      // A page open for long keeps only the newest requests (as many as the log retains): with a
      // lower cap, the next request trims the oldest rows and their details stay aligned.
      await page.evaluate(() => {
        (globalThis as unknown as { gatewaySim: { explorer: { data: { live: { max_rows: number } } } } }).gatewaySim.explorer.data.live.max_rows = 30;
      });
      const extra = await fetch(`${served.url}/v1/responses`, {
        method: "POST",
        headers: { authorization: "Bearer k", "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "One more." }),
      });
      const newest = [...records.map((r) => r.id), ((await extra.json()) as { id: string }).id].slice(-30);
      await expect.poll(() => liveRequests(page), { timeout: 10_000 }).toBe(30);
      expect(await page.$$eval("#requests-body tr", (trs) => trs.map((tr) => tr.getAttribute("data-id")))).toEqual(newest);
      await page.locator(`#requests-body tr[data-id="${newest[0]}"] button.open-detail`).click();
      expect(await page.locator("#detail-body h2").textContent()).toBe(`Request ${newest[0]}`);
      await page.click("#detail-close");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await served.close();
    }
  }, 120_000);

  it.skipIf(process.platform === "win32")(
    "with --export-usage, shows the export's counts live, in red once records are dropped",
    async (ctx) => {
      const executablePath = chromiumFor(ctx);
      // A FIFO whose reader never reads: the export falls 16 KiB behind and drops.
      const fifo = join(mkdtempSync(join(dir, "export-")), "usage.fifo");
      execFileSync("mkfifo", [fifo]);
      const stalled = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const served = await startServe({ scenario: scenario(), port: 0, speed: 60, exportUsage: fifo, exportBufferBytes: 16 * 1024, log: () => undefined, warn: () => undefined });
      const { context, page, problems } = await openBrowser(executablePath, served.url);
      try {
        await page.goto(`${served.url}/usage`);
        await expect.poll(() => page.locator("#live-export").textContent()).toBe(`usage export to ${fifo}: 0 records written, 0 dropped, 0 lost to an error`);
        expect(await page.getAttribute("#live-export", "class")).toBe("muted");
        for (let i = 0; i < 60; i++) {
          const sent = await fetch(`${served.url}/v1/responses`, {
            method: "POST",
            headers: { authorization: "Bearer k", "content-type": "application/json" },
            body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: `Request ${i}: summarise the incident.` }),
          });
          await sent.arrayBuffer();
        }
        const dropped = served.exportOutcome()?.stats.dropped ?? 0;
        expect(dropped).toBeGreaterThan(0);
        await expect.poll(() => page.getAttribute("body", "data-export-dropped")).toBe(String(dropped));
        expect(await page.locator("#live-export").textContent()).toContain(`, ${dropped} dropped (it was 16 KiB behind: the disk or its reader is slower than the traffic), 0 lost to an error`);
        expect(await page.getAttribute("#live-export", "class")).toBe("failed");
        await page.locator("#live-export").screenshot({ path: join(OUT, "export-dropping.png") });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        // The reader never reads: a drain would wait for it, so stop at once.
        await served.abort();
        closeSync(stalled);
      }
    },
    60_000,
  );

  it("with --key, holds no key and asks for it; a wrong key is refused, the right one shows the requests", async (ctx) => {
    const executablePath = chromiumFor(ctx);
    const served = await startServe({ scenario: scenario(), port: 0, speed: 60, apiKey: "team-key-4821", log: () => undefined });
    const { context, page, problems } = await openBrowser(executablePath, served.url);
    try {
      const sent = await fetch(`${served.url}/v1/responses`, {
        method: "POST",
        headers: { authorization: "Bearer team-key-4821", "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Hello" }),
      });
      expect(sent.status).toBe(200);
      const html = await (await fetch(`${served.url}/usage`)).text();
      expect(html).not.toContain("team-key-4821");
      expect(html).not.toContain("YOUR_API_KEY");

      await page.goto(`${served.url}/usage`);
      await page.waitForSelector("#live-key:not([hidden])");
      await page.fill("#live-key-input", "wrong-key");
      await page.click("#live-key button");
      await expect.poll(() => page.locator("#live-key-error").textContent()).toBe("Invalid API key.");
      await page.fill("#live-key-input", "team-key-4821");
      await page.click("#live-key button");
      await expect.poll(() => liveRequests(page)).toBe(1);
      expect(await page.locator("#live-key").isHidden()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await served.close();
    }
  }, 60_000);
});
