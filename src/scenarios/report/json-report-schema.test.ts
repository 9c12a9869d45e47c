import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { runSuite } from "../run/run-suite.js";
import { jsonReportSchema, reportJsonSchema } from "./json-report-schema.js";
import { renderJsonReport } from "./json-reporter.js";

describe("the JSON report's schema", () => {
  it("fits a passed, a failed and an invalid scenario alike, every scenario with the same keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-report-schema-"));
    const invalid = join(dir, "invalid.yaml");
    writeFileSync(invalid, "seed: 1\ntrafic: {}\n");
    const files = ["test/fixtures/scenarios/passing.yaml", "test/fixtures/scenarios/wrong-expectation.yaml", invalid];
    const { report, timing } = await runSuite(files, { snapshots: "none" });
    const json: unknown = JSON.parse(renderJsonReport(report, timing));
    const parsed = jsonReportSchema.parse(json);
    expect(parsed.scenarios.map((s) => s.status)).toEqual(["passed", "failed", "invalid"]);
    expect(parsed.scenarios[2]?.requests).toBeNull();
    const keys = parsed.scenarios.map((s) => Object.keys(s).sort().join(","));
    expect(new Set(keys).size).toBe(1);
    // The published JSON Schema accepts the same report.
    const validate = new Ajv({ strict: false }).compile(reportJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it("is committed as schema/report.schema.json", () => {
    expect(readFileSync("schema/report.schema.json", "utf8")).toBe(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  });
});
