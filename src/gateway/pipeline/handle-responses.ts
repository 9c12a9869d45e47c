// The `/v1/responses` pipeline: prepare → cache → route → respond (JSON or stream) → usage record.
// Expected failures are result objects all the way down; this is where they become HTTP answers.
import { cacheHeaders } from "../../cache/cache-outcome.js";
import { GatewayError } from "../../core/errors.js";
import type { GatewayResponse } from "../create-gateway.js";
import type { Offer } from "../catalog/schema.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { ResponseCacheInfo, RoutingDiagnostics } from "../types.js";
import { bodyOptions, wantsDiagnostics } from "./body-options.js";
import { type CachePlan, planCache, storeInCache } from "./cache-stage.js";
import { validationError } from "../request/validation-error.js";
import { checkBodyBounds, isStackOverflow } from "./bounds-stage.js";
import type { GatewayEnv } from "./gateway-env.js";
import { type Prepared, prepare, type RequestInfo } from "./prepare-stage.js";
import { type JsonOutcome, respondJson } from "./respond-json.js";
import { respondStream, type StreamStart } from "./respond-stream.js";
import { buildResponseBody } from "./response-body.js";
import { type ReferenceRoutingDiagnostics, toReferenceDiagnostics, withoutProviderLists } from "./reference-diagnostics.js";

/** Errors of the execute stage, whose bodies carry routing_diagnostics at the pin. */
const EXECUTE_FAILURES = new Set<string>(["upstream_error", "provider_payment_required"]);

/**
 * The reference-named diagnostics, built on the first call and kept. Made here, not in `run`: a
 * closure keeps its whole scope alive, and a retained usage record keeps this one; `run`'s scope is
 * the request's working state (its env, its abort signal). One closure and one small scope.
 */
function lazyDiagnostics(diagnostics: RoutingDiagnostics, offers: readonly Offer[], preferences: ProviderPreferences): () => ReferenceRoutingDiagnostics {
  let made: ReferenceRoutingDiagnostics | undefined;
  return () => (made ??= toReferenceDiagnostics(diagnostics, offers, preferences));
}
import { routeRequest } from "./route-stage.js";
import { errorRecord, finishRequest, successRecord, type RecordBase } from "./usage-record.js";

/**
 * @example
 * const response = await handleResponses({ model: "openai/gpt-5.4-nano", input: "Hi" }, env);
 */
export function handleResponses(body: unknown, envIn: GatewayEnv, request?: RequestInfo): Promise<GatewayResponse> {
  // As from an async function: whatever throws before the request is underway (an event observer, the
  // id source) rejects the promise rather than throwing at the caller.
  try {
    return answer(body, envIn, request);
  } catch (error) {
    return Promise.reject(error);
  }
}

function answer(body: unknown, envIn: GatewayEnv, request: RequestInfo | undefined): Promise<GatewayResponse> {
  // A copy of env only for a request that can be cancelled: the common path stays allocation-free.
  // Object.assign rather than a spread into a literal (a slow path on Node 20); the same keys in the same order.
  const env: GatewayEnv = request?.signal ? Object.assign({}, envIn, { signal: request.signal }) : envIn;
  const id = request?.id ?? env.newId();
  const seq = env.nextSeq();
  const startedAt = env.clock.now();
  env.onEvent?.({ type: "request:start", id, at: startedAt });
  const base: RecordBase = { id, seq, startedAt, preset: null, model: null, stream: false, diagnostics: null, cache: null, attempts: [], pluginExecutions: [], wantsDiagnostics: false };
  // Not an async function around `await run(...)`: each suspended async frame costs ~0.4 KB per
  // request. Errors thrown before and after the provider call end alike, in `failed`: here, or in the
  // `.then` that finishes the answer (which catches its own, so no `.then` more is needed for them).
  try {
    const answered = run(body, base, env, request);
    return answered instanceof Promise ? answered : Promise.resolve(answered);
  } catch (error) {
    return Promise.resolve(failed(base, error, env));
  }
}

/** The answer to a request whose handling threw: a deep body's stack overflow is bad input; anything else a bug. */
function failed(base: RecordBase, error: unknown, env: GatewayEnv): GatewayResponse {
  if (isStackOverflow(error)) return errorResponse(base, validationError([{ path: "", keyword: "maxJsonDepth", message: "the request is nested too deeply to process" }]), env);
  // A bug, not bad input: still answer in the flat format, and keep the cause for the log.
  const failure = new GatewayError("gateway_error", `Internal gateway error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return errorResponse(base, failure, env);
}

/** The request's stages; synchronous up to the provider call, whose answer it finishes in a `.then`. */
function run(body: unknown, base: RecordBase, env: GatewayEnv, request: RequestInfo | undefined): GatewayResponse | Promise<GatewayResponse> {
  const outOfBounds = checkBodyBounds(body, env.settings.limits);
  if (outOfBounds) return errorResponse(base, outOfBounds, env);
  const prepared = prepare(body, env, request);
  if (!prepared.ok) return errorResponse(base, prepared.error, env);
  const p = prepared.prepared;
  base.preset = p.preset?.slug ?? null;
  base.model = p.model;
  base.stream = p.request.stream;
  // debug.enabled or the x-gateway-debug / x-phaseo-debug header (prepare reads both).
  base.debug = p.debug;
  base.wantsDiagnostics = wantsDiagnostics(p, body) || p.debug;

  const cache = planCache(body, p, env);
  base.cache = cache.info;
  if (cache.status === "hit") return replay(cache.entry.body, base, cache.info, p.request.meta || base.debug, env);

  const routing = routeRequest(p, base.id, env);
  base.diagnostics = routing.diagnostics;
  base.clientDiagnostics = lazyDiagnostics(routing.diagnostics, env.catalog.models[p.model] ?? [], p.request.provider);
  // Request findings (a documented-only form production ignores) lead the routing warnings.
  if (p.warnings.length > 0) routing.diagnostics.warnings.unshift(...p.warnings);
  if (!routing.ok) return errorResponse(base, routing.error, env);

  const onFailure = (error: unknown): GatewayResponse => failed(base, error, env);
  if (p.request.stream) {
    return respondStream(p, routing.candidates, base, env).then((started) => {
      try {
        return streamAnswer(started, base, cache.info, env);
      } catch (error) {
        return failed(base, error, env);
      }
    }, onFailure);
  }
  return respondJson(p, routing.candidates, { id: base.id, startedAt: base.startedAt, cache: cache.info }, env).then((outcome) => {
    try {
      return jsonAnswer(outcome, p, base, cache, env);
    } catch (error) {
      return failed(base, error, env);
    }
  }, onFailure);
}

function streamAnswer(started: StreamStart, base: RecordBase, info: ResponseCacheInfo, env: GatewayEnv): GatewayResponse {
  if (!started.ok) return errorResponse({ ...base, attempts: started.attempts }, started.error, env);
  // Object.assign, not a trailing spread: on Node 20 spreading into a literal is a slow path per request.
  const headers: Record<string, string> = Object.assign({ "x-generation-id": base.id }, cacheHeaders(info));
  return { kind: "stream", status: 200, headers, events: started.events, record: started.record };
}

function jsonAnswer(outcome: JsonOutcome, p: Prepared, base: RecordBase, cache: CachePlan, env: GatewayEnv): GatewayResponse {
  if (!outcome.ok) return errorResponse({ ...base, attempts: outcome.attempts }, outcome.error, env);
  const { facts } = outcome;
  const record = successRecord(base, facts);
  const responseBody = buildResponseBody(facts, bodyOptions(p, env, base.debug === true));
  if (base.wantsDiagnostics && base.clientDiagnostics) responseBody.routing_diagnostics = base.clientDiagnostics();
  storeInCache(cache, responseBody, facts, env);
  finishRequest(record, env);
  return { kind: "json", status: 200, headers: jsonHeaders(base.id, cache.info), body: responseBody, record, upstreamText: facts.upstreamText };
}

/**
 * A cache hit replays the stored client body as stored (surfaces/text-generate.ts:457-546): with
 * `meta: true` or debug its `meta.response_cache` is overwritten with this lookup's record (a body
 * stored without meta gets a meta of just that); the usage record shows cost 0 and no provider call.
 */
function replay(stored: unknown, base: RecordBase, info: ResponseCacheInfo, returnMeta: boolean, env: GatewayEnv): GatewayResponse {
  const body: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  if (returnMeta) {
    const meta = typeof body.meta === "object" && body.meta !== null ? body.meta : {};
    body.meta = { ...meta, response_cache: info };
  }
  const usage = body.usage as { input_tokens: number; output_tokens: number } | undefined;
  const beforeMs = env.clock.now() - base.startedAt;
  const record = successRecord(
    base,
    {
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
      // generation 0 and latency = the before-stage time (text-generate.ts:465-466).
      timings: { latency_ms: beforeMs, provider_ttft_ms: null, throughput_tps: null, gateway_overhead_ms: beforeMs, generation_ms: 0, first_byte_ms: beforeMs },
    },
    null,
  );
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
  // The execute stage's failure body always carries the routing diagnostics (guards.ts:474, 510), and the
  // error handler passes them through (error-handler.ts:880-882); without the diagnostics flag or debug
  // the provider lists are empty unless the pool was empty (routing.ts:949-959, 1201).
  if (base.clientDiagnostics && (base.wantsDiagnostics || EXECUTE_FAILURES.has(error.code))) {
    const diagnostics = base.clientDiagnostics();
    body.routing_diagnostics = base.wantsDiagnostics || base.attempts.length === 0 ? diagnostics : withoutProviderLists(diagnostics);
  }
  const headers = jsonHeaders(base.id, base.cache);
  // error-handler.ts:664-701: no-store, and who is to blame: a system or non-user origin is "upstream".
  headers["cache-control"] = "no-store";
  headers["x-gateway-error-attribution"] = body.error_type === "system" || body.error_origin !== "user" ? "upstream" : "user";
  headers["x-gateway-error-origin"] = body.error_origin;
  return { kind: "json", status: error.status, headers, body, record };
}

function jsonHeaders(id: string, cache: ResponseCacheInfo | null): Record<string, string> {
  // Object.assign, not a trailing spread: on Node 20 spreading into a literal is a slow path per request.
  const headers: Record<string, string> = { "content-type": "application/json", "x-generation-id": id };
  return cache ? Object.assign(headers, cacheHeaders(cache)) : headers;
}
