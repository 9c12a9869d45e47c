// Builds one journal entry as a call proceeds and records it exactly once, when the call ends.
import type { CallOutcome, JournalDraws, JournalEntry, JournalFault } from "../journal/entry.js";
import type { Journal } from "../journal/journal.js";
import type { FakeChatRequest } from "../wire/types.js";
import type { FakeHttpRequest } from "./outcome.js";
import type { ProviderState } from "./provider-state.js";

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface CallRecord {
  readonly entry: JournalEntry;
  setRequest(request: FakeChatRequest, inputTokens: number, gatewayModel: string | undefined): void;
  setDraws(draws: JournalDraws): void;
  addFault(fault: JournalFault): void;
  /** Records the entry (once); later calls are ignored. */
  finish(outcome: CallOutcome, status: number | undefined, extra?: Partial<JournalEntry>): void;
}

/**
 * A record for a call that arrived now.
 *
 * @example
 * const record = startCallRecord(state, request, journal, seq);
 * record.finish("ok", 200, { responseId });
 */
export function startCallRecord(state: ProviderState, req: FakeHttpRequest, journal: Journal, seq: number): CallRecord {
  const start = state.clock.now();
  const entry: JournalEntry = {
    seq,
    provider: state.id,
    format: state.profile.format,
    start,
    end: start,
    durationMs: 0,
    method: req.method,
    path: req.url.pathname,
    model: undefined,
    gatewayModel: undefined,
    stream: false,
    request: undefined,
    draws: undefined,
    queue: undefined,
    faults: [],
    outcome: "ok",
    status: undefined,
    responseId: undefined,
    events: undefined,
    chunks: undefined,
    finishReason: undefined,
    usage: undefined,
  };
  let done = false;
  return {
    entry,
    setRequest(request, inputTokens, gatewayModel) {
      entry.model = request.model;
      entry.gatewayModel = gatewayModel;
      entry.stream = request.stream;
      entry.request = { messages: request.messageCount, inputTokens, maxTokens: request.maxTokens, responseFormat: request.format.type };
    },
    setDraws(draws) {
      entry.draws = {
        latencyMs: draws.latencyMs === undefined ? undefined : round(draws.latencyMs),
        ttftMs: round(draws.ttftMs),
        tokensPerSecond: round(draws.tokensPerSecond),
        outputTokens: draws.outputTokens,
      };
    },
    addFault(fault) {
      entry.faults.push(fault);
    },
    finish(outcome, status, extra) {
      if (done) return;
      done = true;
      Object.assign(entry, extra);
      entry.outcome = outcome;
      entry.status = status;
      entry.end = state.clock.now();
      entry.durationMs = round(entry.end - entry.start);
      if (!journal.keepBodies) delete entry.body;
      journal.record(entry);
    },
  };
}
