// A single-consumer async queue between the stream pump (which reads the provider as fast as it
// sends) and whoever iterates the deltas, so reading never waits on the consumer.

/**
 * Buffered deltas (objects, so `undefined` can mean empty), iterable once. Returning early from the iteration (a `break`, a client that went
 * away) calls `onCancel` unless the queue was already closed.
 *
 * @example
 * const queue = new DeltaQueue<number>(() => exchange.cancel());
 * queue.push(1); queue.close();
 * for await (const n of queue) console.log(n);
 */
export class DeltaQueue<T extends object> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  readonly #onCancel: () => void;
  #closed = false;
  #iterated = false;
  #waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;

  constructor(onCancel: () => void) {
    this.#onCancel = onCancel;
  }

  push(item: T): void {
    if (this.#closed) return;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve({ done: false, value: item });
    } else this.#items.push(item);
  }

  close(): void {
    this.#closed = true;
    const resolve = this.#waiting;
    this.#waiting = undefined;
    resolve?.({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    if (this.#iterated) throw new Error("the stream deltas can be iterated only once");
    this.#iterated = true;
    return {
      next: () => {
        const item = this.#items.shift();
        if (item !== undefined) return Promise.resolve({ done: false, value: item });
        if (this.#closed) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (this.#waiting = resolve));
      },
      return: () => {
        const wasOpen = !this.#closed;
        this.#items.length = 0;
        this.close();
        if (wasOpen) this.#onCancel();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}
