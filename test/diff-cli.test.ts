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
  // v1 keeps OpenAI (the cheaper host) first — a preset's `order` is also its allowlist at the reference's
  // pin, and a preset's `sort` is dropped; v2 pins the EU host, which costs 10 % more.
  writeFileSync(join(dir, "presets-v1", "triage.yaml"), "model: openai/gpt-5.4-nano\nprovider: { order: [openai] }\n");
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

/** The triage scenario with other preset fields: `presets_dir` and inline `presets`. */
function triageScenario(name: string, presetLines: string[]): void {
  const text = readFileSync(join(dir, "triage.yaml"), "utf8").replace("presets_dir: presets-v1\n", `${presetLines.join("\n")}\n`);
  writeFileSync(join(dir, name), text);
}

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

  // Inline presets: the folder given to diff stands in for presets_dir, so an inline preset of the
  // same slug makes the comparison ambiguous when the scenario has presets_dir, and wins (as in
  // `run`) when it has none.
  it("exits 2 with a located error, not a stack trace, when an inline preset clashes with the folder standing in for presets_dir", () => {
    triageScenario("inline-clash.yaml", ["presets_dir: presets-v1", "presets:", "  - { slug: triage, model: openai/gpt-5.4-nano }"]);
    const run = cli(["diff", "--before", "presets-v1", "--after", "presets-v2", "inline-clash.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'inline-clash.yaml:5:13 presets[0].slug: preset "triage" is defined inline and in the presets folder diff uses for presets_dir ' +
        "(--before presets-v1/triage.yaml, --after presets-v2/triage.yaml): diff cannot tell which definition is under test; " +
        "remove the inline preset to compare the folder's versions, or give it another slug\n",
    );
  }, 60_000);

  it("runs a scenario without presets_dir on its inline preset, and notes the folder files it did not use", () => {
    triageScenario("inline-only.yaml", ["presets:", "  - { slug: triage, model: openai/gpt-5.4-nano, provider: { only: [openai] } }"]);
    const run = cli(["diff", "--before", "presets-v1", "--after", "presets-v2", "inline-only.yaml"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/share openai +100% +100% +±0 pts/);
    expect(run.stdout).toContain(
      'notes:\n  inline-only (inline-only.yaml): preset "triage" is defined inline and the scenario has no presets_dir: its inline definition runs, ' +
        "not --before presets-v1/triage.yaml or --after presets-v2/triage.yaml (compare git revisions to diff the inline one)\n",
    );
  }, 60_000);
});
