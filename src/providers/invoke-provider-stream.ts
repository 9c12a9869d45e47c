// The streamed upstream call: opens the stream, then a pump reads SSE bytes through the one parser
// (src/core/sse.ts), maps events with the adapter, and feeds a StreamRun the consumer reads from.
import { type BodyChunk, bodyReader, type BodyReader } from "../core/body-reader.js";
import { SseParser, type SseEvent } from "../core/sse.js";
import { Utf8StreamDecoder } from "../core/utf8-stream-decoder.js";
import { GatewayError } from "../core/errors.js";
import { contentTypeOf } from "../core/streamed-body-response.js";
import type { InvokeProviderOptions, InvokeStreamResult } from "./invoke-provider.js";
import { snippet } from "./parse-upstream.js";
import { type StreamBegin, StreamRun, type StreamRunHost } from "./stream-run.js";
import type { StreamDelta, StreamEventDecoder } from "./types.js";
import { type ExchangeListener, sendUpstreamTo, UpstreamExchange, upstreamCall, upstreamFailure } from "./upstream-exchange.js";

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
export function invokeProviderStream(options: InvokeProviderOptions): Promise<InvokeStreamResult> {
  // Not an async function: its frame and an await per read cost ~0.2 KB each. As from one, a throw
  // before the request is under way (an adapter's buildRequest) rejects the promise.
  try {
    return new StreamCall(options).result;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * One streamed call from the request to the stream's end: it hears the response (as the exchange's
 * listener), then pumps the body, chunk by chunk, into a StreamRun, and resolves `result` once the
 * run has begun or the call failed before. The exchange reports each awaited step to it, so a
 * stream costs no closure, promise or async frame per upstream chunk beyond the read's own.
 */
class StreamCall implements ExchangeListener<Response>, StreamRunHost {
  readonly result: Promise<InvokeStreamResult>;
  readonly #options: InvokeProviderOptions;
  readonly #exchange: UpstreamExchange;
  #resolve!: (result: InvokeStreamResult) => void;
  #status = 0;
  #run: StreamRun | undefined;

  constructor(options: InvokeProviderOptions) {
    this.result = new Promise((resolve) => (this.#resolve = resolve));
    this.#options = options;
    const exchange = new UpstreamExchange(options.clock, options.signal);
    this.#exchange = exchange;
    exchange.arm(options.timeoutMs);
    const call = upstreamCall(options, true);
    try {
      sendUpstreamTo(options, exchange, call, this);
    } catch (error) {
      this.failed(error);
    }
  }

  /** The response headers are in. */
  settled(response: Response): void {
    const options = this.#options;
    const exchange = this.#exchange;
    if (!response.ok) {
      void upstreamFailure(options, exchange, response).then((failure) => {
        exchange.close();
        this.#resolve(failure);
      });
      return;
    }
    const reader = (contentTypeOf(response) ?? "").includes("application/json") ? null : bodyReader(response);
    if (reader === null) {
      void this.#notAStream(response);
      return;
    }
    this.#status = response.status;
    const run = new StreamRun(this);
    this.#run = run;
    new StreamPump(reader, exchange, options, run).read();
  }

  /** The request failed before its response headers. */
  failed(error: unknown): void {
    this.#exchange.close();
    this.#resolve(this.#exchange.fail(error, null));
  }

  elapsed(): number {
    return this.#exchange.elapsed();
  }

  cancel(): void {
    this.#exchange.cancel();
  }

  begun(begin: StreamBegin): void {
    // The run exists: it is what reports its beginning.
    const run = this.#run as StreamRun;
    if (!begin.ok) this.#resolve({ ok: false, error: begin.error, status: this.#status, durationMs: begin.durationMs });
    else this.#resolve({ ok: true, status: this.#status, ttftMs: begin.ttftMs, deltas: run.deltas, done: run.done });
  }

  async #notAStream(response: Response): Promise<void> {
    const exchange = this.#exchange;
    const body = response.body;
    const text = body === null ? "" : await exchange.race(response.text()).catch(() => "");
    exchange.close();
    const detail = body === null ? "no body" : `a JSON body: ${snippet(text)}`;
    const error = new GatewayError("upstream_invalid_response", `${this.#options.adapter.format} answered a stream request with ${detail}`);
    this.#resolve({ ok: false, error, status: response.status, durationMs: exchange.elapsed() });
  }
}

/**
 * Reads the body chunk by chunk through the adapter's decoder and mapper into the run, each read
 * under the re-armed timeout and raced against the exchange's abort; when the stream ends, fails or
 * is cancelled, closes the exchange and stops the body.
 */
class StreamPump implements ExchangeListener<BodyChunk> {
  readonly #run: StreamRun;
  readonly #reader: BodyReader;
  readonly #exchange: UpstreamExchange;
  readonly #timeoutMs: number;
  readonly #format: string;
  readonly #events: StreamEventDecoder;
  readonly #mapEvent: (event: SseEvent) => StreamDelta[];

  constructor(reader: BodyReader, exchange: UpstreamExchange, options: InvokeProviderOptions, run: StreamRun) {
    this.#run = run;
    this.#reader = reader;
    this.#exchange = exchange;
    this.#timeoutMs = options.timeoutMs;
    this.#format = options.adapter.format;
    this.#events = options.adapter.createEventDecoder?.() ?? new SseEventDecoder();
    this.#mapEvent = options.adapter.createStreamMapper();
  }

  /** Asks for the next chunk; `settled` or `failed` hears of it. */
  read(): void {
    try {
      this.#exchange.arm(this.#timeoutMs);
      this.#exchange.follow(this.#reader.read(), this, true);
    } catch (error) {
      this.failed(error);
    }
  }

  settled(chunk: BodyChunk): void {
    try {
      if (!chunk.done) {
        if (!feed(this.#events.push(chunk.value), this.#mapEvent, this.#run)) return this.read();
      } else if (!feed(this.#events.end(), this.#mapEvent, this.#run)) {
        const message = `${this.#format} stream ended before its final event`;
        this.#run.record({ type: "error", error: new GatewayError("upstream_invalid_response", message) });
      }
    } catch (error) {
      this.#run.record({ type: "error", error: this.#exchange.toError(error) });
    }
    this.#stop();
  }

  /** The read failed, timed out or was cancelled. */
  failed(error: unknown): void {
    this.#run.record({ type: "error", error: this.#exchange.toError(error) });
    this.#stop();
  }

  #stop(): void {
    this.#exchange.close();
    // Stop the provider's producer (a finished or failed stream is not read any further).
    this.#reader.cancel();
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
