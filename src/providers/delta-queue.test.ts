import { describe, expect, it } from "vitest";
import { DeltaQueue } from "./delta-queue.js";

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
});
