// A fetch Response for a fake's JSON answer that hands its text over without building a byte stream.
// `new Response(text)` makes a ReadableStream at once and `text()` reads it back through the stream
// machinery: about 15 µs a call, most of a simulated request's transport cost on the direct path.
// This subclass answers `text()` and `json()` straight from the string, and builds the genuine
// Response the first time anything else (the `body` stream, `arrayBuffer()`, `clone()`…) is asked
// for, so every other part of the Fetch API behaves exactly as undici's own.
import { LazyBodyResponse } from "./lazy-body-response.js";
import { isPlainHeaderRecord } from "./lazy-headers.js";

/** Statuses whose Response may not have a body; those keep the real constructor and its checks. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A Response carrying `text` as its body, for statuses and headers that allow one. The headers record
 * is handed over, not copied (the genuine Response is built from it on first use): callers pass a
 * record they no longer change, as both callers (the keep-alive fetch, the direct transport) do.
 *
 * @example
 * const response = textBodyResponse('{"ok":true}', { status: 200, headers: { "content-type": "application/json" } });
 * await response.json(); // { ok: true }
 */
export function textBodyResponse(text: string, init: { status: number; headers: Record<string, string> }): Response {
  // Without a content-type, `new Response(string)` adds text/plain: let the real one do it. Headers a
  // real Headers would trim or reject (or mixed-case names) go to the real one too: a held-back record
  // must be one the genuine Response, built later, holds exactly and without a late error.
  if (NULL_BODY_STATUSES.has(init.status) || init.headers["content-type"] === undefined || !isPlainHeaderRecord(init.headers)) return new Response(text, init);
  return new TextBodyResponse(text, init);
}

/**
 * The body of a Response from {@link textBodyResponse}, read now (as `text()` would, which it
 * marks read) without a promise; undefined for any other Response or one whose body is no longer
 * there to take (read already, or handed to a genuine Response): then `text()` answers as undici does.
 *
 * @example
 * const text = takeText(response) ?? (await response.text());
 */
export function takeText(response: Response): string | undefined {
  return response instanceof TextBodyResponse ? response.take() : undefined;
}

class TextBodyResponse extends LazyBodyResponse {
  readonly #text: string;
  readonly #init: ResponseInit;
  #read = false;

  constructor(text: string, init: ResponseInit) {
    // The status alone: the headers wait for the genuine Response.
    super({ status: init.status });
    this.#text = text;
    this.#init = init;
  }

  protected get consumed(): boolean {
    return this.#read;
  }

  protected build(): Response {
    const real = new Response(this.#text, this.#init);
    // A body already read through the fast path stays read (disturbed) in the real one too.
    if (this.#read) void real.text();
    return real;
  }

  take(): string | undefined {
    if (this.#read || this.real !== undefined) return undefined;
    this.#read = true;
    return this.#text;
  }

  #take(): Promise<string> {
    const real = this.real;
    if (real !== undefined) return real.text();
    // undici's wording, so callers that match on it see the same error.
    if (this.#read) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#read = true;
    return Promise.resolve(this.#text);
  }

  override text(): Promise<string> {
    return this.#take();
  }

  override json(): Promise<unknown> {
    return this.#take().then((text) => JSON.parse(text) as unknown);
  }
}
