// Runs one seed task (a scenario file and a seed index) to its message: what a worker thread does
// with each task, and what the runner's own thread does with the tasks it keeps. A file's loaded
// form is kept for its other seeds.
import { loadScenario } from "../load/load-scenario.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { planScenario, runSeed } from "./run-scenario.js";
import { errorMessage, type SeedMessage, type SeedTask } from "./seed-task.js";

/** Progress is reported every this many requests (and at the end), not per request. */
const PROGRESS_EVERY = 100;

/**
 * @example
 * const run = seedTaskRunner();
 * const message = await run(task, (m) => parentPort?.postMessage(m));
 */
export function seedTaskRunner(preloaded?: ReadonlyMap<string, LoadedScenario>): (task: SeedTask, post: (progress: SeedMessage) => void) => Promise<SeedMessage> {
  // The runner's own thread gets the scenarios it has already loaded: loading is not done twice.
  const loaded = new Map<string, LoadedScenario>(preloaded);
  const scenarioOf = (file: string): LoadedScenario => {
    const cached = loaded.get(file);
    if (cached) return cached;
    const result = loadScenario(file);
    // The runner loaded it first and only sends files that load; a file changed in between is an error.
    if (!result.ok) throw new Error(`${file} no longer loads: ${result.issues[0]?.message ?? "invalid"}`);
    loaded.set(file, result.scenario);
    return result.scenario;
  };
  return async function runSeedTask(task, post) {
    try {
      const scenario = scenarioOf(task.file);
      const plan = planScenario(scenario, task.options);
      const onProgress = (done: number, expected: number): void => {
        if (done % PROGRESS_EVERY === 0 || done === expected) post({ type: "progress", id: task.id, done, expected });
      };
      const seed = await runSeed(scenario, plan, task.index, { ...task.options, onProgress });
      return { type: "done", id: task.id, seed };
    } catch (error) {
      return { type: "failed", id: task.id, message: errorMessage(error) };
    }
  };
}
