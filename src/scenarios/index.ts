// Scenario suites: load and validate scenario files, run them against the fakes and the gateway on
// a virtual clock, evaluate expectations, and report. The vitest helper lives in ./vitest.ts (it
// imports vitest, so it is not re-exported here).
export { loadScenario, type LoadScenarioResult } from "./load/load-scenario.js";
export type { LoadedScenario } from "./load/loaded-scenario.js";
export { findScenarioFiles, SCENARIO_EXTENSIONS } from "./load/find-scenario-files.js";
export { runOnce, type RunOnceOptions, type RunOnceResult } from "./run/run-once.js";
export { derivedSeed, runScenario, type RunScenarioOptions } from "./run/run-scenario.js";
export { runSuite, type RunSuiteOptions } from "./run/run-suite.js";
export { scenarioSchemaFor, TRANSPORTS, type ScenarioFile, type ScenarioFileInput, type Transport } from "./schema/scenario.js";
export { expectationSchema, AGGREGATE_CHECKS, PER_REQUEST_CHECKS, type Expectation } from "./schema/expectations.js";
export { renderScenarioJsonSchema, scenarioJsonSchema } from "./json-schema.js";
export { createEvaluator, type ExpectationEvaluator } from "./expect/evaluate.js";
export type { RequestOutcome, RunFacts } from "./expect/outcome.js";
export type { CheckFailure, ExpectationResult } from "./expect/result.js";
export { checkSnapshot, snapshotPath, SNAPSHOT_MODES, type SnapshotMode, type SnapshotOutcome } from "./snapshot/snapshot-file.js";
export { renderScenarioBlock, renderSummary } from "./report/console-reporter.js";
export { JSON_REPORT_VERSION, renderJsonReport } from "./report/json-reporter.js";
export { renderJunitReport } from "./report/junit-reporter.js";
export { reproduceCommand } from "./report/reproduce.js";
export type { ExpectationReport, ScenarioReport, SuiteReport, SuiteSummary, SuiteTiming } from "./report/types.js";
