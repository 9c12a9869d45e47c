// One journal entry: everything a scenario may assert about one call to a fake provider.
import type { WireFormat } from "../../providers/wire-formats.js";

/** How a call ended, from the provider's side. */
export const CALL_OUTCOMES = [
  "ok",
  "invalid_request",
  "unauthorized",
  "not_found",
  "rate_limited",
  "overloaded",
  "http_error",
  "connection_error",
  "socket_fault",
  "hang",
  "stream_fault",
  "aborted",
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A fault that hit the call: the phase it came from and what it did. */
export interface JournalFault {
  phase: number;
  kind: string;
  /** The variant (e.g. "trailing_comma", "truncate") or the effective factor. */
  detail?: string;
  /** False when the fault hit but had nothing to act on (a schema fault on free text). */
  applied: boolean;
}

/** The per-request draws, rounded to the microsecond. */
export interface JournalDraws {
  /** The non-streaming latency before multipliers; undefined when the profile derives it. */
  latencyMs: number | undefined;
  ttftMs: number;
  tokensPerSecond: number;
  outputTokens: number;
}

export interface JournalEntry {
  /** Arrival order across the whole fleet, from 1. */
  seq: number;
  provider: string;
  format: WireFormat;
  /** Simulated ms since the epoch. */
  start: number;
  end: number;
  durationMs: number;
  method: string;
  path: string;
  /** The provider model id requested, when the body named one. */
  model: string | undefined;
  /** The gateway model id that offer is listed under. */
  gatewayModel: string | undefined;
  stream: boolean;
  request: { messages: number; inputTokens: number; maxTokens: number | undefined; responseFormat: "text" | "json_object" | "json_schema" } | undefined;
  draws: JournalDraws | undefined;
  /** Time spent queued for a slot and requests in flight when it started. */
  queue: { waitedMs: number; inFlight: number } | undefined;
  faults: JournalFault[];
  outcome: CallOutcome;
  /** HTTP status; undefined when no HTTP answer was given (connection faults, hangs). */
  status: number | undefined;
  responseId: string | undefined;
  /** Stream only: SSE events written, and content chunks among them. */
  events: number | undefined;
  chunks: number | undefined;
  finishReason: "stop" | "length" | undefined;
  /** Usage as reported to the client (after any wrong_usage fault); undefined when omitted or not reached. */
  usage: { input: number; output: number } | undefined;
  /** The client request this call serves, from its correlation marker (src/fakes/correlation.ts). */
  correlation?: string;
  /** When the call was answered from the profile's `attempt_trace`: the logged attempt's start (ms from the fleet's start). */
  traced?: number;
  /** The body sent (SSE text for streams); only with `keepBodies`. */
  body?: string;
}
