// `run --workers N`, `run --shard i/n` and `merge-reports` through the real bin (tsx: the workers load
// the TypeScript worker module): the same report byte for byte whether one thread runs the suite,
// two workers share its seeds, or three shards run it and merge-reports joins them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const bin = join(process.cwd(), "bin", "gateway-sim.js");
/** Passing, failing, invalid and statistical (5 seeds) scenarios, from folders and a file. */
const SUITE = ["scenarios/healing", "scenarios/ignore-deepinfra.yaml", "test/fixtures/scenarios", "test/fixtures/bad-scenarios/unknown-field.yaml"];
const TIMEOUT = 240_000;

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = "";
let single = "";
let singleConsole = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gateway-sim-workers-"));
  const run = cli(["run", ...SUITE, "--ci", "--workers", "1", "--no-timing", "--reporter", "json", "--output", join(dir, "one.json")]);
  expect(run.code).toBe(2); // the invalid file
  single = readFileSync(join(dir, "one.json"), "utf8");
  singleConsole = run.stdout;
}, TIMEOUT);

const withoutWall = (text: string): string => text.replace(/ in \S+ wall \(×[\d,]+\)/, "");

describe("run --workers", () => {
  it(
    "gives the in-process report byte for byte, and the same console report in the same order",
    () => {
      const run = cli(["run", ...SUITE, "--ci", "--workers", "2", "--no-timing", "--reporter", "json", "--output", join(dir, "two.json")]);
      expect(run.code).toBe(2);
      expect(readFileSync(join(dir, "two.json"), "utf8")).toBe(single);
      expect(withoutWall(run.stdout)).toBe(withoutWall(singleConsole));
      const report = JSON.parse(single) as { scenarios: { name: string; status: string; runs: { seeds: number } | null }[] };
      // The suite exercises what matters: a statistical scenario's seeds, a failure, an invalid file.
      expect(report.scenarios.find((s) => s.name === "ignore-deepinfra")?.runs?.seeds).toBe(5);
      expect(report.scenarios.map((s) => s.status)).toEqual(expect.arrayContaining(["passed", "failed", "invalid"]));
    },
    TIMEOUT,
  );
});

describe("run --shard and merge-reports", () => {
  it(
    "three shards cover every scenario exactly once and merge into the single run's report",
    () => {
      const shards = [1, 2, 3].map((i) => {
        const output = join(dir, `shard-${i}.json`);
        const run = cli(["run", ...SUITE, "--ci", "--workers", "1", "--shard", `${i}/3`, "--no-timing", "--reporter", "json", "--output", output]);
        expect([0, 1, 2]).toContain(run.code);
        return output;
      });
      const files = shards.flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as { scenarios: { file: string }[] }).scenarios.map((s) => s.file));
      const all = (JSON.parse(single) as { scenarios: { file: string }[] }).scenarios.map((s) => s.file);
      expect([...files].sort()).toEqual([...all].sort());
      expect(new Set(files).size).toBe(files.length);
      // Not all in one shard: the split is a real split.
      expect(shards.filter((f) => (JSON.parse(readFileSync(f, "utf8")) as { scenarios: unknown[] }).scenarios.length > 0).length).toBeGreaterThan(1);

      const partial = cli(["merge-reports", ...shards.slice(0, 2)]);
      expect(partial.code).toBe(2);
      expect(partial.stderr).toContain("shard 3/3 missing");

      const merged = cli(["merge-reports", ...shards, "--reporter", "json", "--output", join(dir, "merged.json")]);
      expect(merged.code).toBe(2);
      expect(readFileSync(join(dir, "merged.json"), "utf8")).toBe(single);
      // The console report of the merge is the single run's, scenario blocks in the same order.
      expect(merged.stdout).toBe(withoutWall(singleConsole));
    },
    TIMEOUT,
  );

  it(
    "names the problem: a malformed shard, a file that is not JSON, a JSON that is not a report, a scenario in two shards",
    () => {
      const bad = cli(["run", "scenarios/healing", "--shard", "4/3"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--shard");
      expect(bad.stderr).toContain('expected i/n with 1 ≤ i ≤ n (e.g. --shard 1/3), got "4/3"');

      writeFileSync(join(dir, "broken.json"), '{\n  "summary": {,\n}');
      const broken = cli(["merge-reports", join(dir, "broken.json")]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain("broken.json:2:15 invalid JSON");

      writeFileSync(join(dir, "other.json"), JSON.stringify({ summary: { scenarios: 1 }, scenarios: [] }));
      const other = cli(["merge-reports", join(dir, "other.json")]);
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/other\.json: not a gateway-sim JSON report \(run --reporter json\): at summary\.passed: /);

      const twice = cli(["merge-reports", join(dir, "one.json"), join(dir, "one.json")]);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toMatch(/is in both .*one\.json and .*one\.json/);
      expect(bad.stderr + broken.stderr + other.stderr + twice.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT,
  );
});
