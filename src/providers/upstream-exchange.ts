// One HTTP exchange with a provider: its AbortController, the clock-driven timeout, the caller's
// signal, elapsed time on the injected clock, and the classification of whatever went wrong.
import type { Cancel, Clock } from "../core/clock.js";
import { GatewayError } from "../core/errors.js";
import { decodeJson } from "./parse-upstream.js";
import type { InvokeFailure, InvokeProviderOptions } from "./invoke-provider.js";

type AbortCause = "timeout" | "caller";

const noop = (): void => {};

/**
 * Timing and cancellation of one upstream call. Every await on the network goes through
 * {@link UpstreamExchange.race}, so a timeout or a cancel wins even against a `fetch` that ignores
 * its signal.
 *
 * @example
 * const exchange = new UpstreamExchange(clock, signal);
 * exchange.arm(10_000);
 * const response = await exchange.race(fetch(url, { signal: exchange.signal }));
 */
export class UpstreamExchange {
  readonly #clock: Clock;
  readonly #controller = new AbortController();
  readonly #startedAt: number;
  #cause: AbortCause | undefined;
  #cancelTimer: Cancel | undefined;
  #timeoutMs = 0;
  #unlinkCaller: () => void = noop;
  /** Rejecters of the races under way. */
  readonly #racing = new Set<(reason: unknown) => void>();

  constructor(clock: Clock, signal?: AbortSignal) {
    this.#clock = clock;
    this.#startedAt = clock.now();
    if (signal?.aborted) this.#abort("caller");
    else if (signal) {
      const onAbort = (): void => this.#abort("caller");
      signal.addEventListener("abort", onAbort, { once: true });
      this.#unlinkCaller = () => signal.removeEventListener("abort", onAbort);
    }
  }

  /** The signal to hand to `fetch`. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Simulated milliseconds since the exchange began. */
  elapsed(): number {
    return this.#clock.now() - this.#startedAt;
  }

  /** (Re)starts the timeout: the exchange aborts unless arm() or disarm() runs within `ms`. */
  arm(ms: number): void {
    this.disarm();
    this.#timeoutMs = ms;
    this.#cancelTimer = this.#clock.schedule(ms, () => this.#abort("timeout"));
  }

  disarm(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  /** Aborts on behalf of the caller (the stream's consumer stopped reading). */
  cancel(): void {
    this.#abort("caller");
  }

  /** Stops the timer and forgets the caller's signal; call once the exchange is over. */
  close(): void {
    this.disarm();
    this.#unlinkCaller();
  }

  /** Settles with `promise`, or rejects as soon as the exchange is aborted. */
  race<T>(promise: Promise<T>): Promise<T> {
    // The loser may still reject later (fetch aborting): that must not surface as unhandled.
    promise.catch(noop);
    const signal = this.#controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    // Only #abort aborts the controller, so it rejects the races itself: no listener on the signal
    // per await (EventTarget listeners cost microseconds, and a long stream awaits thousands of reads).
    return new Promise<T>((resolve, reject) => {
      this.#racing.add(reject);
      promise.then(
        (value) => {
          this.#racing.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#racing.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** The attempt error for anything thrown while talking to the provider. */
  toError(error: unknown): GatewayError {
    if (this.#cause === "timeout") {
      return new GatewayError("upstream_timeout", `the provider sent nothing for ${this.#timeoutMs} ms`, { extra: { timeout_ms: this.#timeoutMs } });
    }
    if (this.#cause === "caller") {
      return new GatewayError("gateway_error", "the upstream call was cancelled by its caller", { extra: { reason: "cancelled" } });
    }
    if (error instanceof GatewayError) return error;
    return new GatewayError("upstream_connection_error", describeConnectionError(error), { cause: error });
  }

  /** A failure result for `error`, timed now. */
  fail(error: unknown, status: number | null): InvokeFailure {
    return { ok: false, error: this.toError(error), status, durationMs: this.elapsed() };
  }

  #abort(cause: AbortCause): void {
    if (this.#controller.signal.aborted) return;
    this.#cause = cause;
    this.disarm();
    const reason = cause === "timeout" ? new DOMException("upstream timeout", "TimeoutError") : new DOMException("cancelled by caller", "AbortError");
    this.#controller.abort(reason);
    // After the signal's own listeners (fetch's among them), as when races listened on the signal.
    for (const reject of this.#racing) reject(reason);
    this.#racing.clear();
  }
}

/**
 * Sends the request and resolves once the response headers are in; a non-2xx answer is read and
 * mapped with the adapter's parseError (JSON body when it parses, else its text).
 *
 * @example
 * const opened = await openUpstream(options, exchange, false);
 * if (!opened.ok) return opened;
 */
export async function openUpstream(options: InvokeProviderOptions, exchange: UpstreamExchange, stream: boolean): Promise<{ ok: true; response: Response } | InvokeFailure> {
  const call = options.adapter.buildRequest({ ...options.request, stream }, { ...options.target, now: options.clock.now() });
  let status: number | null = null;
  try {
    // Object.assign rather than `{ ...call.init, signal }`: on Node 20 a spread followed by a new key is a slow path.
    const response = await exchange.race(options.fetch(call.url, Object.assign({}, call.init, { signal: exchange.signal })));
    status = response.status;
    if (response.ok) return { ok: true, response };
    const text = await exchange.race(response.text());
    const json = decodeJson(text);
    return { ok: false, error: options.adapter.parseError(status, json.ok ? json.value : text), status, durationMs: exchange.elapsed() };
  } catch (error) {
    return exchange.fail(error, status);
  }
}

function describeConnectionError(error: unknown): string {
  if (!(error instanceof Error)) return `connection to the provider failed: ${String(error)}`;
  // undici and the keep-alive fetch wrap the socket error (ECONNREFUSED, ECONNRESET…) as the cause.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `connection to the provider failed: ${error.message}${cause}`;
}
