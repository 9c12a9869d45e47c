// The per-request section of a scenario's report: one compact row per request of the first run
// (what the HTML report's table and charts need) and, for a bounded set of requests, the full
// usage-dialog detail. Deterministic: rows are in sending order, numbers rounded.
import type { CacheStatus } from "../../gateway/types.js";
import type { DegradationPhaseReport } from "./degradation-phases.js";
import type { RequestDetail } from "./request-detail.js";

/** Column names of a row, in order (the JSON report prints them beside the rows). */
export const REQUEST_COLUMNS = [
  "index",
  "offset_ms",
  "name",
  "id",
  "provider",
  "status",
  "http_status",
  "latency_ms",
  "ttft_ms",
  "cost_usd",
  "attempt_providers",
  "healing",
  "cache",
  "breakers",
  "detail",
] as const;

export const HEALING_OUTCOMES = ["applied", "skipped", "failed", "none"] as const;
export type HealingOutcome = (typeof HEALING_OUTCOMES)[number];

/**
 * One request. `name` and `provider` index into the section's `names`/`providers`; `attempt_providers`
 * lists the providers tried, in order (more than one: it failed over); `breakers` has one letter per
 * entry of `providers` — c closed, h half-open, o open, - not ranked; `detail` indexes `details` (-1: not kept).
 */
export type RequestRow = [
  index: number,
  offsetMs: number,
  name: number,
  id: string,
  provider: number,
  status: "completed" | "incomplete" | "failed" | "cancelled",
  httpStatus: number,
  latencyMs: number,
  ttftMs: number | null,
  costUsd: number,
  attemptProviders: number[],
  healing: HealingOutcome,
  cache: CacheStatus | null,
  breakers: string,
  detail: number,
];

export interface RequestsSection {
  /** Requests of the first run (statistical mode keeps only the scenario's own seed). */
  total: number;
  /** Full details kept, and the rule that chose them. */
  detail_policy: { kept: number; first: number; notable_max: number };
  columns: typeof REQUEST_COLUMNS;
  providers: string[];
  names: string[];
  /** Degradation phases (profile and timeline), for shading charts. */
  phases: DegradationPhaseReport[];
  rows: RequestRow[];
  details: RequestDetail[];
}

/** Millisecond figures keep a tenth of a millisecond. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Scores and factors keep six significant digits. */
export function roundFactor(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

/** Costs keep twelve decimals (the JSON reporter's rule for sums). */
export function roundUsd(usd: number): number {
  return Number(usd.toFixed(12));
}
