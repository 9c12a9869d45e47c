// The same scenarios played two ways give the same verdicts: in-process on the virtual clock, and
// through `run --gateway` against gateway-sim's own `serve` (over HTTP, in real time × speed, the
// fakes served by the run and the served gateway pointed at them with `serve --fakes`).
import { afterEach, describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import type { ScenarioReport } from "../src/scenarios/report/types.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";
import { type ServeHandle, startServe } from "../src/serve/start-serve.js";
import { freePort } from "./support/portkey-gateway.js";

let served: ServeHandle | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

const verdicts = (s: ScenarioReport): Record<string, boolean> => Object.fromEntries(s.expectations.map((e) => [e.name, e.passed]));

async function bothWays(file: string): Promise<{ inProcess: ScenarioReport; throughServe: ScenarioReport }> {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(`invalid fixture ${file}`);
  const { scenario } = loaded;
  const speed = scenario.spec.gateway?.speed ?? 10;
  const inProcess = await runScenario(scenario, { gateway: "builtin", snapshots: "none" });
  const fakesPort = await freePort();
  served = await startServe({ scenario, port: 0, speed, fakesUrl: `http://127.0.0.1:${fakesPort}`, log: () => undefined });
  const throughServe = await runScenario(scenario, { gateway: { url: served.url, api: "responses", fakesPort }, snapshots: "none" });
  return { inProcess, throughServe };
}

describe("run --gateway against gateway-sim's own serve", () => {
  it.each(["fallback-503.yaml", "loadbalance-70-30.yaml", "latency-spike.yaml"])(
    "gives the in-process verdicts for %s",
    async (name) => {
      const { inProcess, throughServe } = await bothWays(`test/fixtures/external/${name}`);
      expect(throughServe.error).toBeNull();
      expect(Object.values(verdicts(inProcess)).every(Boolean)).toBe(true);
      expect(verdicts(throughServe)).toEqual(verdicts(inProcess));
      expect(throughServe.stats.requests).toBe(inProcess.stats.requests);
    },
    90_000,
  );

  it("reports checks on the gateway's insides as not judgeable, located, instead of passing them", async () => {
    const loaded = loadScenario("test/fixtures/outside-insides.yaml");
    if (!loaded.ok) throw new Error("invalid fixture");
    const fakesPort = await freePort();
    served = await startServe({ scenario: loaded.scenario, port: 0, speed: 10, fakesUrl: `http://127.0.0.1:${fakesPort}`, log: () => undefined });
    const report = await runScenario(loaded.scenario, { gateway: { url: served.url, fakesPort }, snapshots: "none" });
    const [breaker, ranked, serves] = report.expectations;
    expect(breaker?.passed).toBe(false);
    expect(breaker?.failures).toEqual([
      { check: "breaker", expected: "a verdict on the gateway's circuit-breaker states", actual: "not judgeable through an outside gateway (test/fixtures/outside-insides.yaml:26:14)" },
    ]);
    // The judgeable half of a mixed expectation is still judged (and holds); the other half fails.
    expect(ranked?.failures.map((f) => f.check)).toEqual(["ranked_order"]);
    expect(serves?.passed).toBe(true);
    expect(report.stats.requests).toBe(5);
  }, 60_000);
});
