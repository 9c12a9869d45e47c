// Builds the one usage record per request (§8) from what the pipeline learned.
import type { GatewayError } from "../../core/errors.js";
import type { AttemptRecord, PluginExecution, ResponseCacheInfo, RoutingDiagnostics, UsageRecord } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { ResponseFacts } from "./response-body.js";
import { responseStatus } from "./response-body.js";
import { costNanosOf, providerAttemptsOf, type DetailMetadata } from "../usage/reference-columns.js";
import type { ReferenceRoutingDiagnostics } from "./reference-diagnostics.js";

/** What is known about a request before (and whether or not) a provider answered. */
export interface RecordBase {
  id: string;
  /** Arrival number (env.nextSeq), taken with the id. */
  seq: number;
  startedAt: number;
  preset: string | null;
  model: string | null;
  stream: boolean;
  diagnostics: RoutingDiagnostics | null;
  cache: ResponseCacheInfo | null;
  attempts: AttemptRecord[];
  pluginExecutions: PluginExecution[];
  /** `provider.diagnostics` or debug was asked for: bodies, error bodies too, carry `routing_diagnostics`. */
  wantsDiagnostics: boolean;
  /** `debug.enabled` in the body: meta as with `meta: true`, and the cache bypassed. */
  debug?: boolean;
  /**
   * The diagnostics with the reference's names, as bodies and `detail_metadata` carry them; built on
   * first use (most requests never read them), then kept.
   */
  clientDiagnostics?: (() => ReferenceRoutingDiagnostics) | undefined;
}

const providerTime = (attempts: readonly AttemptRecord[]): number => attempts.reduce((sum, a) => sum + a.duration_ms, 0);

/**
 * The record of an answered request. Its attempts and plugin executions are the facts' (the same
 * lists the response body shows); `selectedProvider` is null for an answer no provider served.
 */
export function successRecord(base: RecordBase, facts: ResponseFacts, selectedProvider: string | null = facts.selectedProvider): UsageRecord {
  return usageRecord(
    base,
    facts.timings.latency_ms,
    facts.attempts,
    facts.pluginExecutions,
    {
      selected_provider: selectedProvider,
      status: responseStatus(facts.finishReason),
      http_status: 200,
      error_code: null,
      ttft_ms: facts.timings.provider_ttft_ms,
      throughput_tps: facts.timings.throughput_tps,
      gateway_overhead_ms: facts.timings.gateway_overhead_ms,
      usage: {
        input_tokens: facts.usage.inputTokens,
        output_tokens: facts.usage.outputTokens,
        total_tokens: facts.usage.inputTokens + facts.usage.outputTokens,
      },
      cost_usd: facts.cost.total,
    },
    { generationMs: facts.timings.generation_ms ?? null, finishReason: facts.finishReason },
  );
}

/** The record of a request that ended in an error response. */
export function errorRecord(base: RecordBase, error: GatewayError, endedAt: number, selectedProvider: string | null = null): UsageRecord {
  const latency = endedAt - base.startedAt;
  return usageRecord(
    base,
    latency,
    base.attempts,
    base.pluginExecutions,
    {
      selected_provider: selectedProvider,
      // A request its caller cancelled (a drained server, a client gone) did not fail on its own.
      status: error.extra["reason"] === "cancelled" ? "cancelled" : "failed",
      http_status: error.status,
      error_code: error.code,
      ttft_ms: null,
      throughput_tps: null,
      gateway_overhead_ms: Math.max(0, latency - providerTime(base.attempts)),
      usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
      cost_usd: 0,
    },
    { generationMs: null, finishReason: null },
  );
}

/**
 * `detail_metadata` whose `routing_diagnostics` is built when read (a JSON export, a test), not on
 * every request: a prototype getter, and toJSON so exports carry it. A class rather than
 * defineProperty per record, so every record keeps one shape.
 */
class LazyDetailMetadata implements DetailMetadata {
  /**
   * How the client diagnostics are built: a private field, so the record's own properties stay data
   * (structuredClone and JSON skip it); a WeakMap entry per record cost more.
   */
  readonly #diagnostics: (() => ReferenceRoutingDiagnostics) | undefined;

  constructor(
    readonly plugin_executions: PluginExecution[],
    readonly response_cache: ResponseCacheInfo | null,
    diagnostics: (() => ReferenceRoutingDiagnostics) | undefined,
  ) {
    this.#diagnostics = diagnostics;
  }

  get routing_diagnostics(): ReferenceRoutingDiagnostics | null {
    return this.#diagnostics?.() ?? null;
  }

  toJSON(): DetailMetadata {
    return { routing_diagnostics: this.routing_diagnostics, plugin_executions: this.plugin_executions, response_cache: this.response_cache };
  }
}

function detailMetadata(diagnostics: (() => ReferenceRoutingDiagnostics) | undefined, pluginExecutions: PluginExecution[], cache: ResponseCacheInfo | null): DetailMetadata {
  return new LazyDetailMetadata(pluginExecutions, cache, diagnostics);
}

/** Facts only the reference columns need. */
interface RecordExtra {
  generationMs: number | null;
  finishReason: string | null;
}

/** The fields that depend on how the request ended. */
type RecordOutcome = Pick<UsageRecord, "selected_provider" | "status" | "http_status" | "error_code" | "ttft_ms" | "throughput_tps" | "gateway_overhead_ms" | "usage" | "cost_usd">;

/**
 * The reference columns, then one literal with gateway-sim's fields in the order the usage log has
 * always written them (the JSON lines are compared byte for byte). No spread: on Node 20,
 * `{ ...common, more }` is a slow path per request.
 */
function usageRecord(base: RecordBase, latency: number, attempts: AttemptRecord[], pluginExecutions: PluginExecution[], outcome: RecordOutcome, extra: RecordExtra): UsageRecord {
  // The reference columns (reference-columns.ts) written straight into the record's one literal, in
  // their order, then gateway-sim's fields: no intermediate columns object to build and copy.
  const status = outcome.http_status;
  return {
    request_id: base.id,
    endpoint: "responses",
    model_id: base.model,
    provider: outcome.selected_provider,
    provider_attempts: providerAttemptsOf({ startedAt: base.startedAt, model: base.model, stream: base.stream, attempts }),
    status_code: status,
    success: status >= 200 && status < 300,
    generation_ms: extra.generationMs,
    provider_ttft_ms: outcome.ttft_ms,
    phaseo_overhead_ms: extra.generationMs === null ? null : Math.max(0, latency - extra.generationMs),
    cost_nanos: costNanosOf(outcome.cost_usd),
    currency: "USD",
    throughput: outcome.throughput_tps,
    finish_reason: extra.finishReason,
    detail_metadata: detailMetadata(base.clientDiagnostics, pluginExecutions, base.cache),
    id: base.id,
    created_at: isoTime(base.startedAt),
    time_ms: base.startedAt,
    seq: base.seq,
    preset: base.preset,
    model: base.model,
    stream: base.stream,
    latency_ms: latency,
    attempts,
    routing_diagnostics: base.diagnostics,
    plugin_executions: pluginExecutions,
    response_cache: base.cache,
    selected_provider: outcome.selected_provider,
    status: outcome.status,
    http_status: outcome.http_status,
    error_code: outcome.error_code,
    ttft_ms: outcome.ttft_ms,
    throughput_tps: outcome.throughput_tps,
    gateway_overhead_ms: outcome.gateway_overhead_ms,
    usage: outcome.usage,
    cost_usd: outcome.cost_usd,
  };
}

/** The last time written and its text: under load many requests start within the same millisecond. */
let lastAt = Number.NaN;
let lastText = "";

/**
 * `new Date(at).toISOString()`, without the Date and the string again when `at` is the previous
 * call's (a pure function of `at`, so the one remembered entry can hold nobody's data).
 */
export function isoTime(at: number): string {
  if (at !== lastAt) {
    lastText = new Date(at).toISOString();
    lastAt = at;
  }
  return lastText;
}

/** Provider throughput: output tokens over generation time (after the first token when streamed). */
export function throughputOf(outputTokens: number, durationMs: number, ttftMs: number | null): number | null {
  const generationMs = ttftMs !== null && durationMs > ttftMs ? durationMs - ttftMs : durationMs;
  if (outputTokens <= 0 || generationMs <= 0) return null;
  return Math.round((outputTokens / (generationMs / 1000)) * 100) / 100;
}

/** Latency minus time spent waiting on providers. */
export function overheadOf(latencyMs: number, attempts: readonly AttemptRecord[]): number {
  return Math.max(0, latencyMs - providerTime(attempts));
}

/** Appends the record to the usage log and announces the end of the request. */
export function finishRequest(record: UsageRecord, env: GatewayEnv): void {
  env.usage.append(record);
  env.onEvent?.({ type: "request:end", id: record.id, at: env.clock.now(), record });
}
