// Builds the one usage record per request (§8) from what the pipeline learned.
import type { GatewayError } from "../../core/errors.js";
import type { AttemptRecord, PluginExecution, ResponseCacheInfo, RoutingDiagnostics, UsageRecord } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { ResponseFacts } from "./response-body.js";
import { responseStatus } from "./response-body.js";

/** What is known about a request before (and whether or not) a provider answered. */
export interface RecordBase {
  id: string;
  startedAt: number;
  preset: string | null;
  model: string | null;
  stream: boolean;
  diagnostics: RoutingDiagnostics | null;
  cache: ResponseCacheInfo | null;
  attempts: AttemptRecord[];
  pluginExecutions: PluginExecution[];
  /** `provider.diagnostics` was asked for: error bodies carry the diagnostics too. */
  wantsDiagnostics: boolean;
}

const providerTime = (attempts: readonly AttemptRecord[]): number => attempts.reduce((sum, a) => sum + a.duration_ms, 0);

/** The record of an answered request. */
export function successRecord(base: RecordBase, facts: ResponseFacts): UsageRecord {
  return {
    ...common(base, facts.timings.latency_ms),
    selected_provider: facts.selectedProvider,
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
  };
}

/** The record of a request that ended in an error response. */
export function errorRecord(base: RecordBase, error: GatewayError, endedAt: number, selectedProvider: string | null = null): UsageRecord {
  const latency = endedAt - base.startedAt;
  return {
    ...common(base, latency),
    selected_provider: selectedProvider,
    status: "failed",
    http_status: error.status,
    error_code: error.code,
    ttft_ms: null,
    throughput_tps: null,
    gateway_overhead_ms: Math.max(0, latency - providerTime(base.attempts)),
    usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
    cost_usd: 0,
  };
}

function common(base: RecordBase, latency: number) {
  return {
    id: base.id,
    created_at: new Date(base.startedAt).toISOString(),
    time_ms: base.startedAt,
    preset: base.preset,
    model: base.model,
    stream: base.stream,
    latency_ms: latency,
    attempts: base.attempts,
    routing_diagnostics: base.diagnostics,
    plugin_executions: base.pluginExecutions,
    response_cache: base.cache,
  };
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
