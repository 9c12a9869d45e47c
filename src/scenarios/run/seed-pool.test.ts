import { afterEach, describe, expect, it } from "vitest";
import { loadScenario } from "../load/load-scenario.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { planScenario, runSeed } from "./run-scenario.js";
import { createSeedPool, type SeedPool } from "./seed-pool.js";

const FILE = "test/fixtures/scenarios/passing.yaml";
const TIMEOUT = 60_000;

function load(): LoadedScenario {
  const loaded = loadScenario(FILE);
  if (!loaded.ok) throw new Error(`${FILE} does not load`);
  return loaded.scenario;
}

let pool: SeedPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("createSeedPool", () => {
  it(
    "warmed before its scenarios are known, runs its own thread's tasks on the scenarios added afterwards",
    async () => {
      const preloaded = new Map<string, LoadedScenario>();
      pool = createSeedPool(2, preloaded);
      pool.warm(2);
      // Planning fills the map after the pool started: a file that is not on disk, so only the
      // map can supply it.
      const scenario = load();
      preloaded.set("planned-only.yaml", scenario);
      const seed = await pool.run({ file: "planned-only.yaml", index: 0, options: { runs: 2 } });
      const expected = await runSeed(scenario, planScenario(scenario, { runs: 2 }), 0);
      expect(seed.run).toEqual(expected.run);
      expect(seed.requests?.rows.length).toBe(12);
    },
    TIMEOUT,
  );

  it(
    "runs seeds on its own thread and the warmed worker at once, each seed as in-process",
    async () => {
      const scenario = load();
      pool = createSeedPool(2, new Map([[FILE, scenario]]));
      pool.warm(2);
      const plan = planScenario(scenario, { runs: 3 });
      const seeds = await Promise.all([0, 1, 2].map((index) => (pool as SeedPool).run({ file: FILE, index, options: { runs: 3 } })));
      for (const [index, seed] of seeds.entries()) expect(seed.run).toEqual((await runSeed(scenario, plan, index)).run);
      expect(seeds.map((s) => s.run.seed)).toEqual(["1", "1:1", "1:2"]);
    },
    TIMEOUT,
  );
});
