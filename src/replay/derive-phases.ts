// Turns a provider's observed buckets into fake-profile degradation phases: an error phase where
// attempts failed (dominant status, observed probability), a latency_multiplier phase where successes
// were much slower than usual. A bucket without attempts keeps the last observed state: while the
// breaker kept traffic away, the provider was last seen failing, and that is what the replay keeps.
// Error phases are then cut so that none contradicts a logged attempt (cut-at-attempts.ts).
import { formatDuration } from "../core/duration.js";
import { percentile } from "../scenarios/expect/percentile.js";
import { cutAtAttempts, type ErrorSpan } from "./cut-at-attempts.js";
import { type AttemptPoint, bucketMedian, type ProviderBucket, type ProviderTimeline } from "./provider-timeline.js";

/** A bucket whose successes are this much slower than the baseline median becomes a latency phase… */
export const SLOW_FACTOR = 2;
/** …when it has at least this many successes (fewer are noise). */
export const MIN_SLOW_SAMPLES = 5;

interface BucketState {
  error: { status: number | null; probability: number } | undefined;
  slow: number | undefined;
}

/** A phase as written in the scenario YAML (profile `degradations:` input). */
export type PhaseInput = Record<string, unknown> & { at: string; duration: string };

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function errorOf(bucket: ProviderBucket): BucketState["error"] {
  const failed = bucket.attempts - bucket.successes;
  if (failed === 0) return undefined;
  const [status] = [...bucket.errorsByStatus.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null];
  return { status, probability: round(failed / bucket.attempts, 2) };
}

/** The latency distribution of the provider's normal buckets (neither failing nor slow). */
export function baselineLatency(timeline: ProviderTimeline): { median: number; p99: number } | undefined {
  const overall = percentile(timeline.latencies, 50);
  if (overall === undefined) return undefined;
  const normal = timeline.buckets.filter((b) => (bucketMedian(b) ?? 0) < overall * SLOW_FACTOR).flatMap((b) => b.latencies);
  const values = normal.length > 0 ? normal : timeline.latencies;
  const median = Math.max(1, Math.round(percentile(values, 50) ?? overall));
  const p99 = Math.max(median + 1, Math.round(percentile(values, 99) ?? median));
  return { median, p99 };
}

function statesOf(timeline: ProviderTimeline, bucketMs: number, buckets: number, baseMedian: number | undefined): BucketState[] {
  const byIndex = new Map(timeline.buckets.map((b) => [Math.round(b.fromMs / bucketMs), b]));
  const states: BucketState[] = [];
  let last: BucketState = { error: undefined, slow: undefined };
  for (let i = 0; i < buckets; i++) {
    const bucket = byIndex.get(i);
    if (bucket) {
      const median = bucketMedian(bucket);
      const factor = median !== undefined && baseMedian !== undefined ? median / baseMedian : undefined;
      const measured = factor !== undefined && bucket.latencies.length >= MIN_SLOW_SAMPLES;
      const slow = !measured ? last.slow : factor >= SLOW_FACTOR ? round(factor, 1) : undefined;
      last = { error: errorOf(bucket), slow };
    }
    states.push(last);
  }
  return states;
}

/** Whole milliseconds as people write them; a boundary cut between two attempts keeps its microseconds. */
function phaseTime(ms: number): string {
  return Number.isInteger(ms) ? formatDuration(ms) : `${Number(ms.toFixed(3))}ms`;
}

function faultPhase(key: string, value: unknown, fromMs: number, toMs: number): { from: number; phase: PhaseInput } {
  return { from: fromMs, phase: { at: phaseTime(fromMs), duration: phaseTime(toMs - fromMs), [key]: value } };
}

/**
 * An error run's exact span: from its first failed attempt; a run that failed every attempt lasts
 * until the next success (so a probe that succeeded in the log succeeds in the replay), a partial
 * one to the end of its buckets.
 */
function errorSpan(points: readonly AttemptPoint[], fromMs: number, toMs: number, always: boolean, endMs: number): [number, number] {
  const first = points.find((p) => p.at >= fromMs && p.at < toMs && !p.ok);
  const start = first === undefined ? fromMs : Math.floor(first.at);
  if (!always) return [start, toMs];
  const recovery = points.find((p) => p.at > start && p.ok);
  return [start, recovery === undefined ? Math.max(toMs, endMs) : Math.floor(recovery.at)];
}

/** Consecutive buckets with the same value of `pick` become one phase. */
function runsOf<T>(states: readonly BucketState[], pick: (s: BucketState) => T | undefined, same: (a: T, b: T) => boolean): { from: number; to: number; value: T }[] {
  const runs: { from: number; to: number; value: T }[] = [];
  states.forEach((state, i) => {
    const value = pick(state);
    const current = runs.at(-1);
    if (value === undefined) return;
    if (current && current.to === i && same(current.value, value)) current.to = i + 1;
    else runs.push({ from: i, to: i + 1, value });
  });
  return runs;
}

/**
 * @example
 * derivePhases(timeline, 10_000, 120, 610); // [{ at: "2m", duration: "5m", http_error: { status: 503, probability: 1 } }, …]
 */
export function derivePhases(timeline: ProviderTimeline, bucketMs: number, buckets: number, baseMedian: number | undefined): PhaseInput[] {
  const states = statesOf(timeline, bucketMs, buckets, baseMedian);
  const errors = runsOf(
    states,
    (s) => s.error,
    (a, b) => a.status === b.status && a.probability === b.probability,
  ).map(({ from, to, value }): ErrorSpan => {
    const [start, end] = errorSpan(timeline.points, from * bucketMs, to * bucketMs, value.probability === 1, buckets * bucketMs);
    return { from: start, to: end, ...value };
  });
  const errorPhases = cutAtAttempts(errors, timeline.points, buckets * bucketMs).map((span) =>
    span.status === null
      ? faultPhase("connection_error", { probability: span.probability }, span.from, span.to)
      : faultPhase("http_error", { status: span.status, probability: span.probability }, span.from, span.to),
  );
  const slow = runsOf(
    states,
    (s) => s.slow,
    (a, b) => a === b,
  ).map(({ from, to, value }) => faultPhase("latency_multiplier", value, from * bucketMs, to * bucketMs));
  return [...errorPhases, ...slow].sort((a, b) => a.from - b.from).map((p) => p.phase);
}
