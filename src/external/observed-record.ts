// A usage record built only from what can be observed of an outside gateway: the client's answer
// and the fakes' journal entries that carry the request's correlation marker. Fields that only the
// gateway's insides know (routing diagnostics, plugin executions, cache) stay empty; expectations
// that read them are reported as not judgeable (judgeable.ts), never evaluated on these blanks.
import type { JournalEntry } from "../fakes/journal/entry.js";
import type { Catalog } from "../gateway/catalog/schema.js";
import { costOf } from "../gateway/pipeline/cost.js";
import type { AttemptOutcome, AttemptRecord, UsageRecord } from "../gateway/types.js";
import { columnsOfOwnFields, type OwnRecordFields } from "../gateway/usage/reference-columns.js";
import type { ClientAnswer } from "./client/client-answer.js";

/** One call to a fake, as the attempt the gateway made. */
export function attemptOf(entry: JournalEntry, attempt: number): AttemptRecord {
  const ok = entry.outcome === "ok" && entry.status !== undefined && entry.status < 300;
  let outcome: AttemptOutcome = "success";
  if (!ok) {
    // The same classification as the built-in gateway's (attemptOutcome in src/gateway/pipeline/execute.ts,
    // the reference's attempt loop): every non-2xx answer is `upstream_non_2xx`; a call that never
    // answered (reset, hang) was thrown, and the gateway flags those retryable.
    outcome = entry.status !== undefined && entry.status >= 300 ? "upstream_non_2xx" : "retryable_error";
  }
  return { attempt, provider: entry.provider, outcome, status: entry.status ?? null, duration_ms: Math.round(entry.durationMs) };
}

/** Cost at the fakes' own prices, for every call that answered with usage. */
export function observedCost(calls: readonly JournalEntry[], catalog: Catalog): number {
  let total = 0;
  for (const call of calls) {
    if (call.usage === undefined || call.outcome !== "ok" || call.gatewayModel === undefined) continue;
    const offer = catalog.models[call.gatewayModel]?.find((o) => o.provider === call.provider);
    if (offer) total += costOf({ inputTokens: call.usage.input, outputTokens: call.usage.output }, offer.price).total;
  }
  return Math.round(total * 1e9) / 1e9;
}

/**
 * @example
 * const record = observedRecord({ id: "r3", timeMs, seq: 3, body, answer, calls: entriesFor("r3"), catalog });
 */
export function observedRecord(input: {
  id: string;
  /** Clock time the request was sent. */
  timeMs: number;
  /** Send order (the usage record's `seq`): the outside gateway's own arrival order is not visible. */
  seq: number;
  body: Record<string, unknown>;
  answer: ClientAnswer;
  /** This request's fake calls, in arrival order. */
  calls: readonly JournalEntry[];
  catalog: Catalog;
}): UsageRecord {
  const { answer, calls } = input;
  const attempts = calls.map((c, i) => attemptOf(c, i + 1));
  const served = answer.status !== "failed" ? [...attempts].reverse().find((a) => a.outcome === "success") : undefined;
  const usage = answer.usage ?? { input: 0, output: 0 };
  const throughput = answer.ttftMs !== null && answer.latencyMs > answer.ttftMs && usage.output > 0 ? (usage.output * 1000) / (answer.latencyMs - answer.ttftMs) : null;
  const own: OwnRecordFields = {
    id: input.id,
    created_at: new Date(input.timeMs).toISOString(),
    time_ms: input.timeMs,
    seq: input.seq,
    preset: null,
    model: typeof input.body.model === "string" ? input.body.model : null,
    selected_provider: served?.provider ?? null,
    status: answer.status,
    http_status: answer.httpStatus,
    error_code: answer.errorCode,
    stream: input.body.stream === true,
    latency_ms: Math.round(answer.latencyMs),
    ttft_ms: answer.ttftMs === null ? null : Math.round(answer.ttftMs),
    throughput_tps: throughput === null ? null : Math.round(throughput * 10) / 10,
    gateway_overhead_ms: Math.max(0, Math.round(answer.latencyMs - calls.reduce((sum, c) => sum + c.durationMs, 0))),
    usage: { input_tokens: usage.input, output_tokens: usage.output, total_tokens: usage.input + usage.output },
    cost_usd: observedCost(calls, input.catalog),
    attempts,
    routing_diagnostics: null,
    plugin_executions: [],
    response_cache: null,
  };
  // The reference's columns, from the same observations (its insides — diagnostics, plugins, cache — stay empty).
  const columns = columnsOfOwnFields(own, { generationMs: null, overheadMs: own.gateway_overhead_ms, finishReason: null });
  return { ...columns, ...own };
}
