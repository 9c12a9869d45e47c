// Compares one preset's metrics before and after a change, and checks the rollout thresholds.
import type { PresetMetrics } from "./metrics.js";

/** Limits a change may not exceed; undefined: not checked. Relative ones are shares (0.05 = 5 %). */
export interface DiffThresholds {
  /** Relative increase of the cost per request. */
  maxCostIncrease?: number | undefined;
  /** Relative increase of the p95 total latency. */
  maxP95Increase?: number | undefined;
  /** Increase of the client error rate, in rate points (0.01 = one percentage point). */
  maxErrorRateIncrease?: number | undefined;
  /** Decrease of the schema-valid rate, in rate points. */
  maxSchemaValidDecrease?: number | undefined;
  /** Decrease of the cache hit rate, in rate points. */
  maxCacheHitDecrease?: number | undefined;
}

export const DEFAULT_THRESHOLDS: Required<Pick<DiffThresholds, "maxCostIncrease" | "maxP95Increase" | "maxErrorRateIncrease">> = {
  maxCostIncrease: 0.05,
  maxP95Increase: 0.1,
  maxErrorRateIncrease: 0.01,
};

export type MetricKind = "share" | "usd" | "ms" | "rate" | "count";

export interface MetricRow {
  metric: string;
  kind: MetricKind;
  before: number | undefined;
  after: number | undefined;
  /** The threshold this row broke, described; undefined when within limits or unchecked. */
  violation: string | undefined;
}

function relative(before: number | undefined, after: number | undefined): number | undefined {
  if (before === undefined || after === undefined) return undefined;
  if (before === 0) return after === 0 ? 0 : Number.POSITIVE_INFINITY;
  return (after - before) / before;
}

function check(change: number | undefined, limit: number | undefined, text: string): string | undefined {
  return change !== undefined && limit !== undefined && change > limit + 1e-12 ? text : undefined;
}

const pct = (n: number): string => `${Math.round(n * 1000) / 10}%`;
const pts = (n: number): string => `${Math.round(n * 1000) / 10} pts`;

/**
 * @example
 * const rows = compareMetrics(before, after, DEFAULT_THRESHOLDS);
 * rows.some((r) => r.violation); // true when the rollout should be blocked
 */
export function compareMetrics(before: PresetMetrics | undefined, after: PresetMetrics | undefined, t: DiffThresholds): MetricRow[] {
  const row = (metric: string, kind: MetricKind, pick: (m: PresetMetrics) => number | undefined, violation?: string): MetricRow => ({
    metric,
    kind,
    before: before && pick(before),
    after: after && pick(after),
    violation,
  });
  const providers = [...new Set([...Object.keys(before?.providerShare ?? {}), ...Object.keys(after?.providerShare ?? {})])].sort();
  const delta = (pick: (m: PresetMetrics) => number | undefined): number | undefined => {
    const b = before && pick(before);
    const a = after && pick(after);
    return a === undefined || b === undefined ? undefined : a - b;
  };
  const cost = relative(before?.costPerRequest, after?.costPerRequest);
  const p95 = relative(before?.latencyP95, after?.latencyP95);
  const validDrop = -(delta((m) => m.schemaValidRate) ?? 0);
  const cacheDrop = -(delta((m) => m.cacheHitRate) ?? 0);
  const errorRise = delta((m) => m.clientErrorRate) ?? 0;
  return [
    row("requests", "count", (m) => m.requests),
    ...providers.map((p) => row(`share ${p}`, "share", (m) => m.providerShare[p] ?? 0)),
    row("cost / request", "usd", (m) => m.costPerRequest, check(cost, t.maxCostIncrease, `cost +${pct(cost ?? 0)} > +${pct(t.maxCostIncrease ?? 0)}`)),
    row("latency p50", "ms", (m) => m.latencyP50),
    row("latency p95", "ms", (m) => m.latencyP95, check(p95, t.maxP95Increase, `p95 +${pct(p95 ?? 0)} > +${pct(t.maxP95Increase ?? 0)}`)),
    row("schema valid", "rate", (m) => m.schemaValidRate, check(validDrop, t.maxSchemaValidDecrease, `schema valid −${pts(validDrop)} > −${pts(t.maxSchemaValidDecrease ?? 0)}`)),
    row("healed", "rate", (m) => m.healingRate),
    row("cache hits", "rate", (m) => m.cacheHitRate, check(cacheDrop, t.maxCacheHitDecrease, `cache hits −${pts(cacheDrop)} > −${pts(t.maxCacheHitDecrease ?? 0)}`)),
    row("client errors", "rate", (m) => m.clientErrorRate, check(errorRise, t.maxErrorRateIncrease, `client errors +${pts(errorRise)} > +${pts(t.maxErrorRateIncrease ?? 0)}`)),
  ];
}
