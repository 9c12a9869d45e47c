// Serves an admitted call: draws its latency, speed and length, asks the degradation phases, waits
// for a slot, composes the answer and sends it whole after the latency or paced as a stream.
import { composeContent } from "../content/compose-content.js";
import { planFaults } from "../degradation/plan-faults.js";
import type { JournalEntry } from "../journal/entry.js";
import type { FakeAnswer, WireReply } from "../wire/types.js";
import type { Admitted } from "./admit-call.js";
import type { CallRecord } from "./call-record.js";
import { summarizeFaults, type FaultSummary } from "./fault-summary.js";
import type { FakeHttpRequest, FakeOutcome } from "./outcome.js";
import { pacedStream } from "./paced-stream.js";
import type { ProviderState } from "./provider-state.js";
import { planStream } from "./stream-plan.js";
import { tracedDraws, tracedFaults } from "./traced-answer.js";

export interface CallContext {
  state: ProviderState;
  req: FakeHttpRequest;
  record: CallRecord;
  requestId: string;
  keepBodies: boolean;
}

/** Sends a JSON reply and records the call. */
export function replyOutcome(
  ctx: CallContext,
  reply: WireReply,
  outcome: Parameters<CallRecord["finish"]>[0],
  extraHeaders: Record<string, string> = {},
  entry: Partial<JournalEntry> = {},
): FakeOutcome {
  const body = JSON.stringify(reply.body);
  ctx.record.finish(outcome, reply.status, ctx.keepBodies ? { ...entry, body } : entry);
  // Object.assign rather than spreads into a literal: a slow path per call on Node 20.
  return { kind: "response", status: reply.status, headers: Object.assign({}, reply.headers, extraHeaders), body };
}

function draw(state: ProviderState) {
  // Every sampler draws on every call, in a fixed order, so faults never shift later draws.
  const latencyMs = state.samplers.latency?.sample();
  const ttftMs = state.samplers.ttft.sample();
  const tokensPerSecond = Math.max(0.001, state.samplers.throughput.sample());
  const outputTokens = Math.max(1, Math.round(state.samplers.outputTokens.sample()));
  return { latencyMs, ttftMs, tokensPerSecond, outputTokens };
}

/**
 * Serves one admitted call.
 *
 * @example
 * return serveCall(ctx, admitted);
 */
export async function serveCall(ctx: CallContext, admitted: Admitted): Promise<FakeOutcome> {
  const { state, req, record } = ctx;
  const elapsed = state.clock.now() - state.origin;
  // A call at a logged attempt's time gets the logged answer; the others draw and ask the phases.
  const traced = state.trace?.take(elapsed);
  const draws = traced ? tracedDraws(draw(state), traced) : draw(state);
  record.setDraws(draws);
  if (traced) record.entry.traced = traced.at;
  const faults = traced
    ? tracedFaults(traced)
    : summarizeFaults(planFaults(state.profile.degradations, state.counters, elapsed, [admitted.gatewayModel, admitted.request.model], state.random.faults), admitted.request.stream);
  faults.journal.forEach((f) => record.addFault(f));
  const early = await terminalOutcome(ctx, faults, draws.ttftMs * faults.latencyFactor, traced?.latencyMs);
  if (early) return early;
  const admission = await state.capacity.acquire(req.signal);
  if (!admission.ok) {
    return replyOutcome(ctx, state.wire.errorReply({ kind: "overloaded" }, ctx.requestId), "overloaded", {}, { queue: { waitedMs: admission.waitedMs, inFlight: state.capacity.inFlight } });
  }
  record.entry.queue = { waitedMs: admission.waitedMs, inFlight: admission.inFlight };
  let handedOff = false;
  try {
    const load = 1 + state.profile.capacity.load_latency_factor * admission.inFlight;
    const timing = { ttftMs: draws.ttftMs * faults.latencyFactor * load, tokensPerSecond: draws.tokensPerSecond * faults.throughputFactor };
    const content = composeContent(admitted.request.format, draws.outputTokens, admitted.request.maxTokens, faults.content, { faker: state.faker, random: state.random.content });
    content.faults.forEach((f) => record.addFault({ phase: f.phase, kind: "content_fault", detail: f.applied || !f.detail ? f.type : `${f.type}: ${f.detail}`, applied: f.applied }));
    const answer = buildAnswer(ctx, admitted, content, faults);
    if (admitted.request.stream) {
      handedOff = true;
      return sendStream(ctx, admitted, answer, timing, faults, admission.release);
    }
    const latencyMs = draws.latencyMs !== undefined ? draws.latencyMs * faults.latencyFactor * load : timing.ttftMs + (content.outputTokens / timing.tokensPerSecond) * 1000;
    await state.clock.sleep(latencyMs, req.signal);
    const headers = successHeaders(ctx, admitted);
    headers["content-type"] = "application/json";
    const reply: WireReply = { status: 200, headers, body: state.wire.jsonBody(answer) };
    return replyOutcome(ctx, reply, "ok", {}, { responseId: answer.id, finishReason: answer.finishReason, usage: answer.usage });
  } finally {
    if (!handedOff) admission.release();
  }
}

function successHeaders(ctx: CallContext, admitted: Admitted): Record<string, string> {
  // rateLimitHeaders builds a fresh record per call: it is extended in place.
  const headers = ctx.state.wire.rateLimitHeaders(admitted.rateLimits);
  headers[ctx.state.wire.requestIdHeader] = ctx.requestId;
  return headers;
}

/** A paced stream; the call is recorded (and its slot released) when the stream ends. */
function sendStream(ctx: CallContext, admitted: Admitted, answer: FakeAnswer, timing: { ttftMs: number; tokensPerSecond: number }, faults: FaultSummary, release: () => void): FakeOutcome {
  const { state, record } = ctx;
  const plan = planStream(state.wire.streamEvents(answer, admitted.request), answer.text, { ...timing, chunkTokens: state.profile.chunk_tokens }, faults.stream);
  const body = pacedStream(plan, {
    clock: state.clock,
    signal: ctx.req.signal,
    keepBody: ctx.keepBodies,
    encode: state.wire.encodeEvents,
    onEnd: (end) => {
      release();
      const outcome = end.aborted ? "aborted" : faults.stream ? "stream_fault" : "ok";
      record.finish(outcome, 200, {
        responseId: answer.id,
        finishReason: answer.finishReason,
        usage: answer.usage,
        events: end.events,
        chunks: end.chunks,
        ...(end.body !== undefined ? { body: end.body } : {}),
      });
    },
  });
  const headers = { ...successHeaders(ctx, admitted), "content-type": state.wire.streamContentType ?? "text/event-stream; charset=utf-8", "cache-control": "no-cache" };
  return { kind: "response", status: 200, headers, body };
}

function buildAnswer(ctx: CallContext, admitted: Admitted, content: ReturnType<typeof composeContent>, faults: FaultSummary): FakeAnswer {
  const { state } = ctx;
  const usage = faults.usage
    ? faults.usage.omit
      ? undefined
      : { input: Math.round(admitted.inputTokens * faults.usage.inputScale), output: Math.round(content.outputTokens * faults.usage.outputScale) }
    : { input: admitted.inputTokens, output: content.outputTokens };
  return {
    id: state.ids.responseId(),
    model: admitted.request.model,
    created: Math.floor(state.clock.now() / 1000),
    text: content.text,
    finishReason: content.finishReason,
    usage,
    fingerprint: state.fingerprint,
  };
}

/** Answers that replace the whole response: connection faults, injected errors, hangs. */
async function terminalOutcome(ctx: CallContext, faults: FaultSummary, ttftMs: number, loggedMs: number | undefined): Promise<FakeOutcome | undefined> {
  const terminal = faults.terminal?.fault;
  if (!terminal) return undefined;
  const { state, req, record } = ctx;
  switch (terminal.kind) {
    case "connection_error":
      // A logged connection error failed after its logged time (the gateway's health samples it).
      if (loggedMs !== undefined) await state.clock.sleep(loggedMs, req.signal);
      record.finish("connection_error", undefined);
      return { kind: "network_error", fault: "connection_error" };
    case "socket_fault":
      record.finish("socket_fault", undefined);
      return { kind: "network_error", fault: terminal.type };
    case "http_error": {
      await state.clock.sleep(terminal.after ?? ttftMs, req.signal);
      const reply = state.wire.errorReply({ kind: "status", status: terminal.status, message: terminal.message }, ctx.requestId);
      const retry: Record<string, string> = terminal.retryAfter !== undefined ? { "retry-after": String(Math.ceil(terminal.retryAfter / 1000)) } : {};
      return replyOutcome(ctx, reply, "http_error", retry);
    }
    case "hang":
      await hang(ctx, terminal.for);
      record.finish("hang", undefined);
      return { kind: "network_error", fault: "reset" };
  }
}

/** Waits until the client gives up, or for `limit` ms when set (then the connection drops). */
async function hang(ctx: CallContext, limit: number | undefined): Promise<void> {
  const { state, req, record } = ctx;
  try {
    await new Promise<void>((resolve, reject) => {
      const cancel = limit === undefined ? undefined : state.clock.schedule(limit, resolve);
      req.signal?.addEventListener(
        "abort",
        () => {
          cancel?.();
          reject(req.signal?.reason);
        },
        { once: true },
      );
    });
  } catch (error) {
    record.finish("hang", undefined);
    throw error;
  }
}
