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
