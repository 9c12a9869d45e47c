// An optional synchronous read beside `[nextSseBatch]` (src/core/sse-batches.ts): the events already
// ready, as wire text, without a promise, so a writer awaits only when it must wait.

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
