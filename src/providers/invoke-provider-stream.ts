// The streamed upstream call: opens the stream, then a pump reads SSE bytes through the one parser
// (src/core/sse.ts), maps events with the adapter, and feeds a StreamRun the consumer reads from.
import { bodyReader, type BodyReader } from "../core/body-reader.js";
import { SseParser, type SseEvent } from "../core/sse.js";
import { Utf8StreamDecoder } from "../core/utf8-stream-decoder.js";
import { GatewayError } from "../core/errors.js";
import { contentTypeOf } from "../core/streamed-body-response.js";
import type { InvokeProviderOptions, InvokeStreamResult } from "./invoke-provider.js";
import { snippet } from "./parse-upstream.js";
import { StreamRun } from "./stream-run.js";
import type { StreamDelta, StreamEventDecoder } from "./types.js";
import { sendUpstream, UpstreamExchange, upstreamCall, upstreamFailure } from "./upstream-exchange.js";

/**
 * Performs one streamed upstream call.
 *
 * The call counts as begun at the first text delta (or at completion, for a stream without text).
 * Until then any failure — HTTP status, connection, timeout, an `event: error`, a malformed chunk, a
 * stream cut short — is returned as the failure object, so the caller can still try another provider
 * without having sent the client anything. After that, failures end `deltas` with an `error` delta and
 * settle `done` with the error: a stream that ends without its final event (`[DONE]`,
 * `message_stop`) or carries a malformed chunk is `upstream_invalid_response`.
 *
 * @example
 * const outcome = await invokeProviderStream({ adapter, fetch, clock, request, target, timeoutMs: 10_000 });
 * if (outcome.ok) {
 *   for await (const delta of outcome.deltas) if (delta.type === "text") write(delta.text);
 *   const end = await outcome.done;
 * }
 */
export async function invokeProviderStream(options: InvokeProviderOptions): Promise<InvokeStreamResult> {
  const exchange = new UpstreamExchange(options.clock, options.signal);
  exchange.arm(options.timeoutMs);
  const call = upstreamCall(options, true);
  let response: Response;
  try {
    response = await sendUpstream(options, exchange, call);
  } catch (error) {
    exchange.close();
    return exchange.fail(error, null);
  }
  if (!response.ok) {
    const failure = await upstreamFailure(options, exchange, response);
    exchange.close();
    return failure;
  }
  const reader = (contentTypeOf(response) ?? "").includes("application/json") ? null : bodyReader(response);
  if (reader === null) {
    const body = response.body;
    const text = body === null ? "" : await exchange.race(response.text()).catch(() => "");
    exchange.close();
    const detail = body === null ? "no body" : `a JSON body: ${snippet(text)}`;
    const error = new GatewayError("upstream_invalid_response", `${options.adapter.format} answered a stream request with ${detail}`);
    return { ok: false, error, status: response.status, durationMs: exchange.elapsed() };
  }
  const run = new StreamRun(
    () => exchange.elapsed(),
    () => exchange.cancel(),
  );
  void pump(reader, exchange, options, run);
  const begun = await run.begun;
  if (!begun.ok) return { ok: false, error: begun.error, status: response.status, durationMs: begun.durationMs };
  return { ok: true, status: response.status, ttftMs: begun.ttftMs, deltas: run.deltas, done: run.done };
}

async function pump(reader: BodyReader, exchange: UpstreamExchange, options: InvokeProviderOptions, run: StreamRun): Promise<void> {
  const events = options.adapter.createEventDecoder?.() ?? new SseEventDecoder();
  const mapEvent = options.adapter.createStreamMapper();
  try {
    for (;;) {
      exchange.arm(options.timeoutMs);
      const { done, value } = await exchange.race(reader.read());
      if (done) break;
      if (feed(events.push(value), mapEvent, run)) return;
    }
    if (feed(events.end(), mapEvent, run)) return;
    const message = `${options.adapter.format} stream ended before its final event`;
    run.record({ type: "error", error: new GatewayError("upstream_invalid_response", message) });
  } catch (error) {
    run.record({ type: "error", error: exchange.toError(error) });
  } finally {
    exchange.close();
    // Stop the provider's producer (a finished or failed stream is not read any further).
    reader.cancel();
  }
}

/** Maps and records a batch of events; true once a delta ended the stream (nothing after it is mapped). */
function feed(batch: readonly SseEvent[], mapEvent: (event: SseEvent) => StreamDelta[], run: StreamRun): boolean {
  for (const event of batch) for (const delta of mapEvent(event)) if (run.record(delta)) return true;
  return false;
}

/** The default decoder: UTF-8 text through the one SSE parser. */
class SseEventDecoder implements StreamEventDecoder {
  readonly #parser = new SseParser();
  readonly #decoder = new Utf8StreamDecoder();

  push(bytes: Uint8Array): SseEvent[] {
    return this.#parser.push(this.#decoder.decode(bytes));
  }

  // No parser.end(): by the event-stream rules an event missing its blank line is incomplete and
  // dropped, so a stream cut in the middle of its final event still counts as cut.
  end(): SseEvent[] {
    return this.#parser.push(this.#decoder.end());
  }
}
