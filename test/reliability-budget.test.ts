// Issue 14 item 3: a scenario whose plan is unbounded (rate: 1e300, a huge count or repeat, a run
// lasting years) is refused by `validate` and `run` at the field that blew the budget, exit 2.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import { captureIo } from "./support/capture-io.js";

const HEAD = ["name: budget", "seed: 1", "catalog: default", "providers:", "  - id: openai", "traffic:"];
const request = ["  requests:", "    - at: 0s", "      body: { model: openai/gpt-5.4-nano, input: Hi }"];

function load(field: string): string[] {
  return ["  load:", "    - name: flood", "      duration: 10s", `      ${field}`, "      templates:", "        - body: { model: openai/gpt-5.4-nano, input: Hi }"];
}

const cases: { name: string; lines: string[]; where: RegExp }[] = [
  { name: "rate: 1e300", lines: [...HEAD, ...load("rate: 1e300")], where: /budget\.yaml:10:13 traffic\.load\[0\]\.rate: the scenario plans 1\.00e\+301 requests .*more than the budget of 1,000,000/ },
  { name: "a count of 2e9", lines: [...HEAD, ...load("count: 2000000000")], where: /budget\.yaml:10:14 traffic\.load\[0\]\.count: the scenario plans 2,000,000,000 requests/ },
  {
    name: "repeat: 1e12",
    lines: [...HEAD, "  requests:", "    - at: 0s", "      repeat: 1000000000000", "      body: { model: openai/gpt-5.4-nano, input: Hi }"],
    where: /budget\.yaml:9:15 traffic\.requests\[0\]\.repeat: the scenario plans 1,000,000,000,000 requests/,
  },
  {
    name: "10,000 seeds of 500 requests",
    lines: [...HEAD, ...load("count: 500"), "runs: { seeds: 10000 }"],
    where: /budget\.yaml:13:\d+ runs\.seeds: the scenario plans 5,000,000 requests \(10000 seeds × 500 requests\)/,
  },
  {
    name: "a timeline event a year out",
    lines: [...HEAD, ...request, "timeline:", "  - at: 9000h", "    recover: openai"],
    where: /budget\.yaml:11:9 timeline\[0\]\.at: the run would last 9000h simulated, more than the budget of 168h/,
  },
  { name: "duration: 1e300", lines: [...HEAD, ...request, "duration: 1e300"], where: /budget\.yaml:10:11 duration: the run would last .*e\+\d+h simulated/ },
];

describe("scenario budgets", () => {
  for (const command of ["validate", "run"]) {
    for (const { name, lines, where } of cases) {
      it(`${command} refuses ${name} at its field, exit 2`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "gateway-sim-budget-"));
        const file = join(dir, "budget.yaml");
        writeFileSync(file, `${lines.join("\n")}\n`);
        const io = captureIo();
        const code = await runCli([command, file, ...(command === "run" ? ["--no-progress"] : [])], io);
        expect(io.out(), io.out()).toMatch(where);
        expect(code).toBe(2);
      });
    }
  }

  it("a scenario may raise its own budget", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-budget-"));
    const file = join(dir, "budget.yaml");
    writeFileSync(file, `${[...HEAD, ...load("count: 2000"), "budget: { max_requests: 2000 }"].join("\n")}\n`);
    const io = captureIo();
    expect(await runCli(["validate", file], io), io.out()).toBe(0);
    writeFileSync(file, `${[...HEAD, ...load("count: 2000"), "budget: { max_requests: 1999 }"].join("\n")}\n`);
    expect(await runCli(["validate", file], captureIo())).toBe(2);
  });

  it("run --runs cannot multiply a plan past the budget", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-budget-"));
    const file = join(dir, "budget.yaml");
    writeFileSync(file, `${[...HEAD, ...load("count: 500")].join("\n")}\n`);
    const io = captureIo();
    expect(await runCli(["run", file, "--no-progress", "--runs", "10000"], io)).toBe(2);
    expect(io.out()).toMatch(/budget\.yaml:1:1 --runs 10000 × 500 planned requests = 5,000,000, more than the budget of 1,000,000/);
  });
});
