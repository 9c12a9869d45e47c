// A streamed answer's body that its producer pushes chunks into and one reader reads: the keep-alive
// fetch's event streams, fed by undici's handler with no node stream and no web stream in between.
// It behaves as a web stream's reader does: the same chunks, back-pressure, errors and cancel.
import type { BodyChunk, BodyReader } from "./body-reader.js";

/** What the body asks of the connection it is read from. */
export interface BodySource {
  /** Stop reading the socket: the reader is a high-water mark behind. */
  pause(): void;
  resume(): void;
  /** The reader left before the end: stop the upstream (close its connection). */
  abort(reason: Error): void;
}

/** Unread bytes at which the socket is paused: a web stream's and a node stream's default. */
export const BODY_HIGH_WATER_MARK = 16 * 1024;

/**
 * @example
 * const body = new PushedBody(source);
 * body.push(chunk); body.end();          // the producer
 * for (let c = await body.read(); !c.done; c = await body.read()) use(c.value); // the reader
 */
export class PushedBody implements BodyReader {
  readonly #source: BodySource;
  readonly #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  #paused = false;
  #ended = false;
  #cancelled = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;

  constructor(source: BodySource) {
    this.#source = source;
  }

  /** True once nothing more will be read: ended, failed or cancelled. */
  get settled(): boolean {
    return this.#ended || this.#cancelled || this.#failure !== undefined;
  }

  /** The producer's next chunk; ignored once the body is settled. The reader owns it from here. */
  push(chunk: Uint8Array): void {
    if (this.settled) return;
    this.#queue.push(chunk);
    this.#queuedBytes += chunk.length;
    if (!this.#paused && this.#queuedBytes >= BODY_HIGH_WATER_MARK) {
      this.#paused = true;
      this.#source.pause();
    }
    this.#notify();
  }

  /** The body is complete: reads drain the queue, then report done. */
  end(): void {
    if (this.settled) return;
    this.#ended = true;
    this.#notify();
  }

  /** The body failed: what was queued is dropped (as an errored web stream drops it) and reads reject with `error`. */
  fail(error: unknown): void {
    if (this.settled) return;
    this.#failure = { error };
    this.#queue.length = 0;
    this.#queuedBytes = 0;
    this.#notify();
  }

  read(): Promise<BodyChunk> {
    // A reader that cancelled reads done, even after a failure (as the reader over a web stream does).
    if (this.#failure !== undefined && !this.#cancelled) return Promise.reject(this.#failure.error);
    const value = this.#queue.shift();
    if (value !== undefined) {
      this.#queuedBytes -= value.length;
      if (this.#paused && this.#queuedBytes < BODY_HIGH_WATER_MARK) {
        this.#paused = false;
        this.#source.resume();
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.#ended || this.#cancelled) return Promise.resolve({ done: true });
    return new Promise<void>((resolve) => (this.#wake = resolve)).then(() => this.read());
  }

  /** Stops reading: pending and later reads are done; a body still arriving stops its upstream. */
  cancel(): void {
    if (this.#cancelled) return;
    const arriving = !this.settled;
    this.#cancelled = true;
    this.#queue.length = 0;
    this.#queuedBytes = 0;
    if (arriving) this.#source.abort(new Error("aborted"));
    this.#notify();
  }

  /** The same body as a web stream, for a reader that wants one (`response.body`). */
  toWeb(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        pull: (controller) =>
          this.read().then((chunk) => {
            if (chunk.done) controller.close();
            else controller.enqueue(chunk.value);
          }),
        cancel: () => this.cancel(),
      },
      { highWaterMark: 0 },
    );
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
