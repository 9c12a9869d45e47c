// Reads a fetch Response's body chunk by chunk: straight from the node:http body when the keep-alive
// fetch made the Response (src/core/node-body-response.ts), else through the web stream's reader.
// Both behave as the web reader over `Readable.toWeb` does: the same chunks (copies), errors and cancel.
import { finished, type Readable } from "node:stream";
import { takeNodeBody } from "./node-body-response.js";

export type BodyChunk = { done: false; value: Uint8Array } | { done: true; value?: undefined };

export interface BodyReader {
  read(): Promise<BodyChunk>;
  /** Stops reading; a body still arriving is destroyed, which stops its sender. */
  cancel(): void;
}

/**
 * A reader of the response's body, or null when it has none.
 *
 * @example
 * const reader = bodyReader(response);
 * for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.push(chunk.value);
 */
export function bodyReader(response: Response): BodyReader | null {
  const node = takeNodeBody(response);
  if (node !== undefined) return new NodeBodyReader(node);
  const body = response.body;
  if (body === null) return null;
  const reader = body.getReader();
  return {
    read: () => reader.read() as Promise<BodyChunk>,
    cancel: () => void reader.cancel().catch(() => {}),
  };
}

const noop = (): void => {};

class NodeBodyReader implements BodyReader {
  readonly #res: Readable;
  readonly #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  #ended = false;
  #cancelled = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;

  constructor(res: Readable) {
    this.#res = res;
    res.on("data", (chunk: Buffer) => {
      // A copy, as Readable.toWeb makes: the reader owns its bytes.
      this.#queue.push(new Uint8Array(chunk));
      this.#queuedBytes += chunk.length;
      // Back-pressure as the web stream applies it: stop the socket while a high-water mark waits unread.
      if (this.#queuedBytes >= res.readableHighWaterMark) res.pause();
      this.#notify();
    });
    const cleanup = finished(res, (error) => {
      cleanup();
      // A legacy stream may emit another error once finished has reported.
      res.on("error", noop);
      if (error) {
        // An errored web stream drops what it had queued; a premature close is node's AbortError.
        this.#failure = { error: error.code === "ERR_STREAM_PREMATURE_CLOSE" ? abortError(error) : error };
        this.#queue.length = 0;
      } else this.#ended = true;
      this.#notify();
    });
  }

  read(): Promise<BodyChunk> {
    if (this.#failure && !this.#cancelled) return Promise.reject(this.#failure.error);
    const value = this.#queue.shift();
    if (value !== undefined) {
      this.#queuedBytes -= value.length;
      if (this.#res.isPaused() && this.#queuedBytes < this.#res.readableHighWaterMark) this.#res.resume();
      return Promise.resolve({ done: false, value });
    }
    if (this.#ended || this.#cancelled) return Promise.resolve({ done: true });
    return new Promise<void>((resolve) => (this.#wake = resolve)).then(() => this.read());
  }

  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#queue.length = 0;
    if (!this.#ended && !this.#failure) this.#res.destroy();
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}

/** The error Readable.toWeb reports for a premature close: node's AbortError, caused by it. */
function abortError(cause: Error): Error {
  return Object.assign(new Error("The operation was aborted", { cause }), { name: "AbortError", code: "ABORT_ERR" });
}
