// Latency through an outside gateway is measured in real time × speed, so it carries the gateway's
// and this machine's own milliseconds, multiplied by the speed. Latency bounds are widened by a
// stated tolerance (simulated ms) instead of pretending the measurement is exact.
import type { Bound } from "../scenarios/schema/bounds.js";
import type { Expectation, Percentiles } from "../scenarios/schema/expectations.js";

function widen(bound: Bound, tolerance: number): Bound {
  return {
    ...(bound.min === undefined ? {} : { min: Math.max(0, bound.min - tolerance) }),
    ...(bound.max === undefined ? {} : { max: bound.max + tolerance }),
    ...(bound.equals === undefined ? {} : { equals: bound.equals, tolerance: (bound.tolerance ?? 0) + tolerance }),
  };
}

function widenPercentiles(p: Percentiles | undefined, tolerance: number): Percentiles | undefined {
  if (!p) return undefined;
  return Object.fromEntries(Object.entries(p).map(([k, b]) => [k, b === undefined ? b : widen(b, tolerance)])) as Percentiles;
}

/**
 * The expectation with its latency bounds widened by `tolerance` ms; other checks unchanged.
 *
 * @example
 * withLatencyTolerance({ name: "x", latency: { total: { p95: { max: 2000 } } } }, 500).latency?.total?.p95; // { max: 2500 }
 */
export function withLatencyTolerance(e: Expectation, tolerance: number): Expectation {
  if (!e.latency || tolerance <= 0) return e;
  const ttft = widenPercentiles(e.latency.ttft, tolerance);
  const total = widenPercentiles(e.latency.total, tolerance);
  return { ...e, latency: { ...(ttft ? { ttft } : {}), ...(total ? { total } : {}) } };
}
