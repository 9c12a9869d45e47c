// Same scenario and seed → byte-identical JSON report (without the separate wall-clock `timing`);
// another seed → a different report.
import { describe, expect, it } from "vitest";
import { renderJsonReport } from "../src/scenarios/report/json-reporter.js";
import { runSuite } from "../src/scenarios/run/run-suite.js";

const files = ["scenarios/incidents/openai-503-burst.yaml", "scenarios/gemini-flash-lite-sort-modes.yaml", "test/fixtures/scenarios/wrong-expectation.yaml"];

async function jsonReport(seed?: string): Promise<string> {
  // "none": a determinism run must never write snapshot files.
  const { report } = await runSuite(files, { seed, snapshots: "none" });
  return renderJsonReport(report);
}

describe("determinism", () => {
  it("gives a byte-identical JSON report for the same scenarios and seed", async () => {
    const first = await jsonReport();
    const second = await jsonReport();
    expect(second).toBe(first);
    expect(first).not.toContain("wall_ms");
  });

  it("gives a different report for a different seed", async () => {
    const base = await jsonReport("7");
    const other = await jsonReport("8");
    expect(other).not.toBe(base);
    expect(await jsonReport("7")).toBe(base);
  });
});
