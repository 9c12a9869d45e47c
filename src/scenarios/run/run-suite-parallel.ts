// `run --workers N`: the suite's seeds (every seed of every scenario) spread over N worker threads,
// dearest first (seed-order), assembled into the report the in-process runner gives, byte for byte:
// scenarios in file order, each assembled from its seeds in seed order, reported (onScenario) in
// file order as they complete.
import { RealClock } from "../../core/clock.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { type ScenarioReport, type SuiteReport, type SuiteTiming, summarise } from "../report/types.js";
import { assembleScenarioReport, planScenario, type ScenarioPlan, scenarioMatches, type SeedRun } from "./run-scenario.js";
import { createSeedPool, type SeedPool } from "./seed-pool.js";
import { plannedRequests, seedJobs } from "./seed-order.js";
import { errorMessage } from "./seed-task.js";
import { crashedReport, invalidReport, loadForRun, runSuite, type RunSuiteOptions } from "./run-suite.js";

interface Slot {
  file: string;
  /** Set at once for an invalid file, else when the last seed is in. */
  report?: ScenarioReport;
  scenario?: LoadedScenario;
  plan?: ScenarioPlan;
  seeds: SeedRun[];
  failure?: { index: number; message: string };
  remaining: number;
  startedAt?: number;
  wallMs: number;
}

function plan(files: readonly string[], options: RunSuiteOptions): Slot[] {
  const slots: Slot[] = [];
  for (const file of files) {
    const loaded = loadForRun(file, options);
    if (!loaded.ok) slots.push({ file, report: invalidReport(file, loaded.issues), seeds: [], remaining: 0, wallMs: 0 });
    else if (scenarioMatches(loaded.scenario, options.only)) {
      const p = planScenario(loaded.scenario, options);
      slots.push({ file, scenario: loaded.scenario, plan: p, seeds: [], remaining: p.count, wallMs: 0 });
    }
  }
  return slots;
}

/**
 * With one worker, or one seed in all, this is {@link runSuite} in-process.
 *
 * @example
 * const { report } = await runSuiteParallel(files, { snapshots: "new" }, 4);
 */
export async function runSuiteParallel(files: readonly string[], options: RunSuiteOptions, workers: number): Promise<{ report: SuiteReport; timing: SuiteTiming }> {
  // In-process from the start: planning would load every file only for runSuite to load it again.
  if (workers <= 1) return runSuite(files, options);
  const wall = new RealClock();
  const suiteStart = wall.now();
  // An outside gateway runs in real time against one set of fakes: its seeds must not overlap.
  const externalUrl = options.gateway !== "builtin" && options.gateway?.url !== undefined;
  // The scenarios the runner loads, which its own thread then runs without loading them again.
  const loaded = new Map<string, LoadedScenario>();
  // Several files (at least one seed each): start the worker threads before planning, so loading
  // their modules (~0.5 s each) overlaps loading the files instead of delaying the first seeds.
  const warmed = files.length > 1 && !externalUrl ? createSeedPool(workers, loaded) : undefined;
  warmed?.warm(files.length);
  let slots: Slot[];
  try {
    slots = plan(files, options);
  } catch (error) {
    await warmed?.close();
    throw error;
  }
  const seedCount = slots.reduce((n, s) => n + s.remaining, 0);
  const external = externalUrl || (options.gateway !== "builtin" && slots.some((s) => s.scenario?.spec.gateway !== undefined));
  if (seedCount <= 1 || external) {
    await warmed?.close();
    return runSuite(files, options);
  }

  for (const slot of slots) if (slot.scenario) loaded.set(slot.file, slot.scenario);
  const pool: SeedPool = warmed ?? createSeedPool(workers, loaded);
  const progress = new Map<string, { done: number; expected: number }>();
  const scenarios: ScenarioReport[] = [];
  const timing: SuiteTiming = { wall_ms: 0, scenarios: [] };
  let flushed = 0;
  const flush = (): void => {
    for (let slot = slots[flushed]; slot?.report; slot = slots[++flushed]) {
      scenarios.push(slot.report);
      timing.scenarios.push({ file: slot.file, wall_ms: slot.wallMs });
      options.onScenario?.(slot.report);
    }
  };
  const settle = (slot: Slot): void => {
    const { scenario, plan: p } = slot;
    if (!scenario || !p) return;
    if (slot.failure) slot.report = crashedReport(slot.file, scenario, options, slot.failure.message);
    else {
      try {
        slot.report = assembleScenarioReport(scenario, p, slot.seeds, options);
      } catch (error) {
        slot.report = crashedReport(slot.file, scenario, options, errorMessage(error));
      }
    }
    slot.wallMs = wall.now() - (slot.startedAt ?? suiteStart);
  };
  const showProgress = (key: string, done: number, expected: number): void => {
    progress.set(key, { done, expected });
    let sumDone = 0;
    let sumExpected = 0;
    for (const p of progress.values()) {
      sumDone += p.done;
      sumExpected += p.expected;
    }
    options.onProgress?.(`${progress.size} seed${progress.size === 1 ? "" : "s"} running on ${Math.min(workers, seedCount)} workers`, sumDone, sumExpected);
  };

  flush();
  try {
    const jobs = seedJobs(slots.map((slot) => ({ requests: slot.scenario ? plannedRequests(slot.scenario.spec) : 0, seeds: slot.remaining })));
    await Promise.all(
      jobs.map(async ({ slot: at, index }) => {
        const slot = slots[at] as Slot;
        const key = `${slot.file}#${index}`;
        try {
          const seed = await pool.run(
            { file: slot.file, index, options: { seed: options.seed, runs: options.runs, only: options.only, transport: options.transport, requests: options.requests } },
            (done, expected) => {
              slot.startedAt ??= wall.now();
              showProgress(key, done, expected);
            },
          );
          slot.seeds[index] = seed;
        } catch (error) {
          // The lowest failing seed is the one the in-process runner would have stopped at.
          const message = error instanceof Error ? error.message : String(error);
          if (!slot.failure || index < slot.failure.index) slot.failure = { index, message };
        } finally {
          progress.delete(key);
          if (--slot.remaining === 0) {
            settle(slot);
            flush();
          }
        }
      }),
    );
  } finally {
    await pool.close();
  }
  timing.wall_ms = wall.now() - suiteStart;
  return { report: { summary: summarise(scenarios), scenarios }, timing };
}
