// A single-consumer async queue between the stream pump (which reads the provider as fast as it
// sends) and whoever iterates the deltas, so reading never waits on the consumer.

/**
 * Buffered deltas (objects, so `undefined` can mean empty), read once: item by item as an async
 * iterable, or every buffered item at once with `nextBatch` (one promise per upstream chunk, not per
 * delta). Leaving early (a `break`, `cancel`, a client that went away) calls `onCancel` unless the
 * queue was already closed.
 *
 * @example
 * const queue = new DeltaQueue<number>(() => exchange.cancel());
 * queue.push(1); queue.close();
 * for await (const n of queue) console.log(n);
 */
export class DeltaQueue<T extends object> implements AsyncIterable<T> {
  /** Never an empty array: undefined when nothing is buffered (a first push makes a one-item array, not 17 slots). */
  #items: T[] | undefined;
  readonly #onCancel: () => void;
  #closed = false;
  /** Who reads: the item iterator (made once) or `nextBatch` (called again and again). */
  #reader: "items" | "batches" | undefined;
  #waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  #batchWaiting: (() => void) | undefined;

  constructor(onCancel: () => void) {
    this.#onCancel = onCancel;
  }

  push(item: T): void {
    if (this.#closed) return;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve({ done: false, value: item });
      return;
    }
    if (this.#items === undefined) this.#items = [item];
    else this.#items.push(item);
    // The batch reader wakes after the pump's synchronous run: it takes whatever was pushed by then.
    const wake = this.#batchWaiting;
    this.#batchWaiting = undefined;
    wake?.();
  }

  close(): void {
    this.#closed = true;
    const resolve = this.#waiting;
    this.#waiting = undefined;
    resolve?.({ done: true, value: undefined });
    const wake = this.#batchWaiting;
    this.#batchWaiting = undefined;
    wake?.();
  }

  /** Every item buffered now, else the next ones pushed together; undefined once closed and empty. */
  nextBatch(): Promise<T[] | undefined> {
    this.#claim("batches");
    if (this.#items !== undefined || this.#closed) return Promise.resolve(this.#take());
    return new Promise<void>((resolve) => (this.#batchWaiting = resolve)).then(() => this.#take());
  }

  /** The items buffered now, read as a batch (undefined when none). */
  takeBuffered(): T[] | undefined {
    this.#claim("batches");
    return this.#take();
  }

  /** Whether the queue is closed with nothing left to read (`nextBatch` would give undefined). */
  get ended(): boolean {
    return this.#closed && this.#items === undefined;
  }

  /** Stops reading: drops what is buffered, and calls onCancel if the queue was still open. */
  cancel(): void {
    const wasOpen = !this.#closed;
    this.#items = undefined;
    this.close();
    if (wasOpen) this.#onCancel();
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    this.#claim("items");
    return {
      next: () => {
        const items = this.#items;
        if (items !== undefined) {
          const item = items.shift() as T;
          if (items.length === 0) this.#items = undefined;
          return Promise.resolve({ done: false, value: item });
        }
        if (this.#closed) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (this.#waiting = resolve));
      },
      return: () => {
        this.cancel();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  #claim(reader: "items" | "batches"): void {
    if (this.#reader === "items" || (this.#reader === "batches" && reader === "items")) throw new Error("the stream deltas can be iterated only once");
    this.#reader = reader;
  }

  #take(): T[] | undefined {
    const items = this.#items;
    this.#items = undefined;
    return items;
  }
}

/** A reader of deltas in batches (never empty; undefined at the end) that can stop the source. */
export interface DeltaBatches<T> {
  /** The deltas buffered now, without waiting (undefined: none, or a source that cannot tell). */
  take(): T[] | undefined;
  /** Whether `next()` would give undefined now (false: it may wait, or a source that cannot tell). */
  ended(): boolean;
  next(): Promise<T[] | undefined>;
  cancel(): void;
}

/**
 * Reads deltas in batches: a DeltaQueue's own (all that one upstream chunk gave), any other async
 * iterable one item at a time.
 *
 * @example
 * const batches = deltaBatches(handle.deltas);
 * for (let batch = await batches.next(); batch; batch = await batches.next()) for (const delta of batch) use(delta);
 */
export function deltaBatches<T extends object>(source: AsyncIterable<T>): DeltaBatches<T> {
  if (source instanceof DeltaQueue) return new QueueBatches(source);
  const iterator = source[Symbol.asyncIterator]();
  let ended = false;
  return {
    take: () => undefined,
    ended: () => ended,
    next: () =>
      iterator.next().then((step) => {
        ended ||= step.done === true;
        return ended ? undefined : [step.value as T];
      }),
    cancel: () => {
      if (!ended) void iterator.return?.()?.catch(() => undefined);
      ended = true;
    },
  };
}

/** A DeltaQueue's own batches: methods on one object, not three closures per stream. */
class QueueBatches<T extends object> implements DeltaBatches<T> {
  readonly #queue: DeltaQueue<T>;

  constructor(queue: DeltaQueue<T>) {
    this.#queue = queue;
  }

  take(): T[] | undefined {
    return this.#queue.takeBuffered();
  }

  ended(): boolean {
    return this.#queue.ended;
  }

  next(): Promise<T[] | undefined> {
    return this.#queue.nextBatch();
  }

  cancel(): void {
    this.#queue.cancel();
  }
}
