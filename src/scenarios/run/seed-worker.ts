// A worker thread of `run --workers N`: runs the seeds it is sent, one at a time, and posts back
// each seed's run. The scenario file is loaded here (the same file, the same result); a file's
// loaded form is kept for its other seeds.
import { parentPort } from "node:worker_threads";
import { loadScenario } from "../load/load-scenario.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { planScenario, runSeed } from "./run-scenario.js";
import { errorMessage, type SeedMessage, type SeedTask } from "./seed-task.js";

/** Progress is posted every this many requests (and at the end), not per request. */
const PROGRESS_EVERY = 100;

const loaded = new Map<string, LoadedScenario>();

function scenarioOf(file: string): LoadedScenario {
  const cached = loaded.get(file);
  if (cached) return cached;
  const result = loadScenario(file);
  // The runner loaded it first and only sends files that load; a file changed in between is an error.
  if (!result.ok) throw new Error(`${file} no longer loads: ${result.issues[0]?.message ?? "invalid"}`);
  loaded.set(file, result.scenario);
  return result.scenario;
}

async function run(task: SeedTask): Promise<SeedMessage> {
  try {
    const scenario = scenarioOf(task.file);
    const plan = planScenario(scenario, task.options);
    const onProgress = (done: number, expected: number): void => {
      if (done % PROGRESS_EVERY === 0 || done === expected) parentPort?.postMessage({ type: "progress", id: task.id, done, expected } satisfies SeedMessage);
    };
    const seed = await runSeed(scenario, plan, task.index, { ...task.options, onProgress });
    return { type: "done", id: task.id, seed };
  } catch (error) {
    return { type: "failed", id: task.id, message: errorMessage(error) };
  }
}

parentPort?.on("message", (task: SeedTask) => {
  void run(task).then((message) => parentPort?.postMessage(message));
});
