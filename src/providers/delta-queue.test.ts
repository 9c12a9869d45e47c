import { describe, expect, it } from "vitest";
import { DeltaQueue, deltaBatches } from "./delta-queue.js";

interface Item {
  n: number;
}

describe("DeltaQueue", () => {
  it("delivers buffered and later items in order, then ends at close", async () => {
    const queue = new DeltaQueue<Item>(() => {});
    queue.push({ n: 1 });
    const seen: number[] = [];
    const reading = (async () => {
      for await (const item of queue) seen.push(item.n);
    })();
    await Promise.resolve();
    queue.push({ n: 2 });
    queue.close();
    queue.push({ n: 3 });
    await reading;
    expect(seen).toEqual([1, 2]);
  });

  it("calls onCancel when the reader leaves early, but not after a close", async () => {
    let cancels = 0;
    const open = new DeltaQueue<Item>(() => cancels++);
    open.push({ n: 1 });
    for await (const _item of open) break;
    expect(cancels).toBe(1);

    const closed = new DeltaQueue<Item>(() => cancels++);
    closed.push({ n: 1 });
    closed.close();
    for await (const _item of closed) break;
    expect(cancels).toBe(1);
  });

  it("can be iterated only once", () => {
    const queue = new DeltaQueue<Item>(() => {});
    queue[Symbol.asyncIterator]();
    expect(() => queue[Symbol.asyncIterator]()).toThrow("only once");
  });

  it("hands out in one batch what was pushed together, then ends at close", async () => {
    const queue = new DeltaQueue<Item>(() => {});
    queue.push({ n: 1 });
    expect(await queue.nextBatch()).toEqual([{ n: 1 }]);
    const waiting = queue.nextBatch();
    queue.push({ n: 2 });
    queue.push({ n: 3 });
    expect(await waiting).toEqual([{ n: 2 }, { n: 3 }]);
    expect(queue.takeBuffered()).toBeUndefined();
    queue.push({ n: 4 });
    queue.close();
    expect(await queue.nextBatch()).toEqual([{ n: 4 }]);
    expect(await queue.nextBatch()).toBeUndefined();
  });

  it("cancel() drops what is buffered, ends a waiting batch read and calls onCancel only while open", async () => {
    let cancels = 0;
    const queue = new DeltaQueue<Item>(() => cancels++);
    const waiting = queue.nextBatch();
    queue.cancel();
    expect(await waiting).toBeUndefined();
    queue.cancel();
    expect(cancels).toBe(1);
  });

  it("is read either item by item or in batches, not both", () => {
    const batches = new DeltaQueue<Item>(() => {});
    void batches.nextBatch();
    void batches.nextBatch();
    expect(() => batches[Symbol.asyncIterator]()).toThrow("only once");
    const items = new DeltaQueue<Item>(() => {});
    items[Symbol.asyncIterator]();
    expect(() => items.takeBuffered()).toThrow("only once");
  });

  it("deltaBatches reads any other async iterable one item at a time, and cancels it by return()", async () => {
    let stopped = false;
    async function* source() {
      try {
        yield { n: 1 };
        yield { n: 2 };
      } finally {
        stopped = true;
      }
    }
    const batches = deltaBatches(source());
    expect(batches.take()).toBeUndefined();
    expect(await batches.next()).toEqual([{ n: 1 }]);
    batches.cancel();
    await expect.poll(() => stopped).toBe(true);
    const whole = deltaBatches(source());
    expect([await whole.next(), await whole.next(), await whole.next()]).toEqual([[{ n: 1 }], [{ n: 2 }], undefined]);
  });

  it("says it ended only once closed with nothing left, in either read", async () => {
    const queue = new DeltaQueue<Item>(() => {});
    const batches = deltaBatches(queue);
    expect(batches.ended()).toBe(false);
    queue.push({ n: 1 });
    queue.close();
    expect(queue.ended).toBe(false);
    expect(batches.ended()).toBe(false);
    expect(batches.take()).toEqual([{ n: 1 }]);
    expect(queue.ended).toBe(true);
    expect(batches.ended()).toBe(true);
    expect(await batches.next()).toBeUndefined();

    async function* one() {
      yield { n: 1 };
    }
    const other = deltaBatches(one());
    expect(other.ended()).toBe(false);
    await other.next();
    expect(other.ended()).toBe(false);
    expect(await other.next()).toBeUndefined();
    expect(other.ended()).toBe(true);
  });
});
