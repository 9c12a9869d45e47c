// A fetch Response over a pushed body (src/core/pushed-body.ts) that builds no web stream unless
// asked: the keep-alive fetch's answer for event streams. On Node 20 a ReadableStream costs tens of
// µs to build, more than relaying a short stream; the stream pump reads the pushed body directly
// (src/core/body-reader.ts), and anything else gets the genuine Response over its web stream.
import { LazyBodyResponse } from "./lazy-body-response.js";
import { isPlainHeaderPairs } from "./lazy-headers.js";
import type { PushedBody } from "./pushed-body.js";

/**
 * @example
 * const response = streamedBodyResponse(body, { status: 200, statusText: "OK", headers: [["content-type", "text/event-stream"]] });
 * const reader = bodyReader(response); // reads `body` itself
 */
export function streamedBodyResponse(body: PushedBody, init: ResponseInit): Response {
  return new StreamedBodyResponse(body, init);
}

/**
 * The pushed body of a Response from {@link streamedBodyResponse}, handed over once, and only
 * while nothing has read its body; undefined otherwise.
 */
export function takeStreamedBody(response: Response): PushedBody | undefined {
  return response instanceof StreamedBodyResponse ? response.take() : undefined;
}

/**
 * `response.headers.get("content-type")`, answered for a Response from {@link streamedBodyResponse}
 * without building its genuine Response (which would turn its body into a web stream).
 *
 * @example
 * const isJson = (contentTypeOf(response) ?? "").includes("application/json");
 */
export function contentTypeOf(response: Response): string | null {
  return response instanceof StreamedBodyResponse ? response.contentType() : response.headers.get("content-type");
}

/** Name/value pairs (HeadersInit's array form), each checked to have exactly two strings. */
type HeaderPairs = readonly (readonly string[])[];

class StreamedBodyResponse extends LazyBodyResponse {
  readonly #body: PushedBody;
  readonly #init: ResponseInit;
  /** Plain pairs (see isPlainHeaderPairs), kept as they are: filling a Headers costs more than the rest. */
  readonly #pairs: HeaderPairs | undefined;
  /** Any other headers, in a Headers made now: undici's checks throw here, as its constructor's did. */
  readonly #checked: Headers | undefined;
  #taken = false;

  constructor(body: PushedBody, init: ResponseInit) {
    super(init);
    this.#body = body;
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

  take(): PushedBody | undefined {
    if (this.#taken || this.real !== undefined) return undefined;
    this.#taken = true;
    return this.#body;
  }

  protected get consumed(): boolean {
    return this.#taken;
  }

  protected build(): Response {
    if (!this.#taken) return new Response(this.#body.toWeb(), this.#init);
    // Read already through the pushed body: the real one is disturbed too, as undici's would be.
    const real = new Response(new ReadableStream<Uint8Array>({ start: (c) => c.close() }), this.#init);
    void real.text();
    return real;
  }
}
