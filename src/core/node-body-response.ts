// A fetch Response over a node:http response body that builds no web stream unless asked: the
// keep-alive fetch's answer for event streams. On Node 20 a ReadableStream costs tens of µs to build
// (Readable.toWeb, makeTransferable), more than relaying a short stream; the stream pump reads the
// node body directly (src/core/body-reader.ts), and anything else gets the genuine Response.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { LazyBodyResponse } from "./lazy-body-response.js";

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

class NodeBodyResponse extends LazyBodyResponse {
  readonly #res: IncomingMessage;
  readonly #init: ResponseInit;
  #taken = false;

  constructor(res: IncomingMessage, init: ResponseInit) {
    super(null, init);
    this.#res = res;
    this.#init = init;
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
