// Runs each scenario twice — same traffic, same seed — once per preset version, and compares the
// metrics of every preset the traffic used.
import type { ConfigIssue } from "../core/load-config.js";
import type { UsageRecord } from "../gateway/types.js";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import { loadScenario } from "../scenarios/load/load-scenario.js";
import { runScenario } from "../scenarios/run/run-scenario.js";
import { compareMetrics, type DiffThresholds } from "./compare.js";
import { presetMetrics } from "./metrics.js";
import type { DiffReport } from "./render-diff.js";

export interface RunDiffOptions {
  files: readonly string[];
  before: { dir: string; label: string };
  after: { dir: string; label: string };
  thresholds: DiffThresholds;
  /** Overrides every scenario's seed (both versions use the same one). */
  seed?: string | undefined;
}

export type RunDiffResult = { ok: true; report: DiffReport } | { ok: false; issues: ConfigIssue[] };

async function recordsWith(file: string, presetsDir: string, seed: string | undefined): Promise<{ name: string; records: UsageRecord[] } | { issues: ConfigIssue[] }> {
  const loaded = loadScenario(file, { presetsDir });
  if (!loaded.ok) return { issues: loaded.issues };
  const usage = createMemoryUsageLog();
  // One run: statistical mode's extra seeds would only repeat the comparison.
  await runScenario(loaded.scenario, { usage, seed, runs: 1, snapshots: "none" });
  return { name: loaded.scenario.name, records: usage.list() };
}

/**
 * @example
 * const result = await runDiff({ files: ["scenarios/support.yaml"], before: { dir: "presets-v1", label: "v1" }, after: { dir: "presets", label: "HEAD" }, thresholds: DEFAULT_THRESHOLDS });
 */
export async function runDiff(options: RunDiffOptions): Promise<RunDiffResult> {
  const report: DiffReport = { before: options.before.label, after: options.after.label, scenarios: [] };
  const issues: ConfigIssue[] = [];
  for (const file of options.files) {
    const before = await recordsWith(file, options.before.dir, options.seed);
    const after = await recordsWith(file, options.after.dir, options.seed);
    if ("issues" in before || "issues" in after) {
      issues.push(...("issues" in before ? before.issues : []), ...("issues" in after ? after.issues : []));
      continue;
    }
    const b = presetMetrics(before.records);
    const a = presetMetrics(after.records);
    const presets = [...new Set([...b.keys(), ...a.keys()])].sort();
    report.scenarios.push({ file, name: before.name, presets: presets.map((preset) => ({ preset, rows: compareMetrics(b.get(preset), a.get(preset), options.thresholds) })) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, report };
}
