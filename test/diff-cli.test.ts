// `gateway-sim diff` as a CI gate: a preset change that moves traffic to a pricier provider is caught
// with exit code 1 and a readable table (and markdown for the pull request); an unchanged preset passes.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = join(process.cwd(), "bin", "gateway-sim.js");
let dir: string;

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "diff-cli-"));
  mkdirSync(join(dir, "presets-v1"));
  mkdirSync(join(dir, "presets-v2"));
  // v1 sorts by price (OpenAI, the cheaper host); v2 pins the EU host, which costs 10 % more.
  writeFileSync(join(dir, "presets-v1", "triage.yaml"), "model: openai/gpt-5.4-nano\nprovider: { sort: price }\n");
  writeFileSync(join(dir, "presets-v2", "triage.yaml"), "model: openai/gpt-5.4-nano\nprovider: { only: [openai-eu] }\n");
  writeFileSync(
    join(dir, "triage.yaml"),
    [
      "seed: 5",
      "catalog: default",
      "presets_dir: presets-v1",
      "providers: [{ id: openai }, { id: openai-eu }]",
      "traffic:",
      "  load:",
      '    - { name: triage, duration: 2m, rate: 1, templates: [{ body: { model: "@triage", input: "Triage: {{lorem.sentence}}" } }] }',
      "expectations: []",
      "",
    ].join("\n"),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gateway-sim diff (spawned)", () => {
  it("fails with exit 1 and a readable table when the new preset moves traffic to a pricier provider", () => {
    const run = cli(["diff", "--before", "presets-v1", "--after", "presets-v2", "triage.yaml"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("presets: presets-v1 → presets-v2");
    expect(run.stdout).toContain("triage (triage.yaml) · preset triage");
    expect(run.stdout).toMatch(/share openai +100% +0% +−100 pts/);
    expect(run.stdout).toMatch(/share openai-eu +0% +100% +\+100 pts/);
    expect(run.stdout).toMatch(/cost \/ request +\$\S+ +\$\S+ +\+\d+(\.\d)?% +✗ cost \+\d+(\.\d)?% > \+5%/);
    expect(run.stdout).toContain("✗ 1 threshold exceeded:");
  }, 60_000);

  it("passes (exit 0) when the threshold allows the increase, and writes markdown for the pull request", () => {
    const run = cli(["diff", "--before", "presets-v1", "--after", "presets-v2", "--max-cost-increase", "20%", "--format", "markdown", "--output", "diff.md", "triage.yaml"]);
    expect(run.code).toBe(0);
    const md = readFileSync(join(dir, "diff.md"), "utf8");
    expect(md).toContain("✅ Every change is within the thresholds.");
    expect(md).toMatch(/\| share openai-eu \| 0% \| 100% \| \+100 pts \| {2}\|/);
  }, 60_000);

  it("exits 0 for identical presets, and 2 for a source that is neither a folder nor a revision", () => {
    expect(cli(["diff", "--before", "presets-v1", "--after", "presets-v1", "triage.yaml"]).code).toBe(0);
    const bad = cli(["diff", "--before", "no-such-presets-or-rev", "--after", "presets-v1", "triage.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gateway-sim: --before: "no-such-presets-or-rev" is neither a folder nor a git revision: .+ \(E_NOT_FOUND\)\n$/);
  }, 60_000);
});
