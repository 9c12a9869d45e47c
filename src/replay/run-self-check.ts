// Runs a written replay scenario in-process, exactly as `gateway-sim run` would (its seed, its clock,
// its settings; no snapshot), and compares the requests it makes with the logged ones.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigIssue } from "../core/load-config.js";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import { loadScenario } from "../scenarios/load/load-scenario.js";
import { runScenario } from "../scenarios/run/run-scenario.js";
import { byArrival, type ReplayRecord, replayRecordSchema } from "./read-usage-log.js";
import { renderReplayYaml } from "./render-replay-yaml.js";
import { compareReplay, type SelfCheckResult } from "./self-check.js";

export interface SelfCheckRun extends SelfCheckResult {
  /** The replayed scenario's own (window) expectations. */
  expectations: { passed: number; total: number };
}

export type SelfCheckOutcome = { ok: true; check: SelfCheckRun } | { ok: false; issues: ConfigIssue[] };

/**
 * `logged`: the records the scenario re-sends, in arrival order (records that never reached routing
 * left out, as the scenario leaves them out).
 *
 * @example
 * const outcome = await runSelfCheck("incident.yaml", read.records.filter(isReplayable));
 */
export async function runSelfCheck(scenarioFile: string, logged: readonly ReplayRecord[]): Promise<SelfCheckOutcome> {
  const loaded = loadScenario(scenarioFile);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  const usage = createMemoryUsageLog();
  const report = await runScenario(loaded.scenario, { usage, snapshots: "none", requests: false });
  // The same reader as the log's: replayed records are compared field for field with logged ones.
  const replayed = usage
    .list()
    .map((r) => replayRecordSchema.parse(r))
    .sort(byArrival);
  const passed = report.expectations.filter((e) => e.passed).length;
  return { ok: true, check: { ...compareReplay(logged, replayed), expectations: { passed, total: report.expectations.length } } };
}

/**
 * The same for a scenario not written anywhere (`replay` without `-o`): the scenario loader reads
 * files, so it runs from a temporary copy, removed after. Its `catalog` must be absolute or `default`.
 *
 * @example
 * const outcome = await runSelfCheckUnwritten({ ...scenario, catalog: "/abs/catalog.yaml" }, logged);
 */
export async function runSelfCheckUnwritten(scenario: Record<string, unknown>, logged: readonly ReplayRecord[]): Promise<SelfCheckOutcome> {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-replay-"));
  try {
    const file = join(dir, "replay.yaml");
    writeFileSync(file, renderReplayYaml(scenario, "the usage log"));
    return await runSelfCheck(file, logged);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
