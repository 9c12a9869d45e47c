// Aggregate checks over the selected requests. The accumulator keeps only what the expectation
// asks for (latencies only when a latency check exists), so a long run stays small in memory.
import { formatDuration } from "../../core/duration.js";
import { type Bound, describeBound, withinBound } from "../schema/bounds.js";
import type { Expectation, Percentiles } from "../schema/expectations.js";
import { compareText, formatNumber, formatRate, formatUsd } from "./format.js";
import type { RequestOutcome } from "./outcome.js";
import { mean, percentile } from "./percentile.js";
import { type CheckFailure, MAX_EXAMPLES, type RequestExample } from "./result.js";
import { describeRequest } from "./select.js";

/** Collects what the aggregate checks of one expectation need. */
export interface Aggregator {
  observe(o: RequestOutcome): void;
  finish(): CheckFailure[];
}

const PERCENTILE_KEYS = ["p50", "p75", "p90", "p95", "p99"] as const;

function boundFailure(check: string, bound: Bound, actual: number | undefined, format: (n: number) => string): CheckFailure[] {
  if (actual === undefined) return [{ check, expected: describeBound(bound, format), actual: "no data" }];
  return withinBound(bound, actual) ? [] : [{ check, expected: describeBound(bound, format), actual: format(actual) }];
}

function latencyFailures(kind: "ttft" | "total", spec: Percentiles, values: number[]): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const key of PERCENTILE_KEYS) {
    const bound = spec[key];
    if (bound) out.push(...boundFailure(`latency.${kind}.${key}`, bound, percentile(values, Number(key.slice(1))), formatDuration));
  }
  if (spec.max) out.push(...boundFailure(`latency.${kind}.max`, spec.max, percentile(values, 100), formatDuration));
  if (spec.mean) out.push(...boundFailure(`latency.${kind}.mean`, spec.mean, mean(values), formatDuration));
  return out;
}

/** What the aggregate checks have seen so far. */
interface Tally {
  count: number;
  errors: number;
  cost: number;
  schemaTotal: number;
  schemaValid: number;
  byProvider: Map<string, number>;
  firstAttempts: Map<string, number>;
  ttft: number[];
  total: number[];
  costFailing: number;
  costExamples: RequestExample[];
}

function observe(e: Expectation, t: Tally, o: RequestOutcome): void {
  const r = o.record;
  t.count++;
  if (r.status === "failed" || r.http_status >= 400) t.errors++;
  t.cost += r.cost_usd;
  if (r.selected_provider) t.byProvider.set(r.selected_provider, (t.byProvider.get(r.selected_provider) ?? 0) + 1);
  const first = r.attempts[0]?.provider;
  if (first) t.firstAttempts.set(first, (t.firstAttempts.get(first) ?? 0) + 1);
  if (o.schemaValid !== null) {
    t.schemaTotal++;
    if (o.schemaValid) t.schemaValid++;
  }
  // Latencies are the only per-request values kept, and only when a latency check needs them.
  if (e.latency) {
    t.total.push(r.latency_ms);
    if (r.ttft_ms !== null) t.ttft.push(r.ttft_ms);
  }
  if (e.cost?.per_request && !withinBound(e.cost.per_request, r.cost_usd)) {
    t.costFailing++;
    if (t.costExamples.length < MAX_EXAMPLES) t.costExamples.push({ request: describeRequest(o), actual: formatUsd(r.cost_usd) });
  }
}

function failures(e: Expectation, t: Tally): CheckFailure[] {
  const out: CheckFailure[] = [];
  const rate = (n: number, of: number): number | undefined => (of === 0 ? undefined : n / of);
  if (e.count) out.push(...boundFailure("count", e.count, t.count, formatNumber));
  out.push(...shareFailures("provider_share", e.provider_share, t.byProvider, t.count));
  out.push(...shareFailures("first_attempt_share", e.first_attempt_share, t.firstAttempts, t.count));
  if (e.client_error_rate) {
    const failure = boundFailure("client_error_rate", e.client_error_rate, rate(t.errors, t.count), formatRate);
    for (const f of failure) f.actual += ` (${t.errors} of ${t.count} requests)`;
    out.push(...failure);
  }
  if (e.latency?.ttft) out.push(...latencyFailures("ttft", e.latency.ttft, t.ttft));
  if (e.latency?.total) out.push(...latencyFailures("total", e.latency.total, t.total));
  if (e.cost?.total) out.push(...boundFailure("cost.total", e.cost.total, t.cost, formatUsd));
  if (e.cost?.mean) out.push(...boundFailure("cost.mean", e.cost.mean, rate(t.cost, t.count), formatUsd));
  if (e.cost?.per_request && t.costFailing > 0) {
    const expected = describeBound(e.cost.per_request, formatUsd);
    out.push({ check: "cost.per_request", expected, actual: t.costExamples[0]?.actual ?? "", failing: t.costFailing, examples: t.costExamples });
  }
  if (e.schema_valid_rate) {
    const valid = rate(t.schemaValid, t.schemaTotal);
    const failure = boundFailure("schema_valid_rate", e.schema_valid_rate, valid, formatRate);
    for (const f of failure) f.actual += valid === undefined ? " (no structured-output requests)" : ` (${t.schemaValid} of ${t.schemaTotal})`;
    out.push(...failure);
  }
  return out;
}

/**
 * The aggregate half of an expectation.
 *
 * @example
 * const agg = createAggregator({ name: "share", provider_share: { openai: { min: 0.9 } } });
 * outcomes.forEach(agg.observe); const failures = agg.finish();
 */
export function createAggregator(e: Expectation): Aggregator {
  const tally: Tally = {
    count: 0,
    errors: 0,
    cost: 0,
    schemaTotal: 0,
    schemaValid: 0,
    byProvider: new Map(),
    firstAttempts: new Map(),
    ttft: [],
    total: [],
    costFailing: 0,
    costExamples: [],
  };
  return { observe: (o) => observe(e, tally, o), finish: () => failures(e, tally) };
}

function shareFailures(check: string, bounds: Record<string, Bound> | undefined, counts: Map<string, number>, count: number): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [provider, bound] of Object.entries(bounds ?? {})) {
    const share = count === 0 ? undefined : (counts.get(provider) ?? 0) / count;
    const failure = boundFailure(`${check}.${provider}`, bound, share, formatRate);
    for (const f of failure) f.actual += ` (all: ${showShares(counts, count)})`;
    out.push(...failure);
  }
  return out;
}

function showShares(byProvider: Map<string, number>, count: number): string {
  if (count === 0 || byProvider.size === 0) return "none served";
  return [...byProvider.entries()]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([p, n]) => `${p} ${formatRate(n / count)}`)
    .join(", ");
}
