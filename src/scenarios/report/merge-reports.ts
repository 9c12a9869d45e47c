// Joins the JSON reports of a suite's shards (`run --shard i/n`) into the report one run of the
// whole suite gives: scenarios in the order a run lists them (path by path, folder entries sorted
// by name, as the suite's files are found), totals recomputed. A scenario in two shards is an error.
import type { SuiteReport, SuiteTiming, ScenarioReport } from "./types.js";
import { summarise } from "./types.js";

export interface ShardReport {
  /** Where the report came from, for error messages. */
  source: string;
  report: SuiteReport;
  timing?: SuiteTiming | undefined;
}

export type MergeResult = { ok: true; report: SuiteReport; timing: SuiteTiming | undefined } | { ok: false; message: string };

/** Orders paths as the suite walk does: segment by segment, each compared as a name. */
export function compareScenarioPaths(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/**
 * Timing survives only when every shard has it: the wall time is the slowest shard's (they run side
 * by side), each scenario keeps its own.
 *
 * @example
 * const merged = mergeReports([{ source: "shard-1.json", report: r1 }, { source: "shard-2.json", report: r2 }]);
 */
export function mergeReports(shards: readonly ShardReport[]): MergeResult {
  const seen = new Map<string, string>();
  const scenarios: { scenario: ScenarioReport; source: string }[] = [];
  for (const shard of shards) {
    for (const scenario of shard.report.scenarios) {
      const earlier = seen.get(scenario.file);
      if (earlier !== undefined) return { ok: false, message: `${scenario.file} is in both ${earlier} and ${shard.source}: merge the reports of one sharded run (each scenario once)` };
      seen.set(scenario.file, shard.source);
      scenarios.push({ scenario, source: shard.source });
    }
  }
  scenarios.sort((a, b) => compareScenarioPaths(a.scenario.file, b.scenario.file));
  const ordered = scenarios.map((s) => s.scenario);
  const timings = shards.map((s) => s.timing);
  let timing: SuiteTiming | undefined;
  if (timings.every((t): t is SuiteTiming => t !== undefined)) {
    const byFile = new Map(timings.flatMap((t) => t.scenarios.map((s) => [s.file, s.wall_ms] as const)));
    timing = { wall_ms: Math.max(0, ...timings.map((t) => t.wall_ms)), scenarios: ordered.map((s) => ({ file: s.file, wall_ms: byFile.get(s.file) ?? 0 })) };
  }
  return { ok: true, report: { summary: summarise(ordered), scenarios: ordered }, timing };
}
