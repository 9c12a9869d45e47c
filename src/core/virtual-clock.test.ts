import { describe, expect, it } from "vitest";
import { ClockDeadlockError, VirtualClock } from "./virtual-clock.js";

describe("VirtualClock", () => {
  it("jumps simulated time without waiting in real time", async () => {
    const clock = new VirtualClock({ start: 0 });
    const wallStart = performance.now();
    const end = await clock.run(async () => {
      await clock.sleep(3_600_000);
      return clock.now();
    });
    expect(end).toBe(3_600_000);
    // An hour of simulated time must not be an hour of wall time; this bound is loose on purpose.
    expect(performance.now() - wallStart).toBeLessThan(5_000);
  });

  it("interleaves concurrent tasks in time order, ties in scheduling order", async () => {
    const clock = new VirtualClock({ start: 0 });
    const log: string[] = [];
    await clock.run(async () => {
      const task = async (name: string, waits: number[]): Promise<void> => {
        for (const ms of waits) {
          await clock.sleep(ms);
          log.push(`${name}@${clock.now()}`);
        }
      };
      await Promise.all([task("a", [10, 10, 10]), task("b", [15, 5]), task("c", [20])]);
    });
    // c scheduled its t=20 timer first (at t=0), so it fires first among the t=20 ties.
    expect(log).toEqual(["a@10", "b@15", "c@20", "a@20", "b@20", "a@30"]);
  });

  it("cancels sleeps on abort and never fires them", async () => {
    const clock = new VirtualClock({ start: 0 });
    const result = await clock.run(async () => {
      const controller = new AbortController();
      const slow = clock.sleep(1_000, controller.signal).then(
        () => "fired",
        (error: unknown) => (error instanceof DOMException ? error.name : "other"),
      );
      await clock.sleep(10);
      controller.abort();
      return [await slow, clock.now()];
    });
    expect(result).toEqual(["AbortError", 10]);
    expect(clock.pending).toBe(0);
  });

  it("reports a deadlock instead of hanging", async () => {
    const clock = new VirtualClock({ start: 0, maxIdleWaitTurns: 20 });
    await expect(clock.run(() => new Promise<void>(() => undefined))).rejects.toBeInstanceOf(ClockDeadlockError);
  });

  it("advance() fires due timers and stops at the target", async () => {
    const clock = new VirtualClock({ start: 0 });
    const fired: number[] = [];
    clock.schedule(5, () => fired.push(clock.now()));
    clock.schedule(50, () => fired.push(clock.now()));
    await clock.advance(20);
    expect(fired).toEqual([5]);
    expect(clock.now()).toBe(20);
  });

  it("fires the timers left after thousands of cancellations in (time, scheduling) order", async () => {
    const clock = new VirtualClock({ start: 0 });
    const fired: string[] = [];
    const cancels: (() => void)[] = [];
    // Interleaved live and cancelled timers, some due at the same instant, past the compaction threshold.
    for (let i = 0; i < 5_000; i++) {
      const at = (i * 7919) % 997;
      if (i % 3 === 0) clock.schedule(at, () => fired.push(`${at}:${i}`));
      else cancels.push(clock.schedule(at, () => fired.push(`cancelled ${i}`)));
    }
    for (const cancel of cancels) cancel();
    expect(clock.pending).toBe(1_667);
    await clock.advance(1_000);
    const expected = Array.from({ length: 5_000 }, (_, i) => i)
      .filter((i) => i % 3 === 0)
      .map((i) => ({ at: (i * 7919) % 997, i }))
      .sort((a, b) => a.at - b.at || a.i - b.i)
      .map(({ at, i }) => `${at}:${i}`);
    expect(fired).toEqual(expected);
    expect(clock.pending).toBe(0);
  });
});
