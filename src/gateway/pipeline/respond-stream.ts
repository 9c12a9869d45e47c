// Streamed answer: failover until a provider's stream begins, then relay its text as Responses
// events. Health and the usage record are settled when the upstream stream ends, read or not.
import type { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { invokeProviderStream, type InvokeStreamResult, type InvokeStreamSuccess, type StreamOutcome } from "../../providers/invoke-provider.js";
import type { Offer } from "../catalog/schema.js";
import type { AttemptRecord, UsageRecord } from "../types.js";
import { costOf } from "./cost.js";
import { type AttemptResult, type ExecutionOutcome, executeWithFailover } from "./execute.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import { paramRoutingOf } from "./param-routing.js";
import { applyHealing } from "./respond-json.js";
import { bodyOptions } from "./body-options.js";
import { buildResponseBody, type ResponseFacts } from "./response-body.js";
import { RelayedEvents } from "./relay-events.js";
import { executionEnvFor, invokeOptionsFor } from "./upstream-request.js";
import { errorRecord, finishRequest, overheadOf, successRecord, throughputOf, type RecordBase } from "./usage-record.js";

export type StreamStart = { ok: true; events: AsyncIterable<SseEvent>; record: Promise<UsageRecord> } | { ok: false; error: GatewayError; attempts: AttemptRecord[] };

/**
 * @example
 * const started = await respondStream(prepared, candidates, base, env);
 * if (started.ok) for await (const event of started.events) write(formatSseEvent(event));
 */
export function respondStream(prepared: Prepared, candidates: readonly Offer[], base: RecordBase, env: GatewayEnv): Promise<StreamStart> {
  // `.then`s, not async frames: a suspended async frame costs ~0.4 KB per request.
  return executeWithFailover(candidates, prepared.request.provider.allowFallbacks ?? true, executionEnvFor(base.id, prepared.model, env), (offer) =>
    invokeProviderStream(invokeOptionsFor(prepared, offer, env)).then(streamAttempt),
  ).then((executed) => startStream(executed, prepared, base, env));
}

/** A stream attempt succeeds once the stream began; its health is settled when it ends. */
function streamAttempt(outcome: InvokeStreamResult): AttemptResult<InvokeStreamSuccess> {
  if (!outcome.ok) return outcome;
  return { ok: true, value: outcome, status: outcome.status, durationMs: outcome.ttftMs, health: undefined };
}

function startStream(executed: ExecutionOutcome<InvokeStreamSuccess>, prepared: Prepared, base: RecordBase, env: GatewayEnv): StreamStart {
  if (!executed.ok) return { ok: false, error: executed.error, attempts: executed.attempts };
  const { offer, value: handle, attempts, probe } = executed;
  const snapshot = { id: base.id, object: "response", created_at: Math.floor(base.startedAt / 1000), model: prepared.model, status: "in_progress", output: [], usage: null };
  // The request's own base takes the attempts (no copy of it): nothing reads the empty list it held.
  base.attempts = attempts;
  const settled: Promise<Settled> = handle.done.then((outcome) => {
    const ended = settle(outcome, handle, offer, prepared, base, env, probe);
    events.settled(ended);
    return ended;
  });
  const events = new RelayedEvents(base.id, snapshot, handle.deltas, settled);
  return { ok: true, events, record: settled.then(recordOf) };
}

/** A module function, not an arrow per request: each evaluation of an arrow makes a new function. */
const recordOf = (settled: Settled): UsageRecord => settled.record;

interface Settled {
  record: UsageRecord;
  body?: Record<string, unknown>;
  error?: GatewayError;
}

function settle(outcome: StreamOutcome, handle: InvokeStreamSuccess, offer: Offer, prepared: Prepared, base: RecordBase, env: GatewayEnv, probe: boolean): Settled {
  const at = env.clock.now();
  if ("error" in outcome) {
    // A stream that fails or aborts records no health sample at all (after/stream.ts:543-562).
    const record = { ...errorRecord(base, outcome.error, at, offer.provider), http_status: 200 };
    finishRequest(record, env);
    return { record, error: outcome.error };
  }
  const { result, durationMs, ttftMs } = outcome;
  const throughput = throughputOf(result.usage.outputTokens, durationMs, ttftMs);
  // A stream's sample is the provider TTFT, at least 1 ms (after/streaming.ts:354-376); an empty one records nothing.
  if (result.text !== "" || result.usage.outputTokens > 0) {
    env.health.record({
      provider: offer.provider,
      model: offer.model,
      at,
      ok: true,
      impact: "success",
      probe,
      latencyMs: Math.max(1, ttftMs),
      generationMs: durationMs,
      tokensIn: result.usage.inputTokens,
      tokensOut: result.usage.outputTokens,
    });
  }
  const healing = applyHealing(prepared, result.text, result, true, env);
  const latency = at - base.startedAt;
  const facts: ResponseFacts = {
    id: base.id,
    createdAtMs: base.startedAt,
    model: prepared.model,
    text: result.text,
    finishReason: result.finishReason,
    usage: result.usage,
    cost: costOf(result.usage, offer.price),
    price: offer.price,
    paramRouting: paramRoutingOf(prepared),
    selectedProvider: offer.provider,
    attempts: base.attempts,
    pluginExecutions: healing.executions,
    cache: base.cache,
    timings: {
      latency_ms: latency,
      provider_ttft_ms: handle.ttftMs,
      throughput_tps: throughput,
      gateway_overhead_ms: overheadOf(latency - durationMs + handle.ttftMs, base.attempts),
      generation_ms: durationMs,
      first_byte_ms: handle.ttftMs,
    },
  };
  const record = successRecord(base, facts);
  finishRequest(record, env);
  const body = buildResponseBody(facts, bodyOptions(prepared, env, base.debug === true));
  if (base.wantsDiagnostics && base.clientDiagnostics) body.routing_diagnostics = base.clientDiagnostics();
  return { record, body };
}
