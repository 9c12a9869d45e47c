// Turns scenario files into vitest test cases, so a team's own vitest suite runs them: one
// `describe` per scenario, one test per expectation (and one for the routing snapshot). The
// scenario runs once, on its first test; the others read the same report.
import { describe, it } from "vitest";
import { formatConfigIssue } from "../core/load-config.js";
import { findScenarioFiles } from "./load/find-scenario-files.js";
import { loadScenario } from "./load/load-scenario.js";
import type { LoadedScenario } from "./load/loaded-scenario.js";
import { errorLines, expectationFailureLines, snapshotFailureLines } from "./report/failure-text.js";
import type { ScenarioReport } from "./report/types.js";
import { runScenario, type RunScenarioOptions } from "./run/run-scenario.js";

export interface ScenarioTestOptions extends Pick<RunScenarioOptions, "seed" | "runs" | "snapshots" | "transport"> {
  /** Per-test timeout in ms (the first test of a scenario includes its run). Default 120 s. */
  timeout?: number;
}

function defineOne(scenario: LoadedScenario, options: ScenarioTestOptions): void {
  let report: Promise<ScenarioReport> | undefined;
  const run = (): Promise<ScenarioReport> => (report ??= runScenario(scenario, options));
  const timeout = options.timeout ?? 120_000;
  const failIfError = (r: ScenarioReport): void => {
    if (r.error) throw new Error(errorLines(r).join("\n"));
  };
  if (scenario.spec.expectations.length === 0) {
    it("runs", async () => failIfError(await run()), timeout);
  }
  for (const expectation of scenario.spec.expectations) {
    it(
      expectation.name,
      async () => {
        const r = await run();
        failIfError(r);
        const result = r.expectations.find((e) => e.name === expectation.name);
        if (result && !result.passed) throw new Error(expectationFailureLines(result).join("\n"));
      },
      timeout,
    );
  }
  if (scenario.spec.snapshot) {
    it(
      "routing snapshot",
      async () => {
        const r = await run();
        failIfError(r);
        const lines = snapshotFailureLines(r);
        if (lines.length > 0) throw new Error(lines.join("\n"));
      },
      timeout,
    );
  }
}

/**
 * Registers the scenarios in `dirOrFiles` (files, or folders searched recursively; relative to the
 * working directory) as vitest tests.
 * A file that does not validate becomes one failing test listing every located problem.
 *
 * @example
 * // test/scenarios.test.ts
 * import { defineScenarioTests } from "gateway-sim/vitest";
 * defineScenarioTests("scenarios");
 */
export function defineScenarioTests(dirOrFiles: string | readonly string[], options: ScenarioTestOptions = {}): void {
  const paths = typeof dirOrFiles === "string" ? [dirOrFiles] : dirOrFiles;
  const { files, missing } = findScenarioFiles(paths, process.cwd());
  if (missing.length > 0 || files.length === 0) {
    it("finds scenario files", () => {
      throw new Error(missing.length > 0 ? `no such file or folder: ${missing.join(", ")}` : `no scenario files in ${paths.join(", ")}`);
    });
    return;
  }
  for (const file of files) {
    const loaded = loadScenario(file);
    if (!loaded.ok) {
      describe(file, () => {
        it("is a valid scenario file", () => {
          throw new Error(loaded.issues.map(formatConfigIssue).join("\n"));
        });
      });
      continue;
    }
    describe(`${loaded.scenario.name} (${file})`, () => defineOne(loaded.scenario, options));
  }
}
