// The runner end to end: transports agree, load concurrency is enforced, the timeline reconfigures
// providers and swaps presets from files, and statistical mode computes pass rates over seeds.
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/program.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import type { LoadedScenario } from "../src/scenarios/load/loaded-scenario.js";
import { renderJsonReport } from "../src/scenarios/report/json-reporter.js";
import { summarise } from "../src/scenarios/report/types.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";

function load(file: string): LoadedScenario {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
  return loaded.scenario;
}

describe("scenario runner", () => {
  it("gives the same decisions over msw interception as over the direct transport", async () => {
    const scenario = load("scenarios/order-anthropic-us-first.yaml");
    const direct = await runScenario(scenario, { transport: "direct", snapshots: "none" });
    const msw = await runScenario(scenario, { transport: "msw", snapshots: "none" });
    expect(msw.status).toBe("passed");
    const render = (r: typeof direct) => renderJsonReport({ summary: summarise([r]), scenarios: [r] });
    expect(render(msw)).toBe(render(direct));
  });

  it("holds a load to its concurrency limit, applies reconfigure and swaps a preset from a file", async () => {
    const scenario = load("test/fixtures/scenario-features/timeline-and-limits.yaml");
    const usage = createMemoryUsageLog();
    const report = await runScenario(scenario, { usage });
    expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
    const records = usage.list();
    expect(records).toHaveLength(480);
    // Sweep over start/end events: never more than 3 requests in flight.
    const events = records.flatMap((r) => [[r.time_ms, 1] as const, [r.time_ms + r.latency_ms, -1] as const]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let peak = 0;
    for (const [, delta] of events) peak = Math.max(peak, (inFlight += delta));
    expect(peak).toBe(3);
    // `duration: 6m` keeps the clock running after the queue drains.
    expect(report.stats.simulated_ms).toBeGreaterThanOrEqual(360_000);
  });

  it("statistical mode: pass rate over derived seeds, reproduce command for a failing seed", async () => {
    const scenario = load("test/fixtures/scenario-features/statistical.yaml");
    const report = await runScenario(scenario);
    expect(report.runs).toEqual({ seeds: 6, pass_rate: 0.5, passed: 2 });
    const band = report.expectations.find((e) => e.name === "tight share band");
    expect(band?.pass_rate).toBeCloseTo(2 / 6);
    expect(band?.passed).toBe(false);
    expect(band?.seed).toMatch(/^stat:\d$/);
    expect(band?.reproduce).toBe(`npx gateway-sim run test/fixtures/scenario-features/statistical.yaml --only "tight share band" --seed ${band?.seed} --runs 1`);
    expect(report.expectations.find((e) => e.name === "no errors")?.pass_rate).toBe(1);

    const lenient = { ...scenario, spec: { ...scenario.spec, runs: { seeds: 6, pass_rate: 0.3 } } };
    expect((await runScenario(lenient)).status).toBe("passed");

    let out = "";
    const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: process.cwd(), env: {} };
    const args = ["run", "test/fixtures/scenario-features/statistical.yaml", "--only", "tight share band", "--seed", band?.seed ?? "", "--runs", "1"];
    expect(await runCli(args, io)).toBe(1);
    expect(out).toContain(band?.failures[0]?.actual ?? "missing");
  });
});
