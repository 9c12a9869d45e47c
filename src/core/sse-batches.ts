// An internal fast path for event streams: an iterator that can also hand over every event ready at
// once, already as wire text, so a writer pays one promise per upstream chunk instead of one per event.
import type { SseEvent } from "./sse.js";

/** The method name of the batch read (a symbol: no outside iterator has it by accident). */
export const nextSseBatch: unique symbol = Symbol("nextSseBatch");

/**
 * An async iterator of events that also answers `[nextSseBatch]()`: the events the item-by-item
 * `next()` would give in turn, as many as are ready (never an empty array), each as the text
 * `formatSseEvent` makes of it; undefined at the end. The two reads can be mixed; `return()` stops
 * it as it stops the item-by-item read.
 */
export interface SseBatchIterator extends AsyncIterator<SseEvent, undefined> {
  [nextSseBatch](): Promise<readonly string[] | undefined>;
}

/**
 * Whether `iterator` can be read in batches.
 *
 * @example
 * const iterator = events[Symbol.asyncIterator]();
 * if (hasSseBatches(iterator)) for (let batch = await iterator[nextSseBatch](); batch; batch = await iterator[nextSseBatch]()) write(batch.join(""));
 */
export function hasSseBatches(iterator: AsyncIterator<SseEvent>): iterator is SseBatchIterator {
  return nextSseBatch in iterator;
}

// An optional synchronous read beside `[nextSseBatch]`: the events already ready, as wire text,
// without a promise, so a writer awaits only when it must wait.

/** The method name of the ready read (a symbol: no outside iterator has it by accident). */
export const readySseBatch: unique symbol = Symbol("readySseBatch");

/** What the ready read gives when the next batch is not ready yet. */
export const NOT_READY: unique symbol = Symbol("notReady");

/**
 * An iterator whose `[readySseBatch]()` gives what `[nextSseBatch]()` would resolve to when that is
 * known without waiting (wire texts, or undefined at the end), else NOT_READY: then a
 * `[nextSseBatch]()` gives it, as it would have without the ready read before it.
 */
export interface ReadySseBatches {
  [readySseBatch](): readonly string[] | undefined | typeof NOT_READY;
}

/**
 * Whether `iterator` has the ready read.
 *
 * @example
 * let batch = hasReadySseBatches(iterator) ? iterator[readySseBatch]() : NOT_READY;
 * if (batch === NOT_READY) batch = await iterator[nextSseBatch]();
 */
export function hasReadySseBatches(iterator: object): iterator is ReadySseBatches {
  return readySseBatch in iterator;
}
