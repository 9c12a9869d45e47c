// The `/v1/responses` pipeline: prepare → cache → route → respond (JSON or stream) → usage record.
// Expected failures are result objects all the way down; this is where they become HTTP answers.
import { cacheHeaders } from "../../cache/cache-outcome.js";
import { GatewayError } from "../../core/errors.js";
import type { GatewayResponse } from "../create-gateway.js";
import type { ResponseCacheInfo } from "../types.js";
import { planCache, storeInCache } from "./cache-stage.js";
import { validationError } from "../request/validation-error.js";
import { checkBodyBounds, isStackOverflow } from "./bounds-stage.js";
import type { GatewayEnv } from "./gateway-env.js";
import { prepare } from "./prepare-stage.js";
import { respondJson } from "./respond-json.js";
import { respondStream } from "./respond-stream.js";
import { buildResponseBody } from "./response-body.js";
import { routeRequest } from "./route-stage.js";
import { errorRecord, finishRequest, successRecord, type RecordBase } from "./usage-record.js";

/**
 * @example
 * const response = await handleResponses({ model: "openai/gpt-5.4-nano", input: "Hi" }, env);
 */
export async function handleResponses(body: unknown, env: GatewayEnv): Promise<GatewayResponse> {
  const id = env.newId();
  const startedAt = env.clock.now();
  env.onEvent?.({ type: "request:start", id, at: startedAt });
  const base: RecordBase = { id, startedAt, preset: null, model: null, stream: false, diagnostics: null, cache: null, attempts: [], pluginExecutions: [], wantsDiagnostics: false };
  try {
    return await run(body, base, env);
  } catch (error) {
    if (isStackOverflow(error)) return errorResponse(base, validationError([{ path: "", keyword: "maxJsonDepth", message: "the request is nested too deeply to process" }]), env);
    // A bug, not bad input: still answer in the flat format, and keep the cause for the log.
    const failure = new GatewayError("gateway_error", `Internal gateway error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    return errorResponse(base, failure, env);
  }
}

async function run(body: unknown, base: RecordBase, env: GatewayEnv): Promise<GatewayResponse> {
  const outOfBounds = checkBodyBounds(body, env.settings.limits);
  if (outOfBounds) return errorResponse(base, outOfBounds, env);
  const prepared = prepare(body, env);
  if (!prepared.ok) return errorResponse(base, prepared.error, env);
  const p = prepared.prepared;
  base.preset = p.preset?.slug ?? null;
  base.model = p.model;
  base.stream = p.request.stream;
  base.wantsDiagnostics = p.request.provider.diagnostics === true;

  const cache = planCache(body, p, env);
  base.cache = cache.info;
  if (cache.status === "hit") return replay(cache.body, base, cache.info, env);

  const routing = routeRequest(p, base.id, env);
  base.diagnostics = routing.diagnostics;
  if (!routing.ok) return errorResponse(base, routing.error, env);

  if (p.request.stream) {
    const started = await respondStream(p, routing.candidates, base, env);
    if (!started.ok) return errorResponse({ ...base, attempts: started.attempts }, started.error, env);
    return { kind: "stream", status: 200, headers: { "x-generation-id": base.id, ...cacheHeaders(cache.info) }, events: started.events, record: started.record };
  }

  const outcome = await respondJson(p, routing.candidates, { id: base.id, startedAt: base.startedAt, cache: cache.info }, env);
  if (!outcome.ok) return errorResponse({ ...base, attempts: outcome.attempts }, outcome.error, env);
  const { facts } = outcome;
  const record = successRecord(base, facts);
  const responseBody = buildResponseBody(facts, { meta: p.request.meta });
  if (p.request.provider.diagnostics) responseBody.routing_diagnostics = routing.diagnostics;
  storeInCache(cache, responseBody, facts, env);
  finishRequest(record, env);
  return { kind: "json", status: 200, headers: jsonHeaders(base.id, cache.info), body: responseBody, record };
}

/** A cache hit replays the stored body under this request's id, with this lookup's cache status. */
function replay(stored: unknown, base: RecordBase, info: ResponseCacheInfo, env: GatewayEnv): GatewayResponse {
  const body: Record<string, unknown> = { ...(stored as Record<string, unknown>), id: base.id, created_at: Math.floor(base.startedAt / 1000) };
  const meta = body.meta;
  if (typeof meta === "object" && meta !== null) body.meta = { ...meta, response_cache: info };
  const usage = body.usage as { input_tokens: number; output_tokens: number } | undefined;
  // No provider served this request: the usage log says so rather than naming the stored answer's provider.
  const record = successRecord(base, {
    id: base.id,
    createdAtMs: base.startedAt,
    model: base.model ?? "",
    text: "",
    finishReason: body.status === "incomplete" ? "length" : "stop",
    usage: { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0 },
    // Nothing was paid for this answer.
    cost: { currency: "USD", input: 0, output: 0, total: 0 },
    selectedProvider: "",
    attempts: [],
    pluginExecutions: [],
    cache: info,
    timings: { latency_ms: env.clock.now() - base.startedAt, provider_ttft_ms: null, throughput_tps: null, gateway_overhead_ms: env.clock.now() - base.startedAt },
  }, null);
  finishRequest(record, env);
  return { kind: "json", status: 200, headers: jsonHeaders(base.id, info), body, record };
}

function errorResponse(base: RecordBase, failure: GatewayError, env: GatewayEnv): GatewayResponse {
  // A request its caller cancelled failed for that reason, whatever its last step said: a 503 whose
  // record says `cancelled`. Bad input stays a 4xx.
  const cancelled = failure.status >= 500 && (env.signal?.aborted === true || failure.extra["reason"] === "cancelled");
  const error = cancelled ? new GatewayError("service_unavailable", "The request was cancelled by its caller.", { extra: { reason: "cancelled" } }) : failure;
  const record = errorRecord(base, error, env.clock.now());
  finishRequest(record, env);
  const body = error.toBody(base.id);
  if (base.wantsDiagnostics && base.diagnostics) body.routing_diagnostics = base.diagnostics;
  return { kind: "json", status: error.status, headers: jsonHeaders(base.id, base.cache), body, record };
}

function jsonHeaders(id: string, cache: ResponseCacheInfo | null): Record<string, string> {
  // Object.assign, not a trailing spread: on Node 20 spreading into a literal is a slow path per request.
  const headers: Record<string, string> = { "content-type": "application/json", "x-generation-id": id };
  return cache ? Object.assign(headers, cacheHeaders(cache)) : headers;
}
