// The one place the gateway performs an upstream call: adapter-built request, injected fetch, timing
// and timeouts on the injected Clock, and every outcome as a result object (never a throw).
import type { Clock } from "../core/clock.js";
import { GatewayError } from "../core/errors.js";
import { takeText } from "../core/text-body-response.js";
import { decodeJson, snippet } from "./parse-upstream.js";
import type { ProviderAdapter, StreamDelta, UpstreamRequest, UpstreamResult } from "./types.js";
import { sendUpstream, UpstreamExchange, upstreamCall, upstreamFailure } from "./upstream-exchange.js";

export { invokeProviderStream } from "./invoke-provider-stream.js";

/** What one upstream call needs. `request.stream` is ignored: the function called decides. */
export interface InvokeProviderOptions {
  adapter: ProviderAdapter;
  fetch: typeof fetch;
  clock: Clock;
  request: UpstreamRequest;
  target: { baseUrl: string; apiKey: string };
  /**
   * Non-streamed: the deadline for the whole answer. Streamed: the longest silence allowed, before the
   * response headers and then between two chunks (a long answer that keeps flowing never times out).
   */
  timeoutMs: number;
  /** Aborting it cancels the call; the outcome is then a `gateway_error` with `reason: "cancelled"`. */
  signal?: AbortSignal | undefined;
}

/**
 * A failed attempt. `status` is the provider's HTTP status when one arrived (for an error sent inside a
 * 200 stream it is 200, and `error.upstreamStatus` holds the status the error type stands for).
 */
export interface InvokeFailure {
  ok: false;
  error: GatewayError;
  status: number | null;
  durationMs: number;
}

/** A complete non-streamed answer. `ttftMs` is the time to the response headers. */
export interface InvokeSuccess {
  ok: true;
  result: UpstreamResult;
  status: number;
  ttftMs: number;
  durationMs: number;
}

export type InvokeResult = InvokeSuccess | InvokeFailure;

/** How a stream that had begun ended: its accumulated result, or the error that cut it. */
export type StreamOutcome = { result: UpstreamResult; durationMs: number; ttftMs: number } | { error: GatewayError; durationMs: number };

/**
 * A stream that has begun: its first text delta arrived (`ttftMs`), or it completed without text.
 * `deltas` replays everything from the `start` delta on and ends with `finish` or `error`; `done`
 * settles (never rejects) whether or not `deltas` is read. Breaking out of `deltas` cancels the call.
 */
export interface InvokeStreamSuccess {
  ok: true;
  status: number;
  ttftMs: number;
  deltas: AsyncIterable<StreamDelta>;
  done: Promise<StreamOutcome>;
}

export type InvokeStreamResult = InvokeStreamSuccess | InvokeFailure;

/**
 * Performs one non-streamed upstream call.
 *
 * Outcomes: non-2xx → the adapter's parseError (provider status kept, so `isRetryable` follows it);
 * timeout → `upstream_timeout`; fetch/connection failure → `upstream_connection_error`; a 2xx body
 * that is not JSON or not the wire format → `upstream_invalid_response`.
 *
 * @example
 * const outcome = await invokeProvider({ adapter, fetch, clock, request, target, timeoutMs: 30_000 });
 * if (outcome.ok) console.log(outcome.result.text, outcome.ttftMs);
 * else console.log(outcome.error.code, outcome.error.isRetryable);
 */
export async function invokeProvider(options: InvokeProviderOptions): Promise<InvokeResult> {
  const exchange = new UpstreamExchange(options.clock, options.signal);
  exchange.arm(options.timeoutMs);
  try {
    const call = upstreamCall(options, false);
    let response: Response;
    try {
      // A throw here (a linked fetch's bad URL among them) is the attempt's, as a rejection is.
      response = await sendUpstream(options, exchange, call);
    } catch (error) {
      return exchange.fail(error, null);
    }
    if (!response.ok) return await upstreamFailure(options, exchange, response);
    const ttftMs = exchange.elapsed();
    // A buffered body (the keep-alive fetch's and the fakes' JSON answers) is taken as it is: no
    // promise, race or await; aborted already, the exchange fails as the race would have.
    let text = exchange.cancelReason === undefined ? takeText(response) : undefined;
    if (text === undefined) {
      try {
        text = await exchange.race(response.text());
      } catch (error) {
        return exchange.fail(error, response.status);
      }
    }
    const json = decodeJson(text);
    if (!json.ok) {
      const message = `${options.adapter.format} answered ${response.status} with a body that is not JSON: ${snippet(text)}`;
      const error = new GatewayError("upstream_invalid_response", message);
      return exchange.fail(error, response.status);
    }
    try {
      return { ok: true, result: options.adapter.parseResponse(json.value), status: response.status, ttftMs, durationMs: exchange.elapsed() };
    } catch (error) {
      // Only the documented rejection is an attempt failure; anything else is a bug and must surface.
      if (error instanceof GatewayError) return exchange.fail(error, response.status);
      throw error;
    }
  } finally {
    exchange.close();
  }
}
