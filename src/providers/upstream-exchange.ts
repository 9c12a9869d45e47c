// One HTTP exchange with a provider: its AbortController, the clock-driven timeout, the caller's
// signal, elapsed time on the injected clock, and the classification of whatever went wrong.
import { type CancelLink, type LinkedFetch, linkedFetchOf } from "../core/cancel-link.js";
import type { Cancel, Clock } from "../core/clock.js";
import { GatewayError } from "../core/errors.js";
import { decodeJson } from "./parse-upstream.js";
import type { InvokeFailure, InvokeProviderOptions } from "./invoke-provider.js";
import type { HttpCall } from "./types.js";

type AbortCause = "timeout" | "caller";

type Settle = (value: unknown) => void;

const noop = (): void => {};

/**
 * Who {@link UpstreamExchange.follow} reports a promise's settlement to: methods, so following a
 * promise costs neither a closure nor a promise of its own.
 */
export interface ExchangeListener<T> {
  settled(value: T): void;
  failed(error: unknown): void;
}

/**
 * Timing and cancellation of one upstream call. Every await on the network goes through
 * {@link UpstreamExchange.race}, so a timeout or a cancel wins even against a `fetch` that ignores
 * its signal; a linked fetch (the keep-alive fetch, src/core/cancel-link.ts) is cancelled through
 * the exchange itself and needs neither a signal nor a race.
 *
 * @example
 * const exchange = new UpstreamExchange(clock, signal);
 * exchange.arm(10_000);
 * const response = await exchange.race(fetch(url, { signal: exchange.signal }));
 */
export class UpstreamExchange implements CancelLink {
  readonly #clock: Clock;
  /** Made when `signal` is first read: a linked fetch never reads it (an AbortSignal is ~1.4 KB). */
  #controller: AbortController | undefined;
  readonly #startedAt: number;
  #cause: AbortCause | undefined;
  #reason: DOMException | undefined;
  #cancelTimer: Cancel | undefined;
  #timeoutMs = 0;
  #unlinkCaller: () => void = noop;
  /** Set by a linked fetch while its request can be cancelled (CancelLink). */
  onCancel: ((reason: unknown) => void) | undefined;
  /**
   * The race under way. Races run one after another (each awaited before the next begins), so one
   * slot and three closures per exchange serve them all; one that overlaps it goes to #overlapping.
   */
  #resolveRace: Settle | undefined;
  #rejectRace: Settle | undefined;
  /** The promise followed instead (one slot with the race's), and whether an abort ends it. */
  #listener: ExchangeListener<never> | undefined;
  #listenerRaced = false;
  #overlapping: Set<Settle> | undefined;
  readonly #onTimeout = (): void => this.#abort("timeout");

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

  /** The signal to hand to `fetch` (already aborted if the exchange is). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Why the exchange was aborted; undefined while it was not (CancelLink). */
  get cancelReason(): unknown {
    return this.#reason;
  }

  /** Simulated milliseconds since the exchange began. */
  elapsed(): number {
    return this.#clock.now() - this.#startedAt;
  }

  /** (Re)starts the timeout: the exchange aborts unless arm() or disarm() runs within `ms`. */
  arm(ms: number): void {
    this.disarm();
    this.#timeoutMs = ms;
    this.#cancelTimer = this.#clock.schedule(ms, this.#onTimeout);
  }

  disarm(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  /** Aborts on behalf of the caller (the stream's consumer stopped reading). */
  cancel(): void {
    this.#abort("caller");
  }

  /** Stops the timer and forgets the caller's signal and the linked fetch; call once the exchange is over. */
  close(): void {
    this.disarm();
    this.#unlinkCaller();
    this.onCancel = undefined;
  }

  /** Settles with `promise`, or rejects as soon as the exchange is aborted. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#reason !== undefined) {
      // The loser may still reject later (fetch aborting): that must not surface as unhandled.
      promise.catch(noop);
      return Promise.reject(this.#reason);
    }
    // Only #abort aborts, so it rejects the races itself: no listener on the signal per await
    // (EventTarget listeners cost microseconds, and a long stream awaits thousands of reads). The
    // rejection handler also keeps a late rejection of the loser from surfacing as unhandled.
    if (this.#busy()) return this.#overlap(promise);
    const raced = new Promise<T>(
      (this.#capture ??= (resolve, reject) => {
        this.#resolveRace = resolve as Settle;
        this.#rejectRace = reject;
      }),
    );
    this.#follow(promise);
    return raced;
  }

  /**
   * Calls `listener.settled(value)` or `listener.failed(error)` once `promise` settles: as
   * `race(promise).then(...)` when `raced` (an abort fails it at once, the loser ignored), as
   * `promise.then(...)` when not (a linked fetch, which the abort cancels itself). The race's slot,
   * not a promise: a stream awaits a read per upstream chunk.
   */
  follow<T>(promise: Promise<T>, listener: ExchangeListener<T>, raced: boolean): void {
    if (raced && this.#reason !== undefined) {
      promise.catch(noop);
      // Later, as an awaited rejection would be.
      const reason = this.#reason;
      queueMicrotask(() => listener.failed(reason));
      return;
    }
    // The shared slot only while it is free and no abort happened (after one, a loser of an earlier
    // race may still settle through the shared handlers): otherwise closures of its own.
    if (this.#busy() || this.#reason !== undefined) {
      (raced ? this.race(promise) : promise).then(
        (value) => listener.settled(value),
        (error: unknown) => listener.failed(error),
      );
      return;
    }
    this.#listener = listener as ExchangeListener<never>;
    this.#listenerRaced = raced;
    this.#follow(promise);
  }

  #busy(): boolean {
    return this.#rejectRace !== undefined || this.#listener !== undefined;
  }

  /** Stores a race's resolvers in the slot; made on the first promise race (a stream's reads follow instead). */
  #capture: ((resolve: (value: never) => void, reject: Settle) => void) | undefined;

  /**
   * Settles the slot with `promise`. The two handlers are made on the first race or follow and shared
   * by the ones after it; an exchange whose fetch is linked and whose body was buffered (a JSON
   * answer) makes none.
   */
  #follow(promise: Promise<unknown>): void {
    promise.then((this.#onValue ??= (value) => this.#settleValue(value)), (this.#onError ??= (error) => this.#settleError(error)));
  }

  #onValue: Settle | undefined;
  #onError: Settle | undefined;

  // A settlement after #abort finds the slot empty (no race begins once aborted) and is dropped.
  #settleValue(value: unknown): void {
    const listener = this.#listener;
    if (listener !== undefined) {
      this.#listener = undefined;
      listener.settled(value as never);
      return;
    }
    const resolve = this.#resolveRace;
    this.#resolveRace = this.#rejectRace = undefined;
    resolve?.(value);
  }

  #settleError(error: unknown): void {
    const listener = this.#listener;
    if (listener !== undefined) {
      this.#listener = undefined;
      listener.failed(error);
      return;
    }
    const reject = this.#rejectRace;
    this.#resolveRace = this.#rejectRace = undefined;
    reject?.(error);
  }

  /** A race begun while another is under way: its own closures, tracked until it settles. */
  #overlap<T>(promise: Promise<T>): Promise<T> {
    const overlapping = (this.#overlapping ??= new Set());
    return new Promise<T>((resolve, reject) => {
      overlapping.add(reject);
      promise.then(
        (value) => {
          overlapping.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          overlapping.delete(reject);
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
    if (this.#reason !== undefined) return;
    this.#cause = cause;
    this.disarm();
    const reason = cause === "timeout" ? new DOMException("upstream timeout", "TimeoutError") : new DOMException("cancelled by caller", "AbortError");
    this.#reason = reason;
    this.#controller?.abort(reason);
    const cancelFetch = this.onCancel;
    this.onCancel = undefined;
    cancelFetch?.(reason);
    // After the signal's own listeners (fetch's among them), as when races listened on the signal.
    const reject = this.#rejectRace;
    this.#resolveRace = this.#rejectRace = undefined;
    reject?.(reason);
    const listener = this.#listenerRaced ? this.#listener : undefined;
    if (listener !== undefined) {
      // Its promise, settling later, finds the slot empty. Later, as the awaited rejection would be.
      this.#listener = undefined;
      queueMicrotask(() => listener.failed(reason));
    }
    if (this.#overlapping === undefined) return;
    for (const rejectOverlapping of this.#overlapping) rejectOverlapping(reason);
    this.#overlapping.clear();
  }
}

/**
 * The adapter's request for this call: the caller's request as it is when it already says the right
 * `stream` (no copy), dated with the clock (`now`, for signatures). Built before any network await, so
 * an adapter's bug surfaces as a throw, not as an attempt failure.
 *
 * @example
 * const call = upstreamCall(options, false);
 */
export function upstreamCall(options: InvokeProviderOptions, stream: boolean): HttpCall {
  const request = options.request.stream === stream ? options.request : { ...options.request, stream };
  return options.adapter.buildRequest(request, { baseUrl: options.target.baseUrl, apiKey: options.target.apiKey, now: options.clock.now() });
}

/**
 * Sends `call`; resolves once the response headers are in. A linked fetch (the keep-alive fetch)
 * rejects on cancel itself, through the exchange; any other gets a real signal and a race.
 *
 * @example
 * const response = await sendUpstream(options, exchange, upstreamCall(options, false));
 */
export function sendUpstream(options: InvokeProviderOptions, exchange: UpstreamExchange, call: HttpCall): Promise<Response> {
  const linked = linkedFetchOf(options.fetch);
  const sent = fetchOnce(options, exchange, call, linked);
  return linked !== undefined ? sent : exchange.race(sent);
}

/**
 * {@link sendUpstream} reported to `listener` (through {@link UpstreamExchange.follow}) rather than
 * as a promise; a synchronous throw still throws.
 *
 * @example
 * sendUpstreamTo(options, exchange, upstreamCall(options, true), { settled: (response) => {}, failed: (error) => {} });
 */
export function sendUpstreamTo(options: InvokeProviderOptions, exchange: UpstreamExchange, call: HttpCall, listener: ExchangeListener<Response>): void {
  const linked = linkedFetchOf(options.fetch);
  exchange.follow(fetchOnce(options, exchange, call, linked), listener, linked === undefined);
}

function fetchOnce(options: InvokeProviderOptions, exchange: UpstreamExchange, call: HttpCall, linked: LinkedFetch | undefined): Promise<Response> {
  const { init } = call;
  if (linked !== undefined) return linked(call.url, init, exchange);
  return options.fetch(call.url, { method: init.method, headers: init.headers, body: init.body, signal: exchange.signal });
}

/**
 * A non-2xx answer, read and mapped with the adapter's parseError (JSON body when it parses, else its text).
 *
 * @example
 * if (!response.ok) return upstreamFailure(options, exchange, response);
 */
export async function upstreamFailure(options: InvokeProviderOptions, exchange: UpstreamExchange, response: Response): Promise<InvokeFailure> {
  const { status } = response;
  try {
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
