import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../core/virtual-clock.js";
import { createCapacity } from "./capacity.js";

describe("createCapacity", () => {
  it("serves max_concurrent at once, queues the rest in order, rejects beyond the queue", async () => {
    const clock = new VirtualClock({ start: 0 });
    const capacity = createCapacity({ maxConcurrent: 1, queue: 1, queueTimeout: undefined }, clock);
    const order: string[] = [];
    await clock.run(async () => {
      const serve = async (name: string, ms: number) => {
        const a = await capacity.acquire(undefined);
        if (!a.ok) return order.push(`${name}:rejected`);
        order.push(`${name}@${clock.now()} waited ${a.waitedMs} behind ${a.inFlight}`);
        await clock.sleep(ms);
        a.release();
      };
      await Promise.all([serve("a", 100), serve("b", 100), serve("c", 100)]);
    });
    expect(order).toEqual(["a@0 waited 0 behind 0", "c:rejected", "b@100 waited 100 behind 0"]);
  });

  it("gives up on a queued request after the queue timeout", async () => {
    const clock = new VirtualClock({ start: 0 });
    const capacity = createCapacity({ maxConcurrent: 1, queue: 5, queueTimeout: 50 }, clock);
    const result = await clock.run(async () => {
      const first = await capacity.acquire(undefined);
      const second = await capacity.acquire(undefined);
      if (first.ok) first.release();
      return second;
    });
    expect(result).toEqual({ ok: false, waitedMs: 50 });
  });

  it("leaves the queue when the request aborts", async () => {
    const clock = new VirtualClock({ start: 0 });
    const capacity = createCapacity({ maxConcurrent: 1, queue: 5, queueTimeout: undefined }, clock);
    const abort = new AbortController();
    const first = await capacity.acquire(undefined);
    const waiting = capacity.acquire(abort.signal);
    abort.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    if (first.ok) first.release();
    expect(capacity.inFlight).toBe(0);
  });
});
