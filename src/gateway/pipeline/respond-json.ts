// Non-streamed answer: failover over the candidates, healing, the Responses body, the cache.
import { enabledPlugin } from "../../plugins/layer-plugins.js";
import { healResponse } from "../../plugins/response-healing/heal-response.js";
import type { HealingMode } from "../../plugins/response-healing/registry.js";
import { invokeProvider } from "../../providers/invoke-provider.js";
import type { UpstreamResult } from "../../providers/types.js";
import type { Offer } from "../catalog/schema.js";
import type { PluginExecution } from "../types.js";
import { costOf } from "./cost.js";
import { executeWithFailover, type AttemptResult } from "./execute.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import type { ResponseFacts } from "./response-body.js";
import { executionEnvFor, invokeOptionsFor } from "./upstream-request.js";
import { overheadOf, throughputOf } from "./usage-record.js";

/** Calls one offer, non-streamed, on the gateway's clock and fetch. */
export async function callOffer(offer: Offer, prepared: Prepared, env: GatewayEnv): Promise<AttemptResult<{ result: UpstreamResult; ttftMs: number; durationMs: number }>> {
  const outcome = await invokeProvider(invokeOptionsFor(prepared, offer, env));
  if (!outcome.ok) return outcome;
  const { result, ttftMs, durationMs } = outcome;
  return {
    ok: true,
    value: { result, ttftMs, durationMs },
    status: outcome.status,
    durationMs,
    ttftMs,
    throughputTps: throughputOf(result.usage.outputTokens, durationMs, null) ?? undefined,
    observed: true,
  };
}

/** Runs the healing plugin when enabled; returns the text to send and the execution record. */
export function applyHealing(prepared: Prepared, text: string, result: UpstreamResult, streaming: boolean): { text: string; executions: PluginExecution[] } {
  const plugin = enabledPlugin(prepared.plugins, "response-healing");
  if (!plugin) return { text, executions: [] };
  const healed = healResponse({
    text,
    finishReason: result.finishReason,
    responseFormat: prepared.request.responseFormat,
    mode: plugin.mode as HealingMode,
    streaming,
  });
  return { text: healed.text, executions: [healed.execution] };
}

export type JsonOutcome =
  | { ok: true; facts: ResponseFacts }
  | { ok: false; error: import("../../core/errors.js").GatewayError; attempts: ResponseFacts["attempts"] };

/**
 * @example
 * const outcome = await respondJson(prepared, candidates, { id, startedAt, cache }, env);
 */
export async function respondJson(
  prepared: Prepared,
  candidates: readonly Offer[],
  request: { id: string; startedAt: number; cache: ResponseFacts["cache"] },
  env: GatewayEnv,
): Promise<JsonOutcome> {
  const allowFallbacks = prepared.request.provider.allowFallbacks ?? true;
  const executed = await executeWithFailover(
    candidates,
    allowFallbacks,
    executionEnvFor(request.id, env),
    (offer) => callOffer(offer, prepared, env),
  );
  if (!executed.ok) return { ok: false, error: executed.error, attempts: executed.attempts };
  const { offer, value, attempts } = executed;
  const healing = applyHealing(prepared, value.result.text, value.result, false);
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
      selectedProvider: offer.provider,
      attempts,
      pluginExecutions: healing.executions,
      cache: request.cache,
      timings: {
        latency_ms: latency,
        provider_ttft_ms: value.ttftMs,
        throughput_tps: throughputOf(value.result.usage.outputTokens, value.durationMs, null),
        gateway_overhead_ms: overheadOf(latency, attempts),
      },
    },
  };
}
