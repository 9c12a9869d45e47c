// A fetch Response over a node:http response body that builds no web stream unless asked: the
// keep-alive fetch's answer for event streams. On Node 20 a ReadableStream costs tens of µs to build
// (Readable.toWeb, makeTransferable), more than relaying a short stream; the stream pump reads the
// node body directly (src/core/body-reader.ts), and anything else gets the genuine Response.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** The body members this class answers itself; the DOM typings declare them as properties, not methods. */
type BodyMembers = "body" | "bodyUsed" | "text" | "json" | "arrayBuffer" | "blob" | "formData" | "clone";
const ResponseBase: new (body: null, init: ResponseInit) => Omit<Response, BodyMembers> = Response;

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

class NodeBodyResponse extends ResponseBase implements Response {
  readonly #res: IncomingMessage;
  readonly #init: ResponseInit;
  #taken = false;
  #real: Response | undefined;

  constructor(res: IncomingMessage, init: ResponseInit) {
    super(null, init);
    this.#res = res;
    this.#init = init;
  }

  take(): IncomingMessage | undefined {
    if (this.#taken || this.#real !== undefined) return undefined;
    this.#taken = true;
    return this.#res;
  }

  /** The genuine Response, built once; from then on it alone holds the body's state. */
  #materialise(): Response {
    if (this.#real === undefined) {
      if (!this.#taken) this.#real = new Response(Readable.toWeb(this.#res) as ReadableStream<Uint8Array>, this.#init);
      else {
        // Read already through the node body: the real one is disturbed too, as undici's would be.
        this.#real = new Response(new ReadableStream<Uint8Array>({ start: (c) => c.close() }), this.#init);
        void this.#real.text();
      }
    }
    return this.#real;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.#materialise().body;
  }

  get bodyUsed(): boolean {
    return this.#real !== undefined ? this.#real.bodyUsed : this.#taken;
  }

  text(): Promise<string> {
    return this.#materialise().text();
  }

  json(): Promise<unknown> {
    return this.#materialise().json() as Promise<unknown>;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#materialise().arrayBuffer();
  }

  /** Node 20's Response has bytes() though the typings lack it; without this it would read the empty base body. */
  bytes(): Promise<Uint8Array> {
    return (this.#materialise() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  }

  blob(): Promise<Blob> {
    return this.#materialise().blob();
  }

  formData(): Promise<FormData> {
    return this.#materialise().formData();
  }

  clone(): Response {
    return this.#materialise().clone();
  }
}
