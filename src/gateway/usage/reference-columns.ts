// The reference's usage-record columns (pipeline/audit/index.ts:609-708 at the pin) and its attempt
// log (pipeline/before/types.ts:452-495), built from what gateway-sim records, so tooling written
// against production's `gateway_requests` rows reads gateway-sim's usage log unchanged.
import type { ReferenceRoutingDiagnostics } from "../pipeline/reference-diagnostics.js";
import type { AttemptRecord, PluginExecution, ResponseCacheInfo } from "../types.js";

/** One `provider_attempts` entry with the reference's names. */
export interface ProviderAttempt {
  attempt_number: number;
  /** Request start plus the attempts before it: gateway-sim's failover runs them back to back. */
  started_at_unix_ms: number;
  provider: string;
  endpoint: "responses";
  model: string | null;
  outcome: AttemptRecord["outcome"];
  /** `"success"` (execute/index.ts:1072 at the pin), or the error code of a failed attempt (`upstream_error`, `timeout`, …). */
  type: string;
  duration_ms: number;
  status: number | null;
  retryable: boolean | null;
  upstream_error_code: string | null;
  upstream_error_message: string | null;
  response_kind: "completed" | "stream";
  was_probe: boolean;
}

/**
 * `detail_metadata` (pipeline/after/audit.ts:186-246): the diagnostics as the client sees them, and the
 * same plugin and cache objects as the record's own fields.
 */
export interface DetailMetadata {
  routing_diagnostics: ReferenceRoutingDiagnostics | null;
  plugin_executions: PluginExecution[];
  response_cache: ResponseCacheInfo | null;
}

/** The reference columns gateway-sim fills (the rest — workspace, key, app, BYOK, location — have no counterpart here). */
export interface ReferenceColumns {
  request_id: string;
  endpoint: "responses";
  model_id: string | null;
  provider: string | null;
  provider_attempts: ProviderAttempt[];
  status_code: number;
  success: boolean;
  generation_ms: number | null;
  provider_ttft_ms: number | null;
  phaseo_overhead_ms: number | null;
  cost_nanos: number;
  currency: string;
  throughput: number | null;
  finish_reason: string | null;
  detail_metadata: DetailMetadata;
}

export interface ReferenceColumnInput {
  id: string;
  startedAt: number;
  model: string | null;
  provider: string | null;
  stream: boolean;
  attempts: readonly AttemptRecord[];
  statusCode: number;
  generationMs: number | null;
  providerTtftMs: number | null;
  overheadMs: number | null;
  costUsd: number;
  throughput: number | null;
  finishReason: string | null;
  detail: DetailMetadata;
}

/**
 * @example
 * const columns = referenceColumns({ id, startedAt, model, provider: "openai", stream: false, attempts, statusCode: 200, … });
 * columns.provider_attempts[0].attempt_number; // 1
 */
export function referenceColumns(input: ReferenceColumnInput): ReferenceColumns {
  return {
    request_id: input.id,
    endpoint: "responses",
    model_id: input.model,
    provider: input.provider,
    provider_attempts: providerAttemptsOf(input),
    status_code: input.statusCode,
    success: input.statusCode >= 200 && input.statusCode < 300,
    generation_ms: input.generationMs,
    // Streams only: after/audit.ts:507-509 writes null for a non-streamed answer.
    provider_ttft_ms: input.stream ? input.providerTtftMs : null,
    phaseo_overhead_ms: input.overheadMs,
    cost_nanos: costNanosOf(input.costUsd),
    currency: "USD",
    throughput: input.throughput,
    finish_reason: input.finishReason,
    detail_metadata: input.detail,
  };
}

/** `cost_nanos`: the cost in USD as whole nano-dollars. */
export function costNanosOf(costUsd: number): number {
  return Math.round(costUsd * 1e9);
}

/**
 * The attempt log with the reference's names (`provider_attempts`).
 *
 * @example
 * providerAttemptsOf({ startedAt, model, stream: false, attempts })[0].attempt_number; // 1
 */
export function providerAttemptsOf(input: Pick<ReferenceColumnInput, "startedAt" | "model" | "stream" | "attempts">): ProviderAttempt[] {
  let startedAt = input.startedAt;
  return input.attempts.map((attempt): ProviderAttempt => {
    const entry: ProviderAttempt = {
      attempt_number: attempt.attempt,
      started_at_unix_ms: startedAt,
      provider: attempt.provider,
      endpoint: "responses",
      model: input.model,
      outcome: attempt.outcome,
      type: attempt.outcome === "success" ? "success" : (attempt.error_code ?? attempt.outcome),
      duration_ms: attempt.duration_ms,
      status: attempt.status,
      retryable: attempt.outcome === "success" ? null : attempt.outcome === "retryable_error",
      upstream_error_code: attempt.error_code ?? null,
      upstream_error_message: attempt.message ?? null,
      response_kind: input.stream ? "stream" : "completed",
      was_probe: attempt.was_probe ?? false,
    };
    startedAt += attempt.duration_ms;
    return entry;
  });
}

/** The gateway-sim fields of a usage record (everything but the reference columns). */
export type OwnRecordFields = Omit<import("../types.js").UsageRecord, keyof ReferenceColumns>;

/**
 * The reference columns of a record built outside the pipeline (test fixtures, an outside gateway's
 * observed answers), from its own fields; what only the pipeline knows is given in `extra`.
 *
 * @example
 * const record = { ...columnsOfOwnFields(own, { generationMs: null, overheadMs: null, finishReason: null }), ...own };
 */
export function columnsOfOwnFields(own: OwnRecordFields, extra: { generationMs: number | null; overheadMs: number | null; finishReason: string | null }): ReferenceColumns {
  return referenceColumns({
    id: own.id,
    startedAt: own.time_ms,
    model: own.model,
    provider: own.selected_provider,
    stream: own.stream,
    attempts: own.attempts,
    statusCode: own.http_status,
    generationMs: extra.generationMs,
    providerTtftMs: own.ttft_ms,
    overheadMs: extra.overheadMs,
    costUsd: own.cost_usd,
    throughput: own.throughput_tps,
    finishReason: extra.finishReason,
    detail: { routing_diagnostics: null, plugin_executions: own.plugin_executions, response_cache: own.response_cache },
  });
}
