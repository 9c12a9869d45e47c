// A fetch Response over a node:http response body that builds no web stream unless asked: the
// keep-alive fetch's answer for event streams. On Node 20 a ReadableStream costs tens of µs to build
// (Readable.toWeb, makeTransferable), more than relaying a short stream; the stream pump reads the
// node body directly (src/core/body-reader.ts), and anything else gets the genuine Response.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { LazyBodyResponse } from "./lazy-body-response.js";
import { isPlainHeaderPairs } from "./lazy-headers.js";

/**
 * @example
 * const response = nodeBodyResponse(res, { status: 200, statusText: "OK", headers: [["content-type", "text/event-stream"]] });
 * const reader = bodyReader(response); // reads `res` itself
 */
export function nodeBodyResponse(res: IncomingMessage, init: ResponseInit): Response {
  return new NodeBodyResponse(res, init);
}

/**
 * The node body of a Response from {@link nodeBodyResponse}, handed over once, and only while
 * nothing has read its body; undefined otherwise.
 */
export function takeNodeBody(response: Response): IncomingMessage | undefined {
  return response instanceof NodeBodyResponse ? response.take() : undefined;
}

/**
 * `response.headers.get("content-type")`, answered from the pairs a Response from
 * {@link nodeBodyResponse} holds back, without building its headers (or its genuine Response).
 *
 * @example
 * const isJson = (contentTypeOf(response) ?? "").includes("application/json");
 */
export function contentTypeOf(response: Response): string | null {
  const held = response instanceof NodeBodyResponse ? response.heldHeaders() : undefined;
  if (held === undefined) return response.headers.get("content-type");
  let value: string | null = null;
  // Repeated, Headers.get joins the values with ", " in order.
  for (const pair of held) if (pair[0] === "content-type") value = value === null ? (pair[1] as string) : `${value}, ${pair[1] as string}`;
  return value;
}

/** Name/value pairs (HeadersInit's array form), each checked to have exactly two strings. */
type HeaderPairs = readonly (readonly string[])[];

class NodeBodyResponse extends LazyBodyResponse {
  readonly #res: IncomingMessage;
  readonly #init: ResponseInit;
  /** The header pairs kept back from the base constructor (see headersHeld), when they are plain. */
  readonly #held: HeaderPairs | undefined;
  #taken = false;

  constructor(res: IncomingMessage, init: ResponseInit) {
    const held = Array.isArray(init.headers) && isPlainHeaderPairs(init.headers) ? init.headers : undefined;
    // Filling a Headers costs more than the rest of the Response, and the stream pump asks only the
    // content type: plain pairs wait for the genuine Response, as a text body's record does.
    super(null, held === undefined ? init : { status: init.status, statusText: init.statusText });
    this.#res = res;
    this.#init = init;
    this.#held = held;
  }

  protected override get headersHeld(): boolean {
    return this.#held !== undefined;
  }

  /** The held-back pairs while no genuine Response holds them. */
  heldHeaders(): HeaderPairs | undefined {
    return this.real === undefined ? this.#held : undefined;
  }

  take(): IncomingMessage | undefined {
    if (this.#taken || this.real !== undefined) return undefined;
    this.#taken = true;
    return this.#res;
  }

  protected get consumed(): boolean {
    return this.#taken;
  }

  protected build(): Response {
    if (!this.#taken) return new Response(Readable.toWeb(this.#res) as ReadableStream<Uint8Array>, this.#init);
    // Read already through the node body: the real one is disturbed too, as undici's would be.
    const real = new Response(new ReadableStream<Uint8Array>({ start: (c) => c.close() }), this.#init);
    void real.text();
    return real;
  }
}
