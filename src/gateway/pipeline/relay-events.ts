// The Responses events of one streamed answer, read from the provider's deltas as they come: one
// promise per upstream chunk (all the events it gives, in a batch), not an async generator's per event.
import type { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { nextSseBatch, type SseBatchIterator } from "../../core/sse-batches.js";
import { deltaBatches, type DeltaBatches } from "../../providers/delta-queue.js";
import type { StreamDelta } from "../../providers/types.js";
import { NOT_READY, type ReadySseBatches, readySseBatch } from "./ready-sse-batch.js";
import { ResponseEventWriter, type ResponseEvent, wireText } from "./response-stream.js";

/** How the upstream stream ended, as the finish events need it: the final body, or the error. */
export interface RelayEnd {
  body?: Record<string, unknown> | undefined;
  error?: GatewayError | undefined;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** No events. */
const NONE: readonly ResponseEvent[] = Object.freeze([]);

/** Events to hand out: never empty; undefined once there are no more. */
type Batch = readonly ResponseEvent[] | undefined;

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
export class RelayedEvents implements SseBatchIterator, ReadySseBatches, AsyncIterable<SseEvent> {
  readonly #writer: ResponseEventWriter;
  readonly #snapshot: Record<string, unknown>;
  readonly #deltas: DeltaBatches<StreamDelta>;
  readonly #ended: Promise<RelayEnd>;
  /** What `ended` resolves to, once `settled` told it. */
  #end: RelayEnd | undefined;
  /** A failure of a ready read, which the next read gives. */
  #failure: { error: unknown } | undefined;
  #phase: "start" | "deltas" | "end" | "done" = "start";
  /** The batch the item-by-item read is handing out, from `#index` on. */
  #batch: readonly ResponseEvent[] = [];
  #index = 0;
  /** Events handed out so far, and how many of the first were the start events. */
  #handed = 0;
  #startEvents = 0;
  /** The step in flight, which any other step waits for. */
  #pending: Promise<unknown> | undefined;
  /**
   * How the step in flight hands its batch out, and the handlers of its settlement: made on the first
   * step that waits and kept, not made again per wait (a long stream waits once per upstream chunk).
   */
  #handing: ((batch: Batch) => unknown) | undefined;
  #onFirst: ((batch: Batch) => IteratorResult<SseEvent, undefined>) | undefined;
  #onAll: ((batch: Batch) => readonly string[] | undefined) | undefined;
  #onProduced: ((batch: Batch) => unknown) | undefined;
  #onFailure: ((error: unknown) => never) | undefined;
  #onBatch: ((batch: readonly StreamDelta[] | undefined) => Batch | Promise<Batch>) | undefined;

  constructor(id: string, snapshot: Record<string, unknown>, deltas: AsyncIterable<StreamDelta>, ended: Promise<RelayEnd>) {
    this.#writer = new ResponseEventWriter(id);
    this.#snapshot = snapshot;
    this.#deltas = deltaBatches(deltas);
    this.#ended = ended;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * Tells the events how the stream ended, as `ended` will resolve to, as soon as that is known: the
   * finish events are then given without waiting for the promise (one step and its promises fewer
   * per stream). A first call counts; without one the events wait for `ended`.
   */
  settled(end: RelayEnd): void {
    this.#end ??= end;
  }

  [nextSseBatch](): Promise<readonly string[] | undefined> {
    if (this.#pending !== undefined) return this.#after(() => this[nextSseBatch]());
    if (this.#index < this.#batch.length) return Promise.resolve(this.#handRest());
    const produced = this.#produce();
    if (produced instanceof Promise) return this.#track(produced, (this.#onAll ??= (batch) => this.#handAll(batch)));
    return Promise.resolve(this.#handAll(produced));
  }

  /** The next batch when it is ready now (src/gateway/pipeline/ready-sse-batch.ts); a failure is given by the next read. */
  [readySseBatch](): readonly string[] | undefined | typeof NOT_READY {
    if (this.#pending !== undefined || this.#failure !== undefined) return NOT_READY;
    if (this.#index < this.#batch.length) return this.#handRest();
    let ready: Batch | typeof NOT_READY;
    try {
      ready = this.#step(false);
    } catch (error) {
      this.#phase = "done";
      this.#failure = { error };
      return NOT_READY;
    }
    return ready === NOT_READY ? NOT_READY : this.#handAll(ready);
  }

  next(): Promise<IteratorResult<SseEvent, undefined>> {
    if (this.#pending !== undefined) return this.#after(() => this.next());
    const ready = this.#batch[this.#index];
    if (ready !== undefined) {
      this.#index++;
      this.#handed++;
      return Promise.resolve({ done: false, value: ready });
    }
    const produced = this.#produce();
    if (produced instanceof Promise) return this.#track(produced, (this.#onFirst ??= (batch) => this.#handFirst(batch)));
    return Promise.resolve(this.#handFirst(produced));
  }

  return(): Promise<IteratorResult<SseEvent, undefined>> {
    const stop = (): IteratorResult<SseEvent, undefined> => {
      // As the generator this replaces: reading the deltas begins once an event past the start ones was asked for.
      if (this.#phase === "deltas" && this.#handed > this.#startEvents) this.#deltas.cancel();
      this.#phase = "done";
      this.#batch = [];
      this.#index = 0;
      this.#failure = undefined;
      return DONE;
    };
    return this.#pending === undefined ? Promise.resolve(stop()) : this.#after(stop);
  }

  /**
   * The next events: never an empty batch; undefined once all were given (or after a failure).
   * Ready ones (the start events, buffered deltas) come back as they are, without a promise: each
   * async step of a stream costs its promises and, as an async function, ~0.4 KB of frame.
   * Whatever fails, thrown or rejected, ends the events (`#track` sees the rejections).
   */
  #produce(): Batch | Promise<Batch> {
    const failure = this.#failure;
    if (failure !== undefined) {
      // A ready read failed: this read gives the failure, as it would have.
      this.#failure = undefined;
      return Promise.reject(failure.error);
    }
    try {
      return this.#step(true);
    } catch (error) {
      this.#phase = "done";
      return Promise.reject(error);
    }
  }

  /** The step; with `wait` false, NOT_READY where it would begin to wait (the state as the waiting step leaves it before its wait). */
  #step(wait: true): Batch | Promise<Batch>;
  #step(wait: false): Batch | typeof NOT_READY;
  #step(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY;
  #step(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY {
    switch (this.#phase) {
      case "start": {
        this.#phase = "deltas";
        // The stream has begun, so its first text is buffered already: it joins the start events.
        const start = this.#writer.start(this.#snapshot);
        this.#startEvents = start.length;
        const ready = this.#deltas.take();
        return ready === undefined ? start : this.#textEvents(ready, start);
      }
      case "deltas": {
        const ready = this.#deltas.take();
        if (ready !== undefined) {
          const events = this.#textEvents(ready, NONE);
          if (events.length > 0) return events;
        }
        return this.#nextBatch(wait);
      }
      case "end":
        return this.#finish(wait);
      case "done":
        return undefined;
    }
  }

  /** The text events of `batch`, else (none in it) of the next batches; the finish events after the last. */
  #afterBatch(batch: readonly StreamDelta[] | undefined): Batch | Promise<Batch> {
    if (batch === undefined) {
      this.#phase = "end";
      return this.#finish(true);
    }
    const events = this.#textEvents(batch, NONE);
    if (events.length > 0) return events;
    return this.#nextBatch(true);
  }

  /** The events of the next batches; the finish events at once when the deltas already ended (no wait for the empty read). */
  #nextBatch(wait: true): Batch | Promise<Batch>;
  #nextBatch(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY;
  #nextBatch(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY {
    if (this.#deltas.ended()) {
      this.#phase = "end";
      return this.#finish(wait);
    }
    if (!wait) return NOT_READY;
    return this.#deltas.next().then((this.#onBatch ??= (batch) => this.#afterBatch(batch)));
  }

  /** The finish events: at once when the end is known already (see `settled`), else once `ended` settles. */
  #finish(wait: true): Batch | Promise<Batch>;
  #finish(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY;
  #finish(wait: boolean): Batch | Promise<Batch> | typeof NOT_READY {
    const end = this.#end;
    if (end !== undefined) return this.#finishEvents(end);
    if (!wait) return NOT_READY;
    return this.#ended.then((ended) => this.#finishEvents(ended));
  }

  #finishEvents(end: RelayEnd): readonly ResponseEvent[] {
    this.#phase = "done";
    if (end.body) return this.#writer.finish(end.body);
    return this.#writer.fail(this.#snapshot, end.error?.code ?? "upstream_error", end.error?.message ?? "the upstream stream failed");
  }

  /** The rest of the batch the item-by-item read was handing out, as wire text. */
  #handRest(): readonly string[] {
    const rest = this.#batch.slice(this.#index);
    this.#batch = [];
    this.#index = 0;
    this.#handed += rest.length;
    return wireTexts(rest);
  }

  /** Every event of `batch` as wire text (undefined at the end). */
  #handAll(batch: Batch): readonly string[] | undefined {
    if (batch === undefined) return undefined;
    this.#handed += batch.length;
    return wireTexts(batch);
  }

  /** The first event of `batch`, the rest kept for the next reads. */
  #handFirst(batch: Batch): IteratorResult<SseEvent, undefined> {
    if (batch === undefined) return DONE;
    this.#batch = batch;
    this.#index = 1;
    this.#handed++;
    return { done: false, value: batch[0] as ResponseEvent };
  }

  /**
   * `before`, then a delta event per text delta of `batch`: in an array of exactly that length (an
   * empty array grown by push reserves 17 slots; most upstream chunks carry one text delta).
   */
  #textEvents(batch: readonly StreamDelta[], before: readonly ResponseEvent[]): readonly ResponseEvent[] {
    let texts = 0;
    for (let i = 0; i < batch.length; i++) if ((batch[i] as StreamDelta).type === "text") texts++;
    if (texts === 0) return before;
    const events = new Array<ResponseEvent>(before.length + texts);
    let at = 0;
    for (; at < before.length; at++) events[at] = before[at] as ResponseEvent;
    for (let i = 0; i < batch.length; i++) {
      const delta = batch[i] as StreamDelta;
      if (delta.type === "text") events[at++] = this.#writer.delta(delta.text);
    }
    return events;
  }

  /** `produced`, handed out by `hand`, as the step in flight until it settles; a failure ends the events. */
  #track<R>(produced: Promise<Batch>, hand: (batch: Batch) => R): Promise<R> {
    this.#handing = hand;
    const step = produced.then((this.#onProduced ??= (batch) => this.#produced(batch)), (this.#onFailure ??= (error) => this.#failed(error))) as Promise<R>;
    this.#pending = step;
    return step;
  }

  #produced(batch: Batch): unknown {
    this.#pending = undefined;
    return (this.#handing as (batch: Batch) => unknown)(batch);
  }

  #failed(error: unknown): never {
    this.#pending = undefined;
    this.#phase = "done";
    throw error;
  }

  /** Runs `step` once the pending step settled (by then no longer pending: its own handler cleared it first). */
  #after<R>(step: () => R | Promise<R>): Promise<R> {
    return (this.#pending ?? Promise.resolve()).then(step, step);
  }
}

/** The events as `formatSseEvent` writes them. */
function wireTexts(events: readonly ResponseEvent[]): string[] {
  const texts = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) texts[i] = wireText(events[i] as ResponseEvent);
  return texts;
}
