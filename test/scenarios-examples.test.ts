// The example suite in scenarios/ runs green inside vitest, through the same helper a team would
// use for its own scenarios. Snapshots must exist: a missing one fails instead of being written.
import { defineScenarioTests } from "../src/scenarios/vitest.js";

defineScenarioTests("scenarios", { snapshots: "none" });
