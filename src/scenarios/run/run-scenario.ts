// A scenario from loaded file to report: one run, or N runs over derived seeds in statistical
// mode, the routing snapshot compared, and a reproduce command for every failure.
import type { ExpectationResult } from "../expect/result.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import { degradationPhases } from "../report/degradation-phases.js";
import { reproduceCommand } from "../report/reproduce.js";
import { createRequestCollector } from "../report/request-collector.js";
import type { RequestsSection } from "../report/request-rows.js";
import type { ExpectationReport, ScenarioReport, ScenarioStats } from "../report/types.js";
import type { Expectation } from "../schema/expectations.js";
import type { Transport } from "../schema/scenario.js";
import { checkSnapshot, type SnapshotMode, type SnapshotOutcome } from "../snapshot/snapshot-file.js";
import type { UsageLog } from "../../gateway/usage/usage-log.js";
import { type GatewayOverrides, resolveGatewayTarget } from "../../external/gateway-target.js";
import { runOnce, type RunOnceResult } from "./run-once.js";

export interface RunScenarioOptions {
  /** Overrides the scenario's seed. */
  seed?: string | undefined;
  /** Overrides `runs.seeds` (1 turns statistical mode off). */
  runs?: number | undefined;
  /** Only the expectation (or scenario) with this name; `snapshot` for only the snapshot. */
  only?: string | undefined;
  snapshots?: SnapshotMode | undefined;
  transport?: Transport | undefined;
  /** Receives the usage records of the first run. */
  usage?: UsageLog | undefined;
  onProgress?: ((done: number, expected: number) => void) | undefined;
  /** Keep the first run's requests in the report (`requests`); default true. */
  requests?: boolean | undefined;
  /** An outside gateway to play against (over the file's `gateway:`), or `builtin` to ignore the file's. */
  gateway?: GatewayOverrides | "builtin" | undefined;
}

/** The seed of run `i`: the base seed itself first, so run 0 replays a single-seed run. */
export function derivedSeed(base: string, i: number): string {
  return i === 0 ? base : `${base}:${i}`;
}

/** Whether `only` selects anything in the scenario. */
export function scenarioMatches(scenario: LoadedScenario, only: string | undefined): boolean {
  if (only === undefined || only === scenario.name) return true;
  if (only === "snapshot") return scenario.spec.snapshot;
  return scenario.spec.expectations.some((e) => e.name === only);
}

function addStats(total: ScenarioStats, run: ScenarioStats): void {
  total.requests += run.requests;
  total.simulated_ms += run.simulated_ms;
  total.cost_usd += run.cost_usd;
  total.client_errors += run.client_errors;
}

/** What a scenario's runs are: the seeds, the expectations evaluated, whether to snapshot. */
export interface ScenarioPlan {
  base: string;
  count: number;
  passRate: number;
  expectations: Expectation[];
  wantSnapshot: boolean;
}

/** The outcome of one seed; the first run also carries the report's requests section. */
export interface SeedRun {
  run: RunOnceResult;
  requests?: RequestsSection | undefined;
}

/**
 * @example
 * const plan = planScenario(loaded, { runs: 20 }); // plan.count === 20
 */
export function planScenario(scenario: LoadedScenario, options: Pick<RunScenarioOptions, "seed" | "runs" | "only"> = {}): ScenarioPlan {
  const { spec } = scenario;
  const base = options.seed ?? spec.seed;
  const only = options.only === scenario.name ? undefined : options.only;
  return {
    base,
    count: options.runs ?? spec.runs?.seeds ?? 1,
    passRate: spec.runs?.pass_rate ?? 1,
    expectations: spec.expectations.filter((e) => only === undefined || e.name === only),
    wantSnapshot: spec.snapshot && (only === undefined || only === "snapshot") && base === spec.seed,
  };
}

/**
 * Run `i` of a plan: independent of every other run, so seeds may run in any order or in parallel
 * (worker threads) and still assemble into the same report.
 *
 * @example
 * const first = await runSeed(loaded, plan, 0);
 */
export async function runSeed(scenario: LoadedScenario, plan: ScenarioPlan, i: number, options: RunScenarioOptions = {}): Promise<SeedRun> {
  const collector = i === 0 && options.requests !== false ? createRequestCollector() : undefined;
  const seed = derivedSeed(plan.base, i);
  const target = options.gateway === "builtin" ? undefined : resolveGatewayTarget(scenario.spec.gateway, options.gateway ?? {});
  let run: RunOnceResult;
  if (target) {
    // Loaded on first use: the outside-gateway runner brings express and its fakes server, which
    // every worker thread and every built-in run would otherwise load for nothing.
    const { runExternalOnce } = await import("../../external/run-external.js");
    run = await runExternalOnce(scenario, { target, seed, expectations: plan.expectations, onProgress: options.onProgress, onRequest: collector?.add });
  } else {
    run = await runOnce(scenario, {
      seed,
      expectations: plan.expectations,
      collectDecisions: plan.wantSnapshot && i === 0,
      transport: options.transport,
      usage: i === 0 ? options.usage : undefined,
      onProgress: options.onProgress,
      onRequest: collector?.add,
    });
  }
  return { run, requests: collector?.finish(degradationPhases(scenario, run.stats.simulated_ms)) };
}

/**
 * The scenario's report from its seeds' runs (in seed order); checks (and writes) the snapshot.
 *
 * @example
 * const report = assembleScenarioReport(loaded, plan, [await runSeed(loaded, plan, 0)], { snapshots: "new" });
 */
export function assembleScenarioReport(scenario: LoadedScenario, plan: ScenarioPlan, seeds: readonly SeedRun[], options: Pick<RunScenarioOptions, "snapshots"> = {}): ScenarioReport {
  const { spec } = scenario;
  const { base, count, passRate, expectations, wantSnapshot } = plan;
  const stats: ScenarioStats = { requests: 0, simulated_ms: 0, cost_usd: 0, client_errors: 0 };
  const runs = seeds.map((s) => s.run);
  for (const run of runs) addStats(stats, run.stats);
  const reports = expectations.map((e, k) => expectationReport(scenario, runs, k, count > 1 ? passRate : undefined));
  let snapshot: SnapshotOutcome | null = null;
  const decisions = runs[0]?.decisions;
  if (wantSnapshot && decisions) {
    snapshot = checkSnapshot(scenario.file, { scenario: scenario.name, seed: base, decisions }, options.snapshots ?? "new");
  }
  const snapshotFailed = snapshot?.status === "mismatch" || snapshot?.status === "missing";
  const requests = seeds[0]?.requests;
  return {
    file: scenario.file,
    name: scenario.name,
    description: spec.description ?? null,
    seed: base,
    status: reports.every((r) => r.passed) && !snapshotFailed ? "passed" : "failed",
    issues: [],
    runs: count > 1 ? { seeds: count, pass_rate: passRate, passed: runs.filter((r) => r.results.every((x) => x.passed)).length } : null,
    expectations: reports,
    snapshot,
    stats,
    error: null,
    ...(requests ? { requests } : {}),
  };
}

/**
 * @example
 * const report = await runScenario(loaded, { snapshots: "new" });
 * report.status; // "passed" | "failed"
 */
export async function runScenario(scenario: LoadedScenario, options: RunScenarioOptions = {}): Promise<ScenarioReport> {
  const plan = planScenario(scenario, options);
  const seeds: SeedRun[] = [];
  for (let i = 0; i < plan.count; i++) seeds.push(await runSeed(scenario, plan, i, options));
  return assembleScenarioReport(scenario, plan, seeds, options);
}

function expectationReport(scenario: LoadedScenario, runs: readonly RunOnceResult[], k: number, passRate: number | undefined): ExpectationReport {
  const results = runs.map((r) => r.results[k] as ExpectationResult);
  const passes = results.filter((r) => r.passed).length;
  const passed = passRate === undefined ? passes === results.length : passes / results.length >= passRate;
  const failingAt = results.findIndex((r) => !r.passed);
  const shown = failingAt === -1 ? 0 : failingAt;
  const result = results[shown] as ExpectationResult;
  const seed = runs[shown]?.seed ?? "";
  return {
    name: result.name,
    passed,
    selected: result.selected,
    // In statistical mode a passing expectation may still have failed on some seeds: show one.
    failures: passed && passRate === undefined ? [] : result.failures,
    pass_rate: passRate === undefined ? null : passes / results.length,
    seed,
    reproduce: passed ? null : reproduceCommand({ file: scenario.file, only: result.name, seed, singleRun: runs.length > 1 }),
  };
}
