// A `fetch` over undici's connection pool (its Agent's `dispatch`, not its fetch). The global fetch
// (undici's fetch, with its web streams) reached ~430 req/s on one local connection on our machines
// against ~1,700/s for a node:http keep-alive agent; a proxy calling upstream through undici's
// dispatch spent 60-85 µs of CPU per request against 110-175 µs through node:http (both measured
// here, 64 connections), and in a gateway that also runs a pipeline the gap is larger: node's
// client allocates ~14 KB per call. `serve` uses this for its upstream calls to the fakes.
import { Agent, type Dispatcher } from "undici";
import { type CancelLink, withLinkedFetch } from "./cancel-link.js";
import { PushedBody } from "./pushed-body.js";
import { streamedBodyResponse } from "./streamed-body-response.js";
import { textBodyResponse } from "./text-body-response.js";

export interface KeepAliveFetchOptions {
  /** Sockets per upstream host (default 64). */
  maxSockets?: number;
}

/**
 * A WHATWG-shaped `fetch` whose connections are pooled and kept alive.
 *
 * @example
 * const fetch = createKeepAliveFetch();
 * const res = await fetch("http://127.0.0.1:8080/v1/chat/completions", { method: "POST", body: "{}" });
 */
export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): typeof fetch {
  // No header or body timeouts of undici's own: they run on real time, and every wait of the
  // gateway's is its own, on the injected clock (it cancels through the signal or the link).
  const agent = new Agent({ connections: options.maxSockets ?? 64, headersTimeout: 0, bodyTimeout: 0 });
  const targets = new TargetCache();

  /** Sends one request; `signal` or `link` (never both) cancels it. */
  function send(target: Target, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal | undefined, link: CancelLink | undefined): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (link !== undefined && link.cancelReason !== undefined) return reject(link.cancelReason);
      if (target.authorization !== undefined && headers.authorization === undefined) headers.authorization = target.authorization;
      const call = new UpstreamCall(method, resolve, reject, signal, link);
      try {
        agent.dispatch({ origin: target.origin, path: target.path, method: method as Dispatcher.HttpMethod, headers, body: body ?? null }, call);
      } catch (error) {
        // undici checks the options as it takes them (a header with a newline, an unknown method…).
        call.onResponseError(undefined, error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async function keepAliveFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : undefined;
    const target = targets.of(request ? request.url : String(input));
    const method = init?.method ?? request?.method ?? "GET";
    const headers = headerRecord(init?.headers ?? request?.headers);
    const signal = init?.signal ?? request?.signal ?? undefined;
    const rawBody = init?.body ?? (request && request.body ? await request.text() : undefined);
    // A string body (every adapter sends one) is used as it is: no await, no extra turn per call.
    const body = typeof rawBody === "string" || rawBody === undefined ? rawBody : await bodyText(rawBody);
    return send(target, method, headers, body, signal, undefined);
  }

  // The gateway's own calls (src/providers/upstream-exchange.ts) come this way: no AbortSignal.
  return withLinkedFetch(keepAliveFetch, (url, init, link) => send(targets.of(url), init.method, headerRecord(init.headers), init.body, undefined, link));
}

/**
 * One request's handler: what undici reports of it becomes a Response (a complete JSON answer as
 * text, anything else as a stream) or fetch's "fetch failed" TypeError; the signal or the link
 * cancels it until its answer is read.
 */
class UpstreamCall implements Dispatcher.DispatchHandler {
  readonly #method: string;
  readonly #resolve: (response: Response) => void;
  readonly #reject: (reason: unknown) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #link: CancelLink | undefined;
  #onAbort: (() => void) | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  /** Why it was cancelled before undici handed over its controller. */
  #cancelled: Error | undefined;
  #status = 0;
  #headers: Record<string, string> | undefined;
  /** A JSON answer's chunks until its end; undefined for a streamed one. */
  #chunks: Buffer[] | undefined;
  #body: PushedBody | undefined;
  #settled = false;

  constructor(method: string, resolve: (response: Response) => void, reject: (reason: unknown) => void, signal: AbortSignal | undefined, link: CancelLink | undefined) {
    this.#method = method;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    this.#link = link;
    if (signal !== undefined) {
      this.#onAbort = () => this.cancel(signal.reason);
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
    // A link needs no listener: one assignment, and it calls onCancel only while it is this one.
    if (link !== undefined) link.onCancel = this.cancel;
  }

  /** Cancels the request (and a body still arriving), rejecting with `reason` if nothing was answered yet. */
  readonly cancel = (reason: unknown): void => {
    const error = reason instanceof Error ? reason : new Error("aborted");
    // Settled first: undici reports the abort (as an error) at once.
    this.#settle(undefined, reason);
    // A body being read fails with the reason itself, as a web stream cancelled with it would.
    this.#body?.fail(reason);
    if (this.#controller !== undefined) this.#controller.abort(error);
    else this.#cancelled = error;
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#cancelled !== undefined) controller.abort(this.#cancelled);
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: AnswerHeaders, statusMessage?: string): void {
    // An informational answer (100 Continue, 103 Early Hints) comes before the real one.
    if (status < 200) return;
    this.#status = status;
    const method = this.#method;
    const noBody = status === 204 || status === 304 || method === "HEAD";
    const contentType = headers["content-type"];
    // A complete JSON answer is buffered and handed over as text (text()/json() read the string, no
    // web stream is built): converting a node stream to a web stream costs more than the whole
    // gateway pipeline. Event streams and unknown bodies stay streams.
    if (!noBody && (Array.isArray(contentType) ? contentType.join(", ") : (contentType ?? "")).includes("application/json")) {
      this.#headers = joinedHeaders(headers);
      this.#chunks = [];
      return;
    }
    const init = { status, statusText: statusMessage ?? "", headers: headerPairs(headers) };
    if (noBody) {
      this.#settle(new Response(null, init), undefined);
      return;
    }
    // A linked body stays cancellable until its reader is done: the link's owner unlinks it then.
    this.#body = new PushedBody(new ConnectionSource(controller, this.#unlinkSignal));
    // The stream pump reads the pushed body itself (src/core/body-reader.ts): no stream is built.
    this.#settle(streamedBodyResponse(this.#body, init), undefined, true);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    // A chunk is a view of one socket read, which nothing writes again: it is handed over, not copied.
    if (this.#chunks !== undefined) this.#chunks.push(chunk);
    else this.#body?.push(chunk);
  }

  onResponseEnd(): void {
    const chunks = this.#chunks;
    if (chunks !== undefined) {
      this.#chunks = undefined;
      const text = chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
      // Read to the end: nothing left to cancel.
      this.#settle(textBodyResponse(text, { status: this.#status, headers: this.#headers ?? {} }), undefined);
      return;
    }
    this.#body?.end();
    this.#unlinkSignal();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.#body !== undefined) {
      // After the headers the body's reader sees what undici's fetch reports for a body cut short,
      // "terminated" caused by the socket's error (a cancel's own reason came first, and stays).
      this.#body.fail(new TypeError("terminated", { cause: error }));
      this.#unlinkSignal();
      return;
    }
    this.#settle(undefined, new TypeError("fetch failed", { cause: error }));
  }

  /** Resolves or rejects once; a streamed answer keeps its link (and signal) until its body is done. */
  #settle(response: Response | undefined, reason: unknown, streaming = false): void {
    if (this.#settled) return;
    this.#settled = true;
    if (!streaming) {
      this.#unlinkSignal();
      this.#unlink();
    }
    if (response !== undefined) this.#resolve(response);
    else this.#reject(reason);
  }

  readonly #unlinkSignal = (): void => {
    if (this.#onAbort !== undefined) {
      this.#signal?.removeEventListener("abort", this.#onAbort);
      this.#onAbort = undefined;
    }
  };

  #unlink(): void {
    const link = this.#link;
    if (link !== undefined && link.onCancel === this.cancel) link.onCancel = undefined;
  }
}

/** The connection a pushed body is read from: back-pressure pauses its socket, a reader that leaves aborts it. */
class ConnectionSource {
  readonly #controller: Dispatcher.DispatchController;
  /** The call's signal listener goes first (a no-op without a signal). */
  readonly #onAbort: () => void;

  constructor(controller: Dispatcher.DispatchController, onAbort: () => void) {
    this.#controller = controller;
    this.#onAbort = onAbort;
  }

  pause(): void {
    this.#controller.pause();
  }

  resume(): void {
    this.#controller.resume();
  }

  abort(reason: Error): void {
    this.#onAbort();
    if (!this.#controller.aborted) this.#controller.abort(reason);
  }
}

interface Target {
  /** `http://host:port`, the pool the request goes to. */
  origin: string;
  /** The path and query, as sent in the request line. */
  path: string;
  /** `Basic …` from credentials in the URL (as node:http sends them), sent unless the caller set one. */
  authorization: string | undefined;
}

/**
 * The parts of each URL undici takes, parsed once: a gateway calls the same few provider URLs all
 * the time, and `new URL` costs microseconds per call.
 */
class TargetCache {
  static readonly #MAX = 256;
  readonly #targets = new Map<string, Target>();

  of(href: string): Target {
    let target = this.#targets.get(href);
    if (target === undefined) {
      const url = new URL(href);
      const credentials = url.username === "" && url.password === "" ? undefined : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      target = { origin: url.origin, path: `${url.pathname}${url.search}`, authorization: credentials === undefined ? undefined : `Basic ${Buffer.from(credentials).toString("base64")}` };
      if (this.#targets.size >= TargetCache.#MAX) this.#targets.clear();
      this.#targets.set(href, target);
    }
    return target;
  }
}

/** Request headers as undici takes them, lower-cased; a plain record is copied without a Headers. */
function headerRecord(init: RequestInit["headers"] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  if (init instanceof Headers || Array.isArray(init)) {
    for (const [name, value] of new Headers(init)) out[name] = value;
    return out;
  }
  const record = init as Record<string, string>;
  for (const name in record) out[name.toLowerCase()] = record[name] as string;
  return out;
}

/** An answer's headers as undici parses them: lower-case names, a repeated header's values in an array. */
type AnswerHeaders = Record<string, string | string[] | undefined>;

/** Response headers as name/value pairs, a repeated header (set-cookie) once per value. */
function headerPairs(headers: AnswerHeaders): [string, string][] {
  const out: [string, string][] = [];
  // for…in, not Object.entries: no array of pairs per answer (undici fills a plain object: own keys only).
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const v of value) out.push([name, v]);
    else if (value !== undefined) out.push([name, value]);
  }
  return out;
}

/** A JSON answer's headers as one record (repeated headers joined, as Headers.get() shows them). */
function joinedHeaders(headers: AnswerHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

async function bodyText(body: RequestInit["body"] | string | undefined): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  return new Response(body).text();
}
