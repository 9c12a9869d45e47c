// The real CLI, spawned as users run it (node bin/gateway-sim.js → dist/cli/main.js, built by the
// vitest globalSetup when stale):
// exit 0 when every expectation holds, 1 when one fails, 2 on invalid input or usage.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(process.cwd(), "bin", "gateway-sim.js");

function cli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("gateway-sim CLI exit codes", () => {
  it("0 when every expectation holds", () => {
    const run = cli(["run", "test/fixtures/scenarios/passing.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ passing");
    expect(run.stdout).toMatch(/simulated in \S+ wall/);
  });

  it("1 when an expectation fails, with expected vs actual and the reproduce command", () => {
    const run = cli(["run", "test/fixtures/scenarios"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("selected_provider: expected openai-eu, got openai");
    expect(run.stdout).toContain('reproduce: npx gateway-sim run test/fixtures/scenarios/wrong-expectation.yaml --only "routes to the EU endpoint" --seed 42');
    expect(run.stderr).toBe("");
  });

  it("2 on an invalid scenario, listing its located problems without a stack trace", () => {
    const run = cli(["run", "test/fixtures/bad-scenarios/unknown-field.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('test/fixtures/bad-scenarios/unknown-field.yaml:6:5 providers[0].latncy: unknown field "latncy"');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("2 on usage errors: unknown option, missing path, no matching --only", () => {
    expect(cli(["run", "--bogus", "scenarios"]).code).toBe(2);
    const missing = cli(["run", "no/such/dir"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("gateway-sim: no such file or folder: no/such/dir (E_NOT_FOUND)\n");
    const only = cli(["run", "test/fixtures/scenarios/passing.yaml", "--only", "nothing"]);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain("(E_USAGE)");
  });

  it("validate reports every problem of every file and exits 2", () => {
    const run = cli(["validate", "test/fixtures/bad-scenarios"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("✗ test/fixtures/bad-scenarios/many-problems.json (11 problems)");
    expect(run.stdout).toContain("✗ test/fixtures/bad-scenarios/request-ids.yaml (2 problems)");
    expect(run.stdout).toContain("8 of 8 invalid");
    expect(cli(["validate", "scenarios"]).code).toBe(0);
  });

  it("writes byte-identical JSON reports for the same seed across processes", () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-json-"));
    const args = ["run", "test/fixtures/scenarios/passing.yaml", "--reporter", "json", "--no-timing", "--output"];
    expect(cli([...args, join(dir, "a.json")]).code).toBe(0);
    expect(cli([...args, join(dir, "b.json")]).code).toBe(0);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(readFileSync(join(dir, "b.json"), "utf8"));
    const timed = cli(["run", "test/fixtures/scenarios/passing.yaml", "--reporter", "json"]);
    expect(JSON.parse(timed.stdout)).toHaveProperty("timing.wall_ms");
  });

  it("writes JUnit XML", () => {
    const run = cli(["run", "test/fixtures/scenarios", "--reporter", "junit", "--no-timing"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gateway-sim" tests="4" failures="1" errors="0">/);
    expect(run.stdout).toContain('<testcase classname="wrong-expectation" name="routes to the EU endpoint">');
  });

  it("schema --report prints the committed JSON Schema of the JSON report", () => {
    const run = cli(["schema", "--report"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync("schema/report.schema.json", "utf8"));
  });

  it("schema prints the committed JSON Schema", () => {
    const run = cli(["schema"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync("schema/scenario.schema.json", "utf8"));
  });

  it("init writes a starter that runs green and never overwrites", () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-init-"));
    const first = cli(["init", "."], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("wrote scenarios/release-summary.yaml");
    expect(existsSync(join(dir, "presets", "release-summary.yaml"))).toBe(true);
    writeFileSync(join(dir, "presets", "release-summary.yaml"), readFileSync(join(dir, "presets", "release-summary.yaml"), "utf8") + "# edited\n");
    const second = cli(["init", "."], dir);
    expect(second.stdout).toContain("exists, left unchanged: presets/release-summary.yaml");
    expect(readFileSync(join(dir, "presets", "release-summary.yaml"), "utf8")).toContain("# edited");
    const run = cli(["run", "scenarios"], dir);
    expect(run.stdout).toContain("✓ release-summary");
    expect(run.code).toBe(0);
  });

  it("init into a subfolder: the $schema resolves from where the scenario lands, and the comment names the printed command", () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-init-sub-"));
    const schemaOf = (file: string): string => /\$schema=(\S+)/.exec(readFileSync(file, "utf8"))?.[1] ?? "";
    const out = cli(["init", "my-scenarios"], dir);
    const scenario = join(dir, "my-scenarios", "scenarios", "release-summary.yaml");
    expect(existsSync(resolve(dirname(scenario), schemaOf(scenario)))).toBe(true);
    const next = /^next: (.+)$/m.exec(out.stdout)?.[1];
    expect(next).toBe("npx gateway-sim run my-scenarios/scenarios/");
    expect(readFileSync(scenario, "utf8")).toContain(`#   ${next}\n`);
    // With gateway-sim installed in the project, the path goes into node_modules.
    mkdirSync(join(dir, "node_modules", "gateway-sim", "schema"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "gateway-sim", "schema", "scenario.schema.json"), "{}");
    cli(["init", "other"], dir);
    expect(schemaOf(join(dir, "other", "scenarios", "release-summary.yaml"))).toBe("../../node_modules/gateway-sim/schema/scenario.schema.json");
  });
});
