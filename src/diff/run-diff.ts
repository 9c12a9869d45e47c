// Runs each scenario twice — same traffic, same seed — once per preset version, and compares the
// metrics of every preset the traffic used. What a version is for a scenario (its folder, its own
// inline presets at a revision, conflicts) is decided in load-scenario-pair.ts.
import type { ConfigIssue } from "../core/load-config.js";
import type { UsageRecord } from "../gateway/types.js";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { runScenario } from "../scenarios/run/run-scenario.js";
import { compareMetrics, type DiffThresholds } from "./compare.js";
import { type DiffSide, loadScenarioPair } from "./load-scenario-pair.js";
import { presetMetrics } from "./metrics.js";
import type { GitRunner } from "./preset-source.js";
import type { DiffReport } from "./render-diff.js";

export interface RunDiffOptions {
  files: readonly string[];
  /** A folder, or a git revision's presets written to one (`revision` set: inline presets are read at it too). */
  before: DiffSide;
  after: DiffSide;
  thresholds: DiffThresholds;
  /** Overrides every scenario's seed (both versions use the same one). */
  seed?: string | undefined;
  /** Runs git for revisions (tests pass a fake); default: the git on PATH. */
  git?: GitRunner | undefined;
}

export type RunDiffResult = { ok: true; report: DiffReport } | { ok: false; issues: ConfigIssue[] };

async function recordsOf(scenario: LoadedScenario, seed: string | undefined): Promise<UsageRecord[]> {
  const usage = createMemoryUsageLog();
  // One run: statistical mode's extra seeds would only repeat the comparison.
  await runScenario(scenario, { usage, seed, runs: 1, snapshots: "none" });
  return usage.list();
}

/**
 * @example
 * const result = await runDiff({ files: ["scenarios/support.yaml"], before: { dir: "presets-v1", label: "v1" }, after: { dir: "presets", label: "HEAD" }, thresholds: DEFAULT_THRESHOLDS });
 */
export async function runDiff(options: RunDiffOptions): Promise<RunDiffResult> {
  const report: DiffReport = { before: options.before.label, after: options.after.label, scenarios: [] };
  const issues: ConfigIssue[] = [];
  for (const file of options.files) {
    const pair = await loadScenarioPair(file, options, options.git);
    if (!pair.ok) {
      issues.push(...pair.issues);
      continue;
    }
    const b = presetMetrics(await recordsOf(pair.before, options.seed));
    const a = presetMetrics(await recordsOf(pair.after, options.seed));
    const presets = [...new Set([...b.keys(), ...a.keys()])].sort();
    const rows = presets.map((preset) => ({ preset, rows: compareMetrics(b.get(preset), a.get(preset), options.thresholds) }));
    report.scenarios.push({ file, name: pair.name, presets: rows, notes: pair.notes });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, report };
}
