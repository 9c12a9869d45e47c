// The results of a suite run, shaped as the JSON report prints them. Everything here is
// deterministic for a given scenario and seed; wall-clock time lives only in SuiteTiming.
import type { ConfigIssue } from "../../core/load-config.js";
import type { CheckFailure } from "../expect/result.js";
import type { RequestsSection } from "./request-rows.js";
import type { SnapshotOutcome } from "../snapshot/snapshot-file.js";

export interface ExpectationReport {
  name: string;
  passed: boolean;
  /** Requests selected (in the run the failures come from). */
  selected: number;
  failures: CheckFailure[];
  /** Statistical mode: share of seeds on which the expectation held. */
  pass_rate: number | null;
  /** The seed of the run the failures come from. */
  seed: string;
  /** A one-line command that runs just this expectation again; set on failure. */
  reproduce: string | null;
}

export interface ScenarioStats {
  requests: number;
  /** Simulated time the run covered. */
  simulated_ms: number;
  cost_usd: number;
  client_errors: number;
}

export interface ScenarioReport {
  file: string;
  name: string;
  description: string | null;
  seed: string;
  status: "passed" | "failed" | "invalid";
  /** For an invalid scenario: every located problem. */
  issues: ConfigIssue[];
  /** Statistical mode settings and how many seeds passed every expectation. */
  runs: { seeds: number; pass_rate: number; passed: number } | null;
  expectations: ExpectationReport[];
  snapshot: SnapshotOutcome | null;
  /** Summed over all runs of the scenario. */
  stats: ScenarioStats;
  /** An internal error that stopped the run (a bug, not a failed expectation). */
  error: string | null;
  /** The first run's requests, for the HTML report (absent for invalid or crashed scenarios). */
  requests?: RequestsSection;
}

export interface SuiteSummary {
  scenarios: number;
  passed: number;
  failed: number;
  invalid: number;
  expectations: { passed: number; failed: number };
  requests: number;
  simulated_ms: number;
  cost_usd: number;
}

export interface SuiteReport {
  summary: SuiteSummary;
  scenarios: ScenarioReport[];
  /** A `run --shard i/n` report: which share, and the whole suite's files in run order (for merge-reports). */
  shard?: ShardInfo;
}

export interface ShardInfo {
  index: number;
  count: number;
  files: string[];
}

/** Wall-clock measurements, kept apart so reports can be compared byte for byte without them. */
export interface SuiteTiming {
  wall_ms: number;
  scenarios: { file: string; wall_ms: number }[];
}

/** Totals over scenario reports. */
export function summarise(scenarios: readonly ScenarioReport[]): SuiteSummary {
  const summary: SuiteSummary = {
    scenarios: scenarios.length,
    passed: 0,
    failed: 0,
    invalid: 0,
    expectations: { passed: 0, failed: 0 },
    requests: 0,
    simulated_ms: 0,
    cost_usd: 0,
  };
  for (const s of scenarios) {
    summary[s.status]++;
    for (const e of s.expectations) summary.expectations[e.passed ? "passed" : "failed"]++;
    summary.requests += s.stats.requests;
    summary.simulated_ms += s.stats.simulated_ms;
    summary.cost_usd += s.stats.cost_usd;
  }
  return summary;
}
