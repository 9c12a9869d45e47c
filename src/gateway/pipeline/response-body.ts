// Builds the OpenAI-Responses-shaped body the gateway returns (reference §8), with `meta` when asked.
import type { FinishReason, TokenUsage } from "../../providers/types.js";
import type { AttemptRecord, PluginExecution, ResponseCacheInfo } from "../types.js";
import type { Cost } from "./cost.js";

/** Everything a response body is built from; the usage record is built from the same facts. */
export interface ResponseFacts {
  id: string;
  createdAtMs: number;
  model: string;
  text: string;
  /** The provider's text before healing (the /v1/messages surface returns it at reference fidelity). */
  upstreamText?: string | undefined;
  finishReason: FinishReason;
  usage: TokenUsage;
  cost: Cost;
  selectedProvider: string;
  attempts: AttemptRecord[];
  pluginExecutions: PluginExecution[];
  cache: ResponseCacheInfo | null;
  timings: Timings;
}

export interface Timings {
  latency_ms: number;
  provider_ttft_ms: number | null;
  throughput_tps: number | null;
  gateway_overhead_ms: number;
}

/** `completed`, or `incomplete` when the provider stopped at the output limit. */
export function responseStatus(finishReason: FinishReason): "completed" | "incomplete" {
  return finishReason === "length" ? "incomplete" : "completed";
}

/** The assistant message item, shared by the JSON body and the stream's final events. */
export function messageItem(id: string, text: string, status: "completed" | "incomplete" | "in_progress"): Record<string, unknown> {
  return {
    type: "message",
    id: `msg_${id.slice(2)}`,
    status,
    role: "assistant",
    content: status === "in_progress" ? [] : [{ type: "output_text", text, annotations: [] }],
  };
}

/**
 * The Responses body.
 *
 * @example
 * const body = buildResponseBody(facts, { meta: true });
 */
export function buildResponseBody(facts: ResponseFacts, options: { meta: boolean }): Record<string, unknown> {
  const status = responseStatus(facts.finishReason);
  const body: Record<string, unknown> = {
    id: facts.id,
    object: "response",
    created_at: Math.floor(facts.createdAtMs / 1000),
    model: facts.model,
    status,
    ...(status === "incomplete" ? { incomplete_details: { reason: "max_output_tokens" } } : {}),
    output: [messageItem(facts.id, facts.text, status)],
    usage: {
      input_tokens: facts.usage.inputTokens,
      output_tokens: facts.usage.outputTokens,
      total_tokens: facts.usage.inputTokens + facts.usage.outputTokens,
    },
    cost: facts.cost,
  };
  if (options.meta) body.meta = buildMeta(facts);
  return body;
}

/** `meta` (§8): routing, plugin executions when any, cache status, timings. */
export function buildMeta(facts: ResponseFacts): Record<string, unknown> {
  return {
    routing: {
      selected_provider: facts.selectedProvider,
      attempts: facts.attempts,
    },
    ...(facts.pluginExecutions.length > 0 ? { plugin_executions: facts.pluginExecutions } : {}),
    response_cache: facts.cache,
    timings: facts.timings,
  };
}
