// Converts the reference gateway's generation records (reference-row-schema.ts) into the ReplayRecord
// replay works on, and names the closest format of a log line that is neither kind of record.
import type { z } from "zod";
import type { AttemptOutcome, ScoreFactors } from "../gateway/types.js";
import type { ReplayAttempt, ReplayRecord } from "./read-usage-log.js";
import { type ReferenceAttempt, type ReferenceDiagnostics, type ReferenceRow, type ReferenceSnapshot, referenceRowSchema } from "./reference-row-schema.js";

/** The order of `routing_snapshot[].score_factor_values` (routing.ts:541-559). */
export const SCORE_FACTOR_KEYS = [
  "successRate",
  "latencyScore",
  "tailLatencyScore",
  "throughputScore",
  "priceScore",
  "reliabilitySample",
  "reliabilityObservations",
  "tokenAffinity",
  "loadPenalty",
  "baseWeight",
  "rolloutMultiplier",
  "routingMultiplier",
  "cacheBoostMultiplier",
  "latencyPreferenceMultiplier",
  "throughputPreferenceMultiplier",
] as const satisfies readonly (keyof ScoreFactors)[];

type Diagnostics = NonNullable<ReplayRecord["routing_diagnostics"]>;
type Strategy = NonNullable<ReferenceDiagnostics["gateway_sim"]>["strategy"];

/**
 * Attempts replay can re-enact. `no_pricing` and `unsupported_executor` never reached a provider and
 * left its health alone (execute/index.ts:524-526, 650-667, 703-718): the replayed gateway's catalog decides instead.
 */
function toAttempt(attempt: ReferenceAttempt): ReplayAttempt | undefined {
  if (attempt.outcome === "no_pricing" || attempt.outcome === "unsupported_executor") return undefined;
  const outcome: AttemptOutcome = attempt.outcome;
  const errorCode = attempt.upstream_error_code ?? attempt.type ?? undefined;
  return {
    attempt: attempt.attempt_number,
    provider: attempt.provider,
    outcome,
    status: attempt.status ?? null,
    duration_ms: attempt.duration_ms,
    ...(outcome !== "success" && errorCode ? { error_code: errorCode } : {}),
    ...(attempt.upstream_error_message ? { message: attempt.upstream_error_message } : {}),
    ...(attempt.was_probe !== undefined ? { was_probe: attempt.was_probe } : {}),
  };
}

/**
 * The request's whole time: the reference stores `phaseo_overhead_ms = max(0, end-to-end − generation)`
 * (after/index.ts:496-523), so their sum is the end-to-end time; without them (an error) `latency_ms`.
 */
function endToEndMs(row: ReferenceRow): number {
  if (row.generation_ms != null && row.phaseo_overhead_ms != null) return row.generation_ms + row.phaseo_overhead_ms;
  return row.latency_ms ?? row.provider_attempts.reduce((sum, a) => sum + a.duration_ms, 0);
}

/** When the request arrived: its first attempt's start, else its insert time less its duration. */
function arrivalMs(row: ReferenceRow): number | undefined {
  let before = 0;
  for (const attempt of row.provider_attempts) {
    if (attempt.started_at_unix_ms != null) return attempt.started_at_unix_ms - before;
    before += attempt.duration_ms;
  }
  return row.created_at === undefined ? undefined : Date.parse(row.created_at) - endToEndMs(row);
}

/**
 * How the final order was made. The reference logs no strategy: a request sort (any spelling) or a
 * strict suffix sorts deterministically (routing.ts:818-821, 1412), a preset's non-balanced mode
 * shuffles by weight, and balanced sorts by its Thompson sample.
 */
function strategyOf(d: ReferenceDiagnostics): Strategy {
  if (d.gateway_sim) return d.gateway_sim.strategy;
  if (d.requestedRouting?.requestedMode != null || (d.priority !== undefined && d.priority !== "default")) return "explicit_sort";
  return d.routingMode !== undefined && d.routingMode !== "balanced" ? "weighted_shuffle" : "balanced_sort";
}

function factorsOf(values: readonly number[] | null | undefined): Record<string, number> | undefined {
  if (!values || values.length !== SCORE_FACTOR_KEYS.length) return undefined;
  return Object.fromEntries(SCORE_FACTOR_KEYS.map((key, i) => [key, values[i] ?? 0]));
}

/**
 * The reference-named diagnostics in the internal shape. Without the diagnostics flag the reference
 * leaves the provider lists empty; the ranking then comes from `routing_snapshot`.
 */
function toDiagnostics(d: ReferenceDiagnostics, snapshot: ReferenceSnapshot | null | undefined): Diagnostics {
  const strategy = strategyOf(d);
  const placed = (provider: string): "order" | "sort" | "shuffle" | "pinned" =>
    d.gateway_sim?.placedBy[provider] ?? (strategy === "pinned" ? "pinned" : strategy === "weighted_shuffle" || strategy === "balanced_shuffle" ? "shuffle" : "sort");
  const ranked =
    d.rankedProviders.length > 0
      ? d.rankedProviders.map((p, i) => ({ provider: p.providerId, rank: i + 1, score: p.score, breaker: p.breaker, breakerUntilMs: p.breakerUntilMs ?? null, scoreFactors: p.scoreFactors }))
      : [...(snapshot ?? [])]
          .sort((a, b) => a.rank - b.rank)
          .map((p) => ({
            provider: p.provider,
            rank: p.rank,
            score: p.score ?? undefined,
            breaker: p.breaker,
            breakerUntilMs: p.breaker_until_ms ?? null,
            scoreFactors: factorsOf(p.score_factor_values),
          }));
  // The raw requested mode, not its reading: sent again, an unknown spelling sorts deterministically as it did.
  const sort = d.requestedRouting ? (d.requestedRouting.requestedMode ?? undefined) : (d.gateway_sim?.sort ?? undefined);
  return {
    model: d.model,
    strategy,
    ...(d.routingMode !== undefined ? { routingMode: d.routingMode } : {}),
    ...(d.priority !== undefined ? { priority: d.priority } : {}),
    ...(sort !== undefined ? { sort } : {}),
    filterStages: d.filterStages.map((s) => ({ stage: s.stage, before: s.beforeCount, after: s.afterCount, dropped: s.droppedProviders.map((x) => ({ provider: x.providerId, reason: x.reason })) })),
    consideredProviders: d.consideredProviders.map((p) => p.providerId),
    rankedProviders: ranked.map((p) => ({ ...p, placedBy: placed(p.provider) })),
    warnings: d.warnings ?? [],
    finalCandidateCount: d.finalCandidateCount ?? ranked.length,
  };
}

/**
 * Output tokens per second after the first token, as gateway-sim measures throughput (a response
 * without a separate first token: over its whole generation). The reference's `throughput` divides by
 * the whole generation time, first token included (after/audit.ts:495-500), so it is recomputed
 * from `generation_ms` and `provider_ttft_ms` when the row has them.
 */
function throughputOf(row: ReferenceRow, outputTokens: number): number | null {
  const generation = row.generation_ms;
  const ttft = row.provider_ttft_ms;
  if (generation == null || generation <= 0) return row.throughput ?? row.output_speed_tps ?? null;
  const afterFirst = ttft != null && generation > ttft ? generation - ttft : generation;
  return outputTokens > 0 ? Math.round((outputTokens / (afterFirst / 1000)) * 100) / 100 : null;
}

/** Response status as gateway-sim names it (a stream cut by its caller reads as failed: the row does not tell). */
function statusOf(row: ReferenceRow): ReplayRecord["status"] {
  if (!row.success) return "failed";
  return row.finish_reason === "length" ? "incomplete" : "completed";
}

/**
 * One reference row as a ReplayRecord, or why it cannot be one.
 *
 * @example
 * const converted = fromReferenceRow(row); // row: a `gateway_requests` row or a GET /v1/generations answer
 * if (converted.ok) records.push(converted.record);
 */
export function fromReferenceRow(row: ReferenceRow): { ok: true; record: ReplayRecord } | { ok: false; message: string } {
  const time = arrivalMs(row);
  if (time === undefined) return { ok: false, message: "reference generation record without a time: no provider_attempts[].started_at_unix_ms and no created_at" };
  const usage = row.usage ?? {};
  const input = usage.input_tokens ?? row.usage_input_tokens ?? 0;
  const output = usage.output_tokens ?? row.usage_output_tokens ?? 0;
  const diagnostics = row.detail_metadata.routing_diagnostics;
  const record: ReplayRecord = {
    id: row.request_id,
    time_ms: time,
    preset: null,
    model: row.model_id,
    selected_provider: row.provider,
    status: statusOf(row),
    http_status: row.status_code ?? (row.success ? 200 : 502),
    stream: row.stream ?? row.provider_attempts.some((a) => a.response_kind === "stream"),
    latency_ms: endToEndMs(row),
    ttft_ms: row.provider_ttft_ms ?? null,
    throughput_tps: throughputOf(row, output),
    usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
    cost_usd: (row.cost_nanos ?? 0) / 1e9,
    response_cache: row.detail_metadata.response_cache ?? null,
    attempts: row.provider_attempts.flatMap((a) => toAttempt(a) ?? []),
    routing_diagnostics: diagnostics ? toDiagnostics(diagnostics, row.detail_metadata.routing_snapshot) : null,
    error_code: row.error_code ?? null,
  };
  return { ok: true, record };
}

export type LineReading = { ok: true; record: ReplayRecord } | { ok: false; message: string };

const issueText = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .slice(0, 6)
    .map((x) => `${x.path.join(".") || "(record)"} ${x.message}`)
    .join("; ") + (issues.length > 6 ? `; … ${issues.length - 6} more` : "");

/**
 * Fields only gateway-sim's records have, and the reference row's own (gateway-sim's records carry
 * those too, as columns): how many a line has says which format it was meant to be.
 */
const OWN_FIELDS = ["time_ms", "selected_provider", "status", "http_status", "ttft_ms", "throughput_tps", "cost_usd", "attempts", "routing_diagnostics"];
const REFERENCE_FIELDS = ["request_id", "created_at", "model_id", "provider", "provider_attempts", "status_code", "success", "generation_ms", "cost_nanos", "detail_metadata"];

const found = (value: object, fields: readonly string[]): number => fields.filter((f) => f in value).length;
const counted = (value: object, fields: readonly string[]): string => `${found(value, fields)} of its ${fields.length} key fields`;

/**
 * A line that is not a valid gateway-sim usage record (`ownIssues`, from its schema): a reference row
 * converted, or an error naming the format it is closest to and what that format misses. A broken
 * gateway-sim record is never read through the reference columns it also carries.
 *
 * @example
 * const own = replayRecordSchema.safeParse(value);
 * const reading = own.success ? { ok: true, record: own.data } : readReferenceLine(value, own.error.issues);
 */
export function readReferenceLine(value: unknown, ownIssues: readonly z.core.$ZodIssue[]): LineReading {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: `not a usage record: ${Array.isArray(value) ? "an array" : `a JSON ${value === null ? "null" : typeof value}`}, expected one record object per line` };
  }
  const own = found(value, OWN_FIELDS);
  const ref = found(value, REFERENCE_FIELDS);
  if (own === 0 && ref === 0) {
    return {
      ok: false,
      message: `not a usage record: neither a gateway-sim usage record (${OWN_FIELDS.join(", ")}, …) nor a reference (Phaseo) generation record (${REFERENCE_FIELDS.join(", ")}, …)`,
    };
  }
  // Reference rows have none of gateway-sim's own fields: two of them make a gateway-sim record.
  if (own >= 2 || own / OWN_FIELDS.length >= ref / REFERENCE_FIELDS.length) {
    return { ok: false, message: `not a usage record: closest to a gateway-sim usage record (${counted(value, OWN_FIELDS)}): ${issueText(ownIssues)}` };
  }
  const reference = referenceRowSchema.safeParse(value);
  if (reference.success) {
    const converted = fromReferenceRow(reference.data);
    return converted.ok ? converted : { ok: false, message: `not a usage record: ${converted.message}` };
  }
  // A GET /v1/logs row has the summary columns only (routes/v1/control/logs.ts:19-46).
  const hint = "provider_attempts" in value ? "" : " (a GET /v1/logs row has no attempts: export the gateway_requests rows, or GET /v1/generations records)";
  return { ok: false, message: `not a usage record: closest to a reference (Phaseo) generation record (${counted(value, REFERENCE_FIELDS)}): ${issueText(reference.error.issues)}${hint}` };
}
