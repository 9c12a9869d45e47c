import { describe, expect, it } from "vitest";
import { compareScenarioPaths, mergeReports } from "./merge-reports.js";
import { summarise, type ScenarioReport } from "./types.js";

function scenario(file: string, cost: number): ScenarioReport {
  return {
    file,
    name: file,
    description: null,
    seed: "1",
    status: "passed",
    issues: [],
    runs: null,
    expectations: [],
    snapshot: null,
    stats: { requests: 1, simulated_ms: 10, cost_usd: cost, client_errors: 0 },
    error: null,
  };
}

describe("compareScenarioPaths", () => {
  it("orders as the folder walk does: by name within each folder, not by the whole string", () => {
    // "a/b.yaml" before "a-c.yaml": the walk compares the entries "a" and "a-c.yaml".
    expect(["a-c.yaml", "a/b.yaml", "0.yaml"].sort(compareScenarioPaths)).toEqual(["0.yaml", "a/b.yaml", "a-c.yaml"]);
  });
});

describe("mergeReports", () => {
  it("joins shards in suite order with recomputed totals, and keeps timing only when every shard has it", () => {
    const a = [scenario("s/b.yaml", 0.1)];
    const b = [scenario("s/a.yaml", 0.2), scenario("s/c.yaml", 0.3)];
    const merged = mergeReports([
      { source: "1.json", report: { summary: summarise(a), scenarios: a }, timing: { wall_ms: 5, scenarios: [{ file: "s/b.yaml", wall_ms: 5 }] } },
      { source: "2.json", report: { summary: summarise(b), scenarios: b } },
    ]);
    if (!merged.ok) throw new Error(merged.message);
    expect(merged.report.scenarios.map((s) => s.file)).toEqual(["s/a.yaml", "s/b.yaml", "s/c.yaml"]);
    expect(merged.report.summary).toMatchObject({ scenarios: 3, passed: 3, requests: 3 });
    expect(merged.timing).toBeUndefined();
  });

  it("refuses a scenario that two shards both ran", () => {
    const a = [scenario("s/a.yaml", 0)];
    const result = mergeReports([
      { source: "1.json", report: { summary: summarise(a), scenarios: a } },
      { source: "2.json", report: { summary: summarise(a), scenarios: a } },
    ]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("s/a.yaml is in both 1.json and 2.json") });
  });
});
