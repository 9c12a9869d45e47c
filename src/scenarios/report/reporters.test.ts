import { describe, expect, it } from "vitest";
import { formatSpan } from "../expect/format.js";
import { renderScenarioBlock, renderSummary } from "./console-reporter.js";
import { renderJsonReport } from "./json-reporter.js";
import { renderJunitReport } from "./junit-reporter.js";
import { reproduceCommand, shellQuote } from "./reproduce.js";
import { type ScenarioReport, summarise } from "./types.js";

const failed: ScenarioReport = {
  file: "scenarios/order.yaml",
  name: "order",
  description: null,
  seed: "42",
  status: "failed",
  issues: [],
  runs: null,
  expectations: [
    {
      name: "prefers anthropic-us",
      passed: false,
      selected: 2,
      pass_rate: null,
      seed: "42",
      failures: [{ check: "selected_provider", expected: "anthropic-us", actual: "anthropic", failing: 1, examples: [{ request: "#0 at 0s (G-1)", actual: "anthropic" }] }],
      reproduce: reproduceCommand({ file: "scenarios/order.yaml", only: "prefers anthropic-us", seed: "42" }),
    },
    { name: "no errors", passed: true, selected: 2, pass_rate: null, seed: "42", failures: [], reproduce: null },
  ],
  snapshot: null,
  stats: { requests: 2, simulated_ms: 65_000, cost_usd: 0.1 + 0.2, client_errors: 0 },
  error: null,
};
const invalid: ScenarioReport = {
  ...failed,
  file: "scenarios/bad.yaml",
  name: "bad",
  status: "invalid",
  expectations: [],
  issues: [{ file: "scenarios/bad.yaml", line: 3, column: 5, path: "providers[0].latency", message: 'expected a duration such as "800ms"' }],
  stats: { requests: 0, simulated_ms: 0, cost_usd: 0, client_errors: 0 },
};
const report = { summary: summarise([failed, invalid]), scenarios: [failed, invalid] };

describe("reporters", () => {
  it("quotes reproduce commands only when needed", () => {
    expect(shellQuote("scenarios/x.yaml")).toBe("scenarios/x.yaml");
    expect(shellQuote("prefers anthropic-us")).toBe('"prefers anthropic-us"');
    expect(shellQuote('say "hi" $HOME')).toBe(`'say "hi" $HOME'`);
    expect(reproduceCommand({ file: "s.yaml", only: "x y", seed: "42:3", singleRun: true })).toBe('npx gateway-sim run s.yaml --only "x y" --seed 42:3 --runs 1');
  });

  it("JSON: deterministic without timing, timing kept in its own object", () => {
    const plain = renderJsonReport(report);
    expect(renderJsonReport(report)).toBe(plain);
    const parsed = JSON.parse(plain) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["version", "summary", "scenarios"]);
    const timed = JSON.parse(renderJsonReport(report, { wall_ms: 12, scenarios: [] })) as Record<string, unknown>;
    expect(timed.timing).toEqual({ wall_ms: 12, scenarios: [] });
    expect((parsed.summary as { cost_usd: number }).cost_usd).toBe(0.3);
  });

  it("JUnit: one testcase per expectation, failures and invalid files as failure/error", () => {
    const xml = renderJunitReport(report);
    expect(xml).toContain('<testsuites name="gateway-sim" tests="3" failures="1" errors="1">');
    expect(xml).toContain('<testcase classname="order" name="no errors"/>');
    expect(xml).toContain('<failure message="selected_provider: expected anthropic-us, got anthropic" type="expectation">');
    expect(xml).toContain("reproduce: npx gateway-sim run scenarios/order.yaml --only &quot;prefers anthropic-us&quot; --seed 42");
    expect(xml).toContain('<error message="1 problem(s) in scenarios/bad.yaml" type="invalid_scenario">scenarios/bad.yaml:3:5 providers[0].latency');
  });

  it("console: failures with expected, actual and the reproduce command; summary with simulated vs wall time", () => {
    const block = renderScenarioBlock(failed, { color: false });
    expect(block).toContain("✗ order (scenarios/order.yaml: 2 expectations, 2 requests, 1m5s simulated)");
    expect(block).toContain("selected_provider: expected anthropic-us, got anthropic (in 1 of 2 requests)");
    expect(block).toContain('reproduce: npx gateway-sim run scenarios/order.yaml --only "prefers anthropic-us" --seed 42');
    expect(block).not.toContain("no errors");
    expect(renderScenarioBlock(invalid, { color: false })).toContain('scenarios/bad.yaml:3:5 providers[0].latency: expected a duration such as "800ms"');
    const summary = renderSummary(report.summary, { wall_ms: 500, scenarios: [] }, { color: false });
    expect(summary).toContain("2 scenarios: 0 passed, 1 failed, 1 invalid");
    expect(summary).toContain("2 requests · $0.3 · 1m5s simulated in 500ms wall (×130)");
  });
});

describe("formatSpan", () => {
  it("prints spans for summaries", () => {
    expect(formatSpan(850)).toBe("850ms");
    expect(formatSpan(12_400)).toBe("12.4s");
    expect(formatSpan(309_884)).toBe("5m10s");
    expect(formatSpan(7_913_317)).toBe("2h11m53s");
    expect(formatSpan(3_600_000)).toBe("1h0m");
  });
});
