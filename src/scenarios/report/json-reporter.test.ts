import { describe, expect, it } from "vitest";
import { renderJsonReport } from "./json-reporter.js";
import { REQUEST_COLUMNS, type RequestsSection } from "./request-rows.js";
import { type ScenarioReport, summarise } from "./types.js";

function section(ids: string[]): RequestsSection {
  return {
    total: ids.length,
    detail_policy: { kept: 0, first: 100, notable_max: 1000 },
    columns: REQUEST_COLUMNS,
    providers: ["openai"],
    names: [],
    phases: [],
    rows: ids.map((id, i) => [i, i * 10, -1, id, 0, "completed", 200, 12.5, null, 0.001, [0], "none", null, "c", -1]),
    details: [],
  };
}

function scenario(name: string, description: string | null, requests: RequestsSection | undefined): ScenarioReport {
  return {
    file: `scenarios/${name}.yaml`,
    name,
    description,
    seed: "42",
    status: "passed",
    issues: [],
    runs: null,
    expectations: [],
    snapshot: null,
    stats: { requests: requests?.total ?? 0, simulated_ms: 1000, cost_usd: 0.002, client_errors: 0 },
    error: null,
    ...(requests ? { requests } : {}),
  };
}

describe("renderJsonReport's requests sections", () => {
  it("prints each scenario's section in place, one row per line, and parses back to the same data", () => {
    const scenarios = [scenario("a", null, section(["r-a0", "r-a1"])), scenario("b", null, undefined), scenario("c", null, section(["r-c0"]))];
    const text = renderJsonReport({ summary: summarise(scenarios), scenarios });
    expect(text).toContain('        "rows": [\n          [0,0,-1,"r-a0",0,"completed",200,12.5,null,0.001,[0],"none",null,"c",-1],\n          [1,10,-1,"r-a1"');
    const parsed = JSON.parse(text) as { scenarios: { name: string; requests: RequestsSection | null }[] };
    expect(parsed.scenarios.map((s) => s.requests?.rows.map((r) => r[3]) ?? null)).toEqual([["r-a0", "r-a1"], null, ["r-c0"]]);
    expect(parsed.scenarios[0]?.requests?.columns).toEqual([...REQUEST_COLUMNS]);
  });

  it("leaves a value a user wrote alone even when it reads like the reporter's placeholder", () => {
    const lookalike = "@@gateway-sim:requests:0@@";
    const scenarios = [scenario("a", lookalike, section(["r-a0"])), scenario("b", lookalike, section(["r-b0"]))];
    const parsed = JSON.parse(renderJsonReport({ summary: summarise(scenarios), scenarios })) as { scenarios: { description: string; requests: RequestsSection }[] };
    expect(parsed.scenarios.map((s) => s.description)).toEqual([lookalike, lookalike]);
    expect(parsed.scenarios.map((s) => s.requests.rows[0]?.[3])).toEqual(["r-a0", "r-b0"]);
  });
});
