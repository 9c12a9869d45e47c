// A call answered from the profile's attempt trace: the logged times and length replace the draws,
// and a logged failure becomes the one fault of the call (the degradation phases are not asked).
import type { JournalDraws } from "../journal/entry.js";
import type { TracedAttempt } from "../profile/attempt-trace-schema.js";
import type { FaultSummary } from "./fault-summary.js";

/**
 * The draws a traced call is served with: a non-stream answer takes the logged latency, a stream its
 * logged first-token time and speed; the logged length either way. Unlogged values keep the draw.
 *
 * @example
 * tracedDraws(draw(state), traced); // { latencyMs: 412.5, ttftMs: …, tokensPerSecond: …, outputTokens: 150 }
 */
export function tracedDraws(drawn: JournalDraws, traced: TracedAttempt): JournalDraws {
  return {
    latencyMs: traced.latencyMs,
    ttftMs: traced.ttftMs ?? drawn.ttftMs,
    tokensPerSecond: traced.tokensPerSecond ?? drawn.tokensPerSecond,
    outputTokens: traced.outputTokens ?? drawn.outputTokens,
  };
}

function terminalOf(traced: TracedAttempt): NonNullable<FaultSummary["terminal"]>["fault"] | undefined {
  const { answer } = traced;
  // Silent for the logged time, then the connection drops. The gateway's own timeout ends it first
  // when it is no longer (a logged timeout fired at it, or after it on a starved machine), so a
  // replay under the same bound logs the same timeout, and one under a raised bound still ends on time.
  if (answer.kind === "timeout") return { kind: "hang", for: traced.latencyMs };
  if (answer.kind === "connection_error") return { kind: "connection_error" };
  if (answer.status < 400) return undefined;
  return { kind: "http_error", status: answer.status, retryAfter: undefined, after: traced.latencyMs, message: undefined };
}

/**
 * The faults of a traced call: none for a logged success, else the logged failure. Its journal
 * line names phase -1, the trace (phases count from 0).
 *
 * @example
 * tracedFaults(parseTraceLine("12.345s 503 8ms")); // terminal http_error 503 after 8 ms
 */
export function tracedFaults(traced: TracedAttempt): FaultSummary {
  const fault = terminalOf(traced);
  const detail = traced.answer.kind === "status" ? String(traced.answer.status) : traced.answer.kind;
  return {
    terminal: fault ? { phase: -1, fault } : undefined,
    latencyFactor: 1,
    throughputFactor: 1,
    stream: undefined,
    content: [],
    usage: undefined,
    journal: fault ? [{ phase: -1, kind: fault.kind, detail: `logged: ${detail}`, applied: true }] : [],
  };
}
