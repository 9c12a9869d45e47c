// Runs a list of scenario files one after another and assembles the suite report. Invalid files
// become reports with their located issues; a crash inside a run becomes a failed report with the
// error, so one broken scenario never hides the others' results.
import { overBudgetWithSeeds } from "../schema/budget.js";
import type { ConfigIssue } from "../../core/load-config.js";
import { RealClock } from "../../core/clock.js";
import { loadScenario } from "../load/load-scenario.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { type ScenarioReport, type SuiteReport, type SuiteTiming, summarise } from "../report/types.js";
import { type RunScenarioOptions, runScenario, scenarioMatches } from "./run-scenario.js";
import { errorMessage } from "./seed-task.js";

export interface RunSuiteOptions extends Omit<RunScenarioOptions, "onProgress" | "usage"> {
  /** Called before each scenario starts (with its name and expected request count), and per request. */
  onProgress?: ((file: string, done: number, expected: number) => void) | undefined;
  /** Called as each scenario finishes, in order. */
  onScenario?: ((report: ScenarioReport) => void) | undefined;
}

function emptyReport(file: string, name: string, seed: string): ScenarioReport {
  return {
    file,
    name,
    description: null,
    seed,
    status: "failed",
    issues: [],
    runs: null,
    expectations: [],
    snapshot: null,
    stats: { requests: 0, simulated_ms: 0, cost_usd: 0, client_errors: 0 },
    error: null,
  };
}

/** The report of a file that does not validate. */
export function invalidReport(file: string, issues: ConfigIssue[]): ScenarioReport {
  return { ...emptyReport(file, file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""), ""), status: "invalid", issues };
}

/** The report of a scenario whose run threw (a bug, not a failed expectation). */
export function crashedReport(file: string, scenario: LoadedScenario, options: Pick<RunSuiteOptions, "seed">, message: string): ScenarioReport {
  return { ...emptyReport(file, scenario.name, options.seed ?? scenario.spec.seed), error: message };
}

/**
 * Loads a scenario for a run: its own issues, or `--runs` multiplying its plan past its request
 * budget (past what `validate` saw in the file: the same budget applies).
 *
 * @example
 * const loaded = loadForRun("scenarios/order.yaml", { runs: 20 });
 */
export function loadForRun(file: string, options: Pick<RunSuiteOptions, "runs">): ReturnType<typeof loadScenario> {
  const loaded = loadScenario(file);
  if (!loaded.ok || options.runs === undefined) return loaded;
  const overBudget = overBudgetWithSeeds(loaded.scenario.spec, options.runs);
  return overBudget === undefined ? loaded : { ok: false, issues: [{ file, line: 1, column: 1, path: "", message: overBudget }] };
}

/**
 * @example
 * const { report, timing } = await runSuite(["scenarios/order.yaml"], { snapshots: "new" });
 * report.summary.failed; // 0
 */
export async function runSuite(files: readonly string[], options: RunSuiteOptions = {}): Promise<{ report: SuiteReport; timing: SuiteTiming }> {
  const wall = new RealClock();
  const suiteStart = wall.now();
  const scenarios: ScenarioReport[] = [];
  const timing: SuiteTiming = { wall_ms: 0, scenarios: [] };
  for (const file of files) {
    const started = wall.now();
    const loaded = loadForRun(file, options);
    let report: ScenarioReport | undefined;
    if (!loaded.ok) report = invalidReport(file, loaded.issues);
    else if (scenarioMatches(loaded.scenario, options.only)) {
      const onProgress = options.onProgress;
      try {
        report = await runScenario(loaded.scenario, { ...options, onProgress: onProgress && ((done, expected) => onProgress(file, done, expected)) });
      } catch (error) {
        report = crashedReport(file, loaded.scenario, options, errorMessage(error));
      }
    }
    if (!report) continue;
    timing.scenarios.push({ file, wall_ms: wall.now() - started });
    scenarios.push(report);
    options.onScenario?.(report);
  }
  timing.wall_ms = wall.now() - suiteStart;
  return { report: { summary: summarise(scenarios), scenarios }, timing };
}
