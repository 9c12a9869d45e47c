// A fetch Response over a node Readable body that builds no web stream unless asked: the keep-alive
// fetch's answer for event streams. On Node 20 a ReadableStream costs tens of µs to build
// (Readable.toWeb, makeTransferable), more than relaying a short stream; the stream pump reads the
// node body directly (src/core/body-reader.ts), and anything else gets the genuine Response.
import { Readable } from "node:stream";
import { LazyBodyResponse } from "./lazy-body-response.js";
import { isPlainHeaderPairs } from "./lazy-headers.js";

/**
 * @example
 * const response = nodeBodyResponse(res, { status: 200, statusText: "OK", headers: [["content-type", "text/event-stream"]] });
 * const reader = bodyReader(response); // reads `res` itself
 */
export function nodeBodyResponse(res: Readable, init: ResponseInit): Response {
  return new NodeBodyResponse(res, init);
}

/**
 * The node body of a Response from {@link nodeBodyResponse}, handed over once, and only while
 * nothing has read its body; undefined otherwise.
 */
export function takeNodeBody(response: Response): Readable | undefined {
  return response instanceof NodeBodyResponse ? response.take() : undefined;
}

/**
 * `response.headers.get("content-type")`, answered for a Response from {@link nodeBodyResponse}
 * without building its genuine Response (which would turn its node body into a web stream).
 *
 * @example
 * const isJson = (contentTypeOf(response) ?? "").includes("application/json");
 */
export function contentTypeOf(response: Response): string | null {
  return response instanceof NodeBodyResponse ? response.contentType() : response.headers.get("content-type");
}

/** Name/value pairs (HeadersInit's array form), each checked to have exactly two strings. */
type HeaderPairs = readonly (readonly string[])[];

class NodeBodyResponse extends LazyBodyResponse {
  readonly #res: Readable;
  readonly #init: ResponseInit;
  /** Plain pairs (see isPlainHeaderPairs), kept as they are: filling a Headers costs more than the rest. */
  readonly #pairs: HeaderPairs | undefined;
  /** Any other headers, in a Headers made now: undici's checks throw here, as its constructor's did. */
  readonly #checked: Headers | undefined;
  #taken = false;

  constructor(res: Readable, init: ResponseInit) {
    super(init);
    this.#res = res;
    this.#init = init;
    if (Array.isArray(init.headers) && isPlainHeaderPairs(init.headers)) this.#pairs = init.headers;
    else this.#checked = new Headers(init.headers);
  }

  /** The content type as Headers.get answers it (repeated values joined with ", "). */
  contentType(): string | null {
    const real = this.real;
    if (real !== undefined) return real.headers.get("content-type");
    if (this.#checked !== undefined) return this.#checked.get("content-type");
    let value: string | null = null;
    for (const pair of this.#pairs ?? []) if (pair[0] === "content-type") value = value === null ? (pair[1] as string) : `${value}, ${pair[1] as string}`;
    return value;
  }

  take(): Readable | undefined {
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
