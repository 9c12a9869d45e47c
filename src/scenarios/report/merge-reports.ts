// Joins the JSON reports of a suite's shards (`run --shard i/n`) into the report one run of the
// whole suite gives: scenarios in the suite's run order (which every shard report records), totals
// recomputed. A scenario in two shards, or a shard missing, is an error. Reports without the shard
// record (joined by hand) are ordered path by path, as the walk of one suite folder lists them.
import type { ScenarioReport, ShardInfo, SuiteReport, SuiteTiming } from "./types.js";
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

type Entry = { scenario: ScenarioReport };

/** The comparison that puts scenarios in run order, or why the shards do not make one run. */
function suiteOrder(shards: readonly ShardReport[]): ((a: Entry, b: Entry) => number) | string {
  const infos = shards.map((s) => s.report.shard);
  if (infos.length === 0 || !infos.every((i): i is ShardInfo => i !== undefined)) {
    return (a, b) => compareScenarioPaths(a.scenario.file, b.scenario.file);
  }
  const first = infos[0] as ShardInfo;
  const same = infos.every((i) => i.count === first.count && i.files.length === first.files.length && i.files.every((f, k) => f === first.files[k]));
  if (!same) return "the reports come from different suites or shard counts (their shard records differ): merge the shards of one run";
  const have = new Set(infos.map((i) => i.index));
  const missing = Array.from({ length: first.count }, (_, k) => k + 1).filter((i) => !have.has(i));
  if (missing.length > 0) return `shard ${missing.map((i) => `${i}/${first.count}`).join(", ")} missing: the merge of a partial suite is not the suite's report`;
  const position = new Map(first.files.map((f, k) => [f, k]));
  return (a, b) => (position.get(a.scenario.file) ?? Infinity) - (position.get(b.scenario.file) ?? Infinity);
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
  const order = suiteOrder(shards);
  if (typeof order === "string") return { ok: false, message: order };
  scenarios.sort(order);
  const ordered = scenarios.map((s) => s.scenario);
  const timings = shards.map((s) => s.timing);
  let timing: SuiteTiming | undefined;
  if (timings.every((t): t is SuiteTiming => t !== undefined)) {
    const byFile = new Map(timings.flatMap((t) => t.scenarios.map((s) => [s.file, s.wall_ms] as const)));
    timing = { wall_ms: Math.max(0, ...timings.map((t) => t.wall_ms)), scenarios: ordered.map((s) => ({ file: s.file, wall_ms: byFile.get(s.file) ?? 0 })) };
  }
  return { ok: true, report: { summary: summarise(ordered), scenarios: ordered }, timing };
}
