// The real Portkey gateway (@portkey-ai/gateway 1.15.2) in front of gateway-sim's fakes, judged by
// the same scenario files: it hides a 503 burst by fallback, splits 70/30 by weight, and — having no
// health-aware routing — fails the latency-spike scenario, which the report says in plain words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakes } from "../src/external/start-fakes.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { renderScenarioBlock } from "../src/scenarios/report/console-reporter.js";
import type { ScenarioReport } from "../src/scenarios/report/types.js";
import { runSuite } from "../src/scenarios/run/run-suite.js";
import { type PortkeyGateway, startPortkey } from "./support/portkey-gateway.js";

const DIR = "test/fixtures/external";
let portkey: PortkeyGateway;

/** A few calls through Portkey first, so its cold start (JIT, first connections) lands in no scenario's window. */
async function warmUp(url: string): Promise<void> {
  const loaded = loadScenario(`${DIR}/loadbalance-70-30.yaml`);
  if (!loaded.ok) throw new Error("invalid fixture");
  const fakes = await startFakes({ scenario: loaded.scenario, port: 0, speed: 100, log: () => undefined });
  try {
    const config = JSON.stringify({ strategy: { mode: "fallback" }, targets: [{ provider: "openai", api_key: "k", custom_host: fakes.urls.openai, override_params: { model: "gpt-5.4-nano" } }] });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-portkey-config": config },
        body: JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "warm up" }] }),
      });
      expect(res.status).toBe(200);
      await res.text();
    }
  } finally {
    await fakes.close();
  }
}

beforeAll(async () => {
  portkey = await startPortkey();
  await warmUp(portkey.url);
}, 30_000);

afterAll(async () => {
  await portkey?.stop();
});

async function runThroughPortkey(file: string): Promise<ScenarioReport> {
  const { report } = await runSuite([`${DIR}/${file}`], { gateway: { url: portkey.url }, snapshots: "none" });
  const scenario = report.scenarios[0];
  if (!scenario) throw new Error(`no report for ${file}`);
  return scenario;
}

const verdicts = (s: ScenarioReport): Record<string, boolean> => Object.fromEntries(s.expectations.map((e) => [e.name, e.passed]));

describe("the Portkey gateway in front of the fakes", () => {
  it("falls back on a 503 burst: the journal shows openai 503 → openai-eu 200 and clients see no error", async () => {
    const report = await runThroughPortkey("fallback-503.yaml");
    expect(report.error).toBeNull();
    expect(verdicts(report)).toEqual({
      "OpenAI serves before the burst": true,
      "the first requests of the burst try OpenAI, get its 503 and fail over to OpenAI EU": true,
      "clients never see the burst": true,
      "OpenAI takes the traffic back after the burst": true,
    });
    // The attempts come from the fakes' journal (correlation marker), not from Portkey.
    const burst = report.expectations.find((e) => e.name.startsWith("the first requests"));
    expect(burst?.selected).toBeGreaterThan(0);
    expect(report.stats.client_errors).toBe(0);
  }, 60_000);

  it("splits a 70/30 loadbalance within ±15 points", async () => {
    const report = await runThroughPortkey("loadbalance-70-30.yaml");
    expect(report.error).toBeNull();
    expect(report.stats.requests).toBe(100);
    expect(verdicts(report)).toEqual({ "traffic splits 70/30 within ±15 points": true, "every request is served": true });
  }, 60_000);

  it("fails the latency spike: without health-aware routing it keeps the slow host, and the report says so", async () => {
    const report = await runThroughPortkey("latency-spike.yaml");
    expect(report.status).toBe("failed");
    expect(verdicts(report)).toEqual({
      "traffic moves to OpenAI EU within 45 seconds of the spike": false,
      "the typical answer stays interactive during the spike": false,
      "no client errors, only slower answers": true,
    });
    const text = renderScenarioBlock(report, { color: false });
    expect(text).toContain("✗ traffic moves to OpenAI EU within 45 seconds of the spike");
    expect(text).toContain("provider_share.openai-eu: expected >= 80%, got 0% (all: openai 100%)");
    expect(text).toMatch(/latency\.total\.p50: expected <= 2\.25s, got \d/);
  }, 90_000);
});
