// Non-streamed answer: failover over the candidates, healing, the Responses body, the cache.
import { runResponsePlugins } from "../../plugins/run-response-plugins.js";
import { invokeProvider } from "../../providers/invoke-provider.js";
import { invokeProviderBuffered } from "../../providers/invoke-provider-buffered.js";
import type { UpstreamResult } from "../../providers/types.js";
import type { Offer } from "../catalog/schema.js";
import { byFidelity } from "../fidelity.js";
import type { PluginExecution } from "../types.js";
import { costOf } from "./cost.js";
import { executeWithFailover, type AttemptResult, type ExecutionOutcome } from "./execute.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import { paramRoutingOf } from "./param-routing.js";
import type { ResponseFacts } from "./response-body.js";
import { executionEnvFor, invokeOptionsFor } from "./upstream-request.js";
import { overheadOf, throughputOf } from "./usage-record.js";

type JsonAttemptValue = { result: UpstreamResult; ttftMs: number; durationMs: number };
type JsonAttempt = AttemptResult<JsonAttemptValue>;

/**
 * Calls one offer, non-streamed, on the gateway's clock and fetch. Its answer is shaped in a `.then`,
 * not after an `await`: a suspended async frame costs ~0.4 KB per request.
 */
export function callOffer(offer: Offer, prepared: Prepared, env: GatewayEnv): Promise<JsonAttempt> {
  try {
    const invoke = env.settings.execution.upstreamMode === "buffered_stream" ? invokeProviderBuffered : invokeProvider;
    return invoke(invokeOptionsFor(prepared, offer, env)).then((outcome) => attemptResult(outcome, env));
  } catch (error) {
    return Promise.reject(error);
  }
}

function attemptResult(outcome: Awaited<ReturnType<typeof invokeProvider>>, env: GatewayEnv): JsonAttempt {
  if (!outcome.ok) return outcome;
  const { result, ttftMs, durationMs } = outcome;
  // The latency sample (`health.latencySample`): the first byte of a JSON answer — which the fakes send
  // whole, so the total — or, with `execution.upstreamMode: buffered_stream`, the stream's first token.
  const sample = byFidelity<"first_byte" | "total">(env.settings.health.latencySample, env.settings.fidelity, { reference: "first_byte", documented: "total" });
  return {
    ok: true,
    // The outcome holds the value's fields: it is the value, not copied into one.
    value: outcome,
    status: outcome.status,
    durationMs,
    health: { latencyMs: sample === "first_byte" ? ttftMs : durationMs, generationMs: durationMs, tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens },
  };
}

/** Runs the enabled response plugins; returns the text to send and the execution records. */
export function applyHealing(prepared: Prepared, text: string, result: UpstreamResult, streaming: boolean, env: GatewayEnv): { text: string; executions: PluginExecution[] } {
  return runResponsePlugins({
    plugins: prepared.plugins,
    text,
    finishReason: result.finishReason,
    responseFormat: prepared.request.responseFormat,
    streaming,
    schemaCheck: env.settings.healing.schemaCheck,
  });
}

export type JsonOutcome = { ok: true; facts: ResponseFacts } | { ok: false; error: import("../../core/errors.js").GatewayError; attempts: ResponseFacts["attempts"] };

/**
 * @example
 * const outcome = await respondJson(prepared, candidates, { id, startedAt, cache }, env);
 */
export function respondJson(prepared: Prepared, candidates: readonly Offer[], request: { id: string; startedAt: number; cache: ResponseFacts["cache"] }, env: GatewayEnv): Promise<JsonOutcome> {
  const allowFallbacks = prepared.request.provider.allowFallbacks ?? true;
  // A `.then`, not an async frame (see callOffer).
  return executeWithFailover(candidates, allowFallbacks, executionEnvFor(request.id, prepared.model, env), (offer) => callOffer(offer, prepared, env)).then((executed) =>
    jsonOutcome(executed, prepared, request, env),
  );
}

function jsonOutcome(executed: ExecutionOutcome<JsonAttemptValue>, prepared: Prepared, request: { id: string; startedAt: number; cache: ResponseFacts["cache"] }, env: GatewayEnv): JsonOutcome {
  if (!executed.ok) return { ok: false, error: executed.error, attempts: executed.attempts };
  const { offer, value, attempts } = executed;
  const healing = applyHealing(prepared, value.result.text, value.result, false, env);
  const latency = env.clock.now() - request.startedAt;
  return {
    ok: true,
    facts: {
      id: request.id,
      createdAtMs: request.startedAt,
      model: prepared.model,
      text: healing.text,
      upstreamText: value.result.text,
      finishReason: value.result.finishReason,
      usage: value.result.usage,
      cost: costOf(value.result.usage, offer.price),
      price: offer.price,
      paramRouting: paramRoutingOf(prepared),
      selectedProvider: offer.provider,
      attempts,
      pluginExecutions: healing.executions,
      cache: request.cache,
      timings: {
        latency_ms: latency,
        provider_ttft_ms: value.ttftMs,
        throughput_tps: throughputOf(value.result.usage.outputTokens, value.durationMs, null),
        gateway_overhead_ms: overheadOf(latency, attempts),
        generation_ms: value.durationMs,
        first_byte_ms: value.ttftMs,
      },
    },
  };
}
