// One call to one fake provider, whatever the transport: admission, then service, every path
// recorded in the journal exactly once.
import type { Journal } from "../journal/journal.js";
import { correlationFromHeader, stripCorrelation } from "../correlation.js";
import { admitCall } from "./admit-call.js";
import { startCallRecord } from "./call-record.js";
import type { FakeHttpRequest, FakeOutcome } from "./outcome.js";
import type { ProviderState } from "./provider-state.js";
import { replyOutcome, serveCall, type CallContext } from "./serve-call.js";

/**
 * Handles a request addressed to `state`'s provider; `relativePath` is the path below its base URL.
 * Rejects only when the request's signal aborts (as fetch does).
 *
 * @example
 * const outcome = await handleCall(state, request, "/chat/completions", { journal, seq: 1 });
 */
export async function handleCall(state: ProviderState, req: FakeHttpRequest, relativePath: string, options: { journal: Journal; seq: number }): Promise<FakeOutcome> {
  const record = startCallRecord(state, req, options.journal, options.seq);
  const ctx: CallContext = { state, req, record, requestId: state.ids.requestId(), keepBodies: options.journal.keepBodies };
  try {
    req.signal?.throwIfAborted();
    // Read once here, so a call rejected before its body is parsed is still attributed.
    const found = stripCorrelation(await req.text());
    const correlation = found.id ?? correlationFromHeader(req.headers);
    if (correlation !== undefined) record.entry.correlation = correlation;
    // Written out rather than spread into a literal (a slow path per call on Node 20).
    req = { method: req.method, url: req.url, headers: req.headers, text: () => Promise.resolve(found.text), signal: req.signal };
    const admitted = await admitCall(state, req, relativePath, record);
    if (!admitted.ok) return replyOutcome(ctx, state.wire.errorReply(admitted.error, ctx.requestId), admitted.outcome, admitted.headers);
    return await serveCall(ctx, admitted);
  } catch (error) {
    record.finish("aborted", undefined);
    throw error;
  }
}
