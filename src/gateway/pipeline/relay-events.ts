// The Responses events of one streamed answer, read from the provider's deltas as they come: one
// promise per upstream chunk (all the events it gives, in a batch), not an async generator's per event.
import type { GatewayError } from "../../core/errors.js";
import { formatOneLineSseEvent, type SseEvent } from "../../core/sse.js";
import { nextSseBatch, type SseBatchIterator } from "../../core/sse-batches.js";
import { deltaBatches, type DeltaBatches } from "../../providers/delta-queue.js";
import type { StreamDelta } from "../../providers/types.js";
import { ResponseEventWriter, type ResponseEvent } from "./response-stream.js";

/** How the upstream stream ended, as the finish events need it: the final body, or the error. */
export interface RelayEnd {
  body?: Record<string, unknown> | undefined;
  error?: GatewayError | undefined;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The start events, a `response.output_text.delta` per text delta, then (once `ended` settles) the
 * finish events or `error` + `response.failed`. Iterable once, item by item or in batches
 * (src/core/sse-batches.ts). As with the async generator this replaces, a step asked for while one
 * is pending waits its turn, and `return()` takes effect once the pending step has settled: then, if
 * the deltas were being read (an event past the start ones was handed out) and are still open, it
 * cancels the upstream call.
 *
 * @example
 * for await (const event of new RelayedEvents(id, snapshot, handle.deltas, ended)) write(formatSseEvent(event));
 */
export class RelayedEvents implements SseBatchIterator, AsyncIterable<SseEvent> {
  readonly #writer: ResponseEventWriter;
  readonly #snapshot: Record<string, unknown>;
  readonly #deltas: DeltaBatches<StreamDelta>;
  readonly #ended: Promise<RelayEnd>;
  #phase: "start" | "deltas" | "end" | "done" = "start";
  /** The batch the item-by-item read is handing out, from `#index` on. */
  #batch: readonly ResponseEvent[] = [];
  #index = 0;
  /** Events handed out so far, and how many of the first were the start events. */
  #handed = 0;
  #startEvents = 0;
  /** The step in flight, which any other step waits for. */
  #pending: Promise<unknown> | undefined;

  constructor(id: string, snapshot: Record<string, unknown>, deltas: AsyncIterable<StreamDelta>, ended: Promise<RelayEnd>) {
    this.#writer = new ResponseEventWriter(id);
    this.#snapshot = snapshot;
    this.#deltas = deltaBatches(deltas);
    this.#ended = ended;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  [nextSseBatch](): Promise<readonly string[] | undefined> {
    if (this.#pending !== undefined) return this.#after(() => this[nextSseBatch]());
    if (this.#index < this.#batch.length) {
      const rest = this.#batch.slice(this.#index);
      this.#batch = [];
      this.#index = 0;
      this.#handed += rest.length;
      return Promise.resolve(wireText(rest));
    }
    return this.#track(
      this.#produce().then((batch) => {
        if (batch === undefined) return undefined;
        this.#handed += batch.length;
        return wireText(batch);
      }),
    );
  }

  next(): Promise<IteratorResult<SseEvent, undefined>> {
    if (this.#pending !== undefined) return this.#after(() => this.next());
    const ready = this.#batch[this.#index];
    if (ready !== undefined) {
      this.#index++;
      this.#handed++;
      return Promise.resolve({ done: false, value: ready });
    }
    return this.#track(
      this.#produce().then((batch) => {
        if (batch === undefined) return DONE;
        this.#batch = batch;
        this.#index = 1;
        this.#handed++;
        return { done: false, value: batch[0] as ResponseEvent };
      }),
    );
  }

  return(): Promise<IteratorResult<SseEvent, undefined>> {
    const stop = (): IteratorResult<SseEvent, undefined> => {
      // As the generator this replaces: reading the deltas begins once an event past the start ones was asked for.
      if (this.#phase === "deltas" && this.#handed > this.#startEvents) this.#deltas.cancel();
      this.#phase = "done";
      this.#batch = [];
      this.#index = 0;
      return DONE;
    };
    return this.#pending === undefined ? Promise.resolve(stop()) : this.#after(stop);
  }

  /** The next events: never an empty batch; undefined once all were given (or after a failure). */
  async #produce(): Promise<readonly ResponseEvent[] | undefined> {
    try {
      switch (this.#phase) {
        case "start": {
          this.#phase = "deltas";
          // The stream has begun, so its first text is buffered already: it joins the start events.
          const events = this.#writer.start(this.#snapshot);
          this.#startEvents = events.length;
          const ready = this.#deltas.take();
          if (ready !== undefined) this.#addTextEvents(ready, events);
          return events;
        }
        case "deltas":
          for (let batch = await this.#deltas.next(); batch !== undefined; batch = await this.#deltas.next()) {
            const events = this.#addTextEvents(batch, []);
            if (events.length > 0) return events;
          }
          this.#phase = "end";
          return await this.#finish();
        case "end":
          return await this.#finish();
        case "done":
          return undefined;
      }
    } catch (error) {
      this.#phase = "done";
      throw error;
    }
  }

  async #finish(): Promise<readonly ResponseEvent[]> {
    const end = await this.#ended;
    this.#phase = "done";
    if (end.body) return this.#writer.finish(end.body);
    return this.#writer.fail(this.#snapshot, end.error?.code ?? "upstream_error", end.error?.message ?? "the upstream stream failed");
  }

  #addTextEvents(batch: readonly StreamDelta[], events: ResponseEvent[]): ResponseEvent[] {
    for (const delta of batch) if (delta.type === "text") events.push(this.#writer.delta(delta.text));
    return events;
  }

  #track<R>(step: Promise<R>): Promise<R> {
    this.#pending = step;
    const clear = (): void => {
      if (this.#pending === step) this.#pending = undefined;
    };
    step.then(clear, clear);
    return step;
  }

  /** Runs `step` once the pending step settled (by then no longer pending: its own `clear` ran first). */
  #after<R>(step: () => R | Promise<R>): Promise<R> {
    return (this.#pending ?? Promise.resolve()).then(step, step);
  }
}

/** The events as `formatSseEvent` writes them: the writer's data is JSON, one line by construction. */
function wireText(events: readonly ResponseEvent[]): string[] {
  return events.map((event) => formatOneLineSseEvent(event.event, event.data));
}
