// A provider's logged attempts as its replay profile's `attempt_trace`: one line per attempt, so a
// replayed call at a logged time gets the logged answer whatever happened to the calls before it.
import { formatTraceLine, type TracedAnswer } from "../fakes/profile/attempt-trace-schema.js";
import type { AttemptPoint, ProviderTimeline } from "./provider-timeline.js";

function answerOf(point: AttemptPoint): TracedAnswer {
  if (point.status !== null) return { kind: "status", status: point.status };
  if (point.ok) return { kind: "status", status: 200 };
  return point.errorCode === "upstream_timeout" ? { kind: "timeout" } : { kind: "connection_error" };
}

/**
 * One line per logged attempt, in time order. A stream's line carries its first-token time and
 * speed (it is paced by them); every answered line its length (cost and token limits follow it).
 *
 * @example
 * attemptTraceLines(timeline); // ["0.512s 200 431ms 150 tok", "1.733s 503 8ms", …]
 */
export function attemptTraceLines(timeline: ProviderTimeline): string[] {
  return timeline.points.map((p) => {
    const streamed = p.ok && p.answer?.stream === true;
    return formatTraceLine({
      at: p.at,
      answer: answerOf(p),
      latencyMs: p.durationMs,
      ttftMs: streamed ? p.answer?.ttftMs : undefined,
      outputTokens: p.ok ? p.answer?.outputTokens : undefined,
      tokensPerSecond: streamed ? p.answer?.tps : undefined,
    });
  });
}

/**
 * Where the provider's replayed behaviour comes from, for the scenario's comments.
 *
 * @example
 * traceSummary(timeline, 3); // "412 logged attempts (389 ok, 23 × 503) answered at their logged times; between them: 3 phases from 10 s buckets"
 */
export function traceSummary(timeline: ProviderTimeline, phases: number, bucketMs: number): string {
  const ok = timeline.points.filter((p) => p.ok).length;
  const failures = new Map<string, number>();
  for (const p of timeline.points) {
    if (p.ok) continue;
    const a = answerOf(p);
    const key = a.kind === "status" ? String(a.status) : a.kind === "timeout" ? "timeout" : "connection error";
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  const failed = [...failures.entries()].map(([key, n]) => `${n} × ${key}`);
  const n = timeline.points.length;
  const between = phases === 0 ? "no fault phases" : `${phases} fault phase${phases === 1 ? "" : "s"} from ${bucketMs / 1000} s buckets`;
  return `${n} logged attempt${n === 1 ? "" : "s"} (${[`${ok} ok`, ...failed].join(", ")}) answered at their logged times; between them: ${between}`;
}
