// Builds the OpenAI-Responses-shaped body the gateway returns, with the reference's gateway fields
// (pipeline/after/payload.ts, after/index.ts at the pin): provider, meta, cost and pricing.
import type { FinishReason, TokenUsage } from "../../providers/types.js";
import type { AttemptRecord, PluginExecution, ResponseCacheInfo } from "../types.js";
import type { Cost } from "./cost.js";
import { pricingOf } from "./pricing-fields.js";

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
  /** Per-million-token prices of the serving offer (for `pricing_lines`). */
  price?: { input: number; output: number } | undefined;
  selectedProvider: string;
  attempts: AttemptRecord[];
  pluginExecutions: PluginExecution[];
  cache: ResponseCacheInfo | null;
  timings: Timings;
  /** The request parameters and how param routing narrowed the pool (`meta.routing`). */
  paramRouting?: ParamRouting | undefined;
}

/** `meta.routing`'s parameter fields (after/index.ts:273-285). */
export interface ParamRouting {
  requested_params: string[];
  param_provider_count_before: number | null;
  param_provider_count_after: number | null;
  param_dropped_providers: { provider: string; unsupported_params: string[] }[];
}

export interface Timings {
  /** Arrival to answer (the usage record's `latency_ms`; the meta's `end_to_end_ms`). */
  latency_ms: number;
  provider_ttft_ms: number | null;
  throughput_tps: number | null;
  gateway_overhead_ms: number;
  /** The serving attempt's duration (0 on a cache hit). */
  generation_ms?: number | null | undefined;
  /** What the executor reports as latency: time to the first byte of the serving attempt. */
  first_byte_ms?: number | null | undefined;
}

/** `completed`, or `incomplete` when the provider stopped at the output limit (payload.ts:251-257). */
export function responseStatus(finishReason: FinishReason): "completed" | "incomplete" {
  return finishReason === "length" ? "incomplete" : "completed";
}

/** The assistant message item of the JSON body (the stream writer writes its JSON directly: response-stream.ts). */
export function messageItem(id: string, text: string, status: "completed" | "incomplete" | "in_progress"): Record<string, unknown> {
  return {
    type: "message",
    id: `msg_${id.slice(2)}`,
    status,
    role: "assistant",
    content: status === "in_progress" ? [] : [{ type: "output_text", text, annotations: [] }],
  };
}

export interface BodyOptions {
  /** `meta: true` or debug: routing, response_cache and plugin_executions join the timings. */
  meta: boolean;
  /**
   * The reference merges its raw meta (timings) into every /v1/responses body, with or without
   * `meta: true` (payload.ts:81-94, 841-853). False: `meta` only when asked for.
   */
  timingsWithoutFlag: boolean;
}

/**
 * The Responses body.
 *
 * @example
 * const body = buildResponseBody(facts, { meta: true, timingsWithoutFlag: true });
 */
export function buildResponseBody(facts: ResponseFacts, options: BodyOptions): Record<string, unknown> {
  const status = responseStatus(facts.finishReason);
  const pricing = pricingOf(facts.usage, facts.price, facts.cost);
  const body: Record<string, unknown> = {
    id: facts.id,
    object: "response",
    created_at: Math.floor(facts.createdAtMs / 1000),
    status,
    error: null,
    incomplete_details: status === "incomplete" ? { reason: "max_output_tokens" } : null,
    model: facts.model,
    output: [messageItem(facts.id, facts.text, status)],
    usage: {
      input_tokens: facts.usage.inputTokens,
      output_tokens: facts.usage.outputTokens,
      total_tokens: facts.usage.inputTokens + facts.usage.outputTokens,
      pricing_breakdown: pricing.breakdown,
    },
    provider: facts.selectedProvider,
    provider_id: facts.selectedProvider,
  };
  if (options.meta) body.meta = buildMeta(facts);
  else if (options.timingsWithoutFlag) body.meta = timingMeta(facts);
  // Top-level pricing only when there is any (payload.ts:517-550).
  if (pricing.breakdown.total_nanos > 0 || pricing.breakdown.lines.length > 0) {
    body.cost_nanos = pricing.breakdown.total_nanos;
    body.cost_cents = pricing.breakdown.total_cents;
    body.currency = pricing.breakdown.currency;
    body.pricing_lines = pricing.breakdown.lines;
  }
  return body;
}

/** `meta` (after/index.ts:260-295, 496-523): timings, then routing, the cache record, plugin executions when any. */
export function buildMeta(facts: ResponseFacts): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    ...timingMeta(facts),
    routing: {
      selected_provider: facts.selectedProvider,
      requested_params: facts.paramRouting?.requested_params ?? [],
      param_provider_count_before: facts.paramRouting?.param_provider_count_before ?? null,
      param_provider_count_after: facts.paramRouting?.param_provider_count_after ?? null,
      param_dropped_providers: facts.paramRouting?.param_dropped_providers ?? [],
    },
  };
  if (facts.cache) meta.response_cache = facts.cache;
  if (facts.pluginExecutions.length > 0) meta.plugin_executions = facts.pluginExecutions;
  return meta;
}

/** The timing keys of `meta` (after/index.ts:496-523); streams fill TTFT (after/stream.ts:93-157). */
export function timingMeta(facts: ResponseFacts): Record<string, number | null> {
  const t = facts.timings;
  const generation = t.generation_ms ?? null;
  return {
    throughput_tps: generation !== null && generation > 0 ? facts.usage.outputTokens / (generation / 1000) : null,
    output_speed_tps: null,
    generation_ms: generation,
    latency_ms: t.first_byte_ms ?? null,
    provider_ttft_ms: t.provider_ttft_ms,
    gateway_ttft_ms: null,
    tpot_ms: null,
    itl_ms: null,
    phaseo_overhead_ms: generation !== null ? Math.max(0, t.latency_ms - generation) : null,
    end_to_end_ms: t.latency_ms,
  };
}
