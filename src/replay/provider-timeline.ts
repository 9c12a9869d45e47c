// Each provider's observed behaviour over time, from the attempts in a usage log: per time bucket,
// how many attempts it got, how fast its successes were and how often (and with what status) it failed.
import { percentile } from "../scenarios/expect/percentile.js";
import type { ReplayRecord } from "./read-usage-log.js";
import { replayThroughput } from "./stream-pacing.js";

export interface ProviderBucket {
  /** Bucket start, ms after the first request. */
  fromMs: number;
  attempts: number;
  successes: number;
  /** Success latencies, ms. */
  latencies: number[];
  /** Failed attempts by HTTP status (`null`: no HTTP answer). */
  errorsByStatus: Map<number | null, number>;
}

/** One attempt: when it started (ms after the first request) and whether it succeeded. */
export interface AttemptPoint {
  at: number;
  ok: boolean;
  durationMs: number;
  /** The HTTP status; null when there was no HTTP answer. */
  status: number | null;
  /** The gateway's error code for a failure (`upstream_timeout`, …). */
  errorCode?: string | undefined;
  /**
   * For the attempt that answered: what the record measured — time to first token from the
   * attempt's start, the speed a replayed stream must draw to last as long, and the length.
   */
  answer?: { stream: boolean; ttftMs: number | undefined; tps: number | undefined; outputTokens: number } | undefined;
}

export interface ProviderTimeline {
  provider: string;
  /** Every attempt in start order (phase boundaries are snapped to these). */
  points: AttemptPoint[];
  /** Buckets with at least one attempt, in time order. */
  buckets: ProviderBucket[];
  /** Every success latency of the run. */
  latencies: number[];
}

/**
 * Attempts are placed at the time they started: the request's arrival plus the attempts before it
 * (a replay's clock adds nothing between them, so its calls arrive at exactly these times). Attempts
 * a breaker blocked never reached the provider and are left out.
 *
 * `delays` (per record, per attempt) lengthens attempts the logging gateway took in late.
 *
 * @example
 * const timelines = providerTimelines(records, 60_000); // one bucket a minute
 */
export function providerTimelines(records: readonly ReplayRecord[], bucketMs: number, delays?: readonly (readonly number[])[]): ProviderTimeline[] {
  const start = records[0]?.time_ms ?? 0;
  const byProvider = new Map<string, Map<number, ProviderBucket>>();
  const points = new Map<string, AttemptPoint[]>();
  for (const [i, record] of records.entries()) {
    let at = record.time_ms - start;
    const answered = record.attempts.findLastIndex((a) => a.outcome === "success");
    for (const [k, logged] of record.attempts.entries()) {
      // An answer the logging gateway took in late is replayed late (registration-lag.ts).
      const attempt = { ...logged, duration_ms: logged.duration_ms + (delays?.[i]?.[k] ?? 0) };
      if (attempt.outcome === "blocked") {
        at += attempt.duration_ms;
        continue;
      }
      const index = Math.floor(at / bucketMs);
      const buckets = byProvider.get(attempt.provider) ?? new Map<number, ProviderBucket>();
      byProvider.set(attempt.provider, buckets);
      const bucket: ProviderBucket = buckets.get(index) ?? { fromMs: index * bucketMs, attempts: 0, successes: 0, latencies: [], errorsByStatus: new Map() };
      buckets.set(index, bucket);
      bucket.attempts++;
      const seen = points.get(attempt.provider) ?? [];
      const sinceStart = at - (record.time_ms - start);
      const answer =
        k === answered
          ? {
              stream: record.stream,
              // The gateway measures time to first token from the answering attempt's start.
              ttftMs: record.ttft_ms === null ? undefined : Math.max(1, record.ttft_ms),
              tps: replayThroughput(record, sinceStart),
              outputTokens: record.usage.output_tokens,
            }
          : undefined;
      seen.push({ at, ok: attempt.outcome === "success", durationMs: attempt.duration_ms, status: attempt.status, errorCode: attempt.error_code, answer });
      points.set(attempt.provider, seen);
      if (attempt.outcome === "success") {
        bucket.successes++;
        bucket.latencies.push(attempt.duration_ms);
      } else {
        bucket.errorsByStatus.set(attempt.status, (bucket.errorsByStatus.get(attempt.status) ?? 0) + 1);
      }
      at += attempt.duration_ms;
    }
  }
  return [...byProvider.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([provider, buckets]) => {
      const list = [...buckets.values()].sort((a, b) => a.fromMs - b.fromMs);
      const sorted = (points.get(provider) ?? []).sort((a, b) => a.at - b.at);
      return { provider, points: sorted, buckets: list, latencies: list.flatMap((b) => b.latencies) };
    });
}

/** The median of a bucket's success latencies, undefined without successes. */
export function bucketMedian(bucket: ProviderBucket): number | undefined {
  return percentile(bucket.latencies, 50);
}
