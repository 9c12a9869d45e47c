import { getEventListeners, setMaxListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { stoppableClock } from "./stoppable-clock.js";

describe("stoppableClock", () => {
  it("fires scheduled callbacks until stopped, then cancels the rest and aborts sleeps", async () => {
    const inner = new VirtualClock({ start: 0 });
    const clock = stoppableClock(inner);
    const fired: number[] = [];
    clock.schedule(10, () => fired.push(10));
    clock.schedule(50, () => fired.push(50));
    const sleeping = clock.sleep(100);
    await inner.advance(20);
    expect(fired).toEqual([10]);
    clock.stop();
    await expect(sleeping).rejects.toMatchObject({ name: "AbortError" });
    await inner.advance(100);
    expect(fired).toEqual([10]);
    expect(clock.stopped).toBe(true);
    clock.schedule(1, () => fired.push(1));
    await inner.advance(5);
    expect(fired).toEqual([10]);
    await expect(clock.sleep(1)).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("stoppableClock sleeps", () => {
  /** What Node ties to a signal without a listener: AbortSignal.any's composites (an internal set, when present). */
  const dependants = (signal: AbortSignal): number => {
    const key = Object.getOwnPropertySymbols(signal).find((s) => s.description === "kDependantSignals");
    const set: unknown = key === undefined ? undefined : (signal as unknown as Record<symbol, unknown>)[key];
    return set instanceof Set ? set.size : 0;
  };

  it("rejects with the caller's reason when its signal aborts, and with the stop reason on stop()", async () => {
    const inner = new VirtualClock({ start: 0 });
    const clock = stoppableClock(inner);
    const caller = new AbortController();
    const byCaller = clock.sleep(100, caller.signal);
    const byStop = clock.sleep(100, new AbortController().signal);
    caller.abort(new DOMException("client gone", "AbortError"));
    await expect(byCaller).rejects.toMatchObject({ name: "AbortError", message: "client gone" });
    expect(clock.pending).toBe(1);
    clock.stop();
    await expect(byStop).rejects.toMatchObject({ name: "AbortError", message: "The served run stopped" });
    expect(clock.pending).toBe(0);
    const aborted = AbortSignal.abort(new DOMException("already", "AbortError"));
    await expect(stoppableClock(inner).sleep(1, aborted)).rejects.toMatchObject({ message: "already" });
  });

  it("keeps nothing of a settled sleep: not in the clock, not on a long-lived caller signal", async () => {
    const inner = new VirtualClock({ start: 0 });
    const clock = stoppableClock(inner);
    // A server-wide signal many requests' sleeps share, as a long serve's would.
    const longLived = new AbortController().signal;
    // Each pending sleep listens on it (as RealClock's own sleeps would), so 500 at once exceed Node's default of 10.
    setMaxListeners(1000, longLived);
    const sleeps = Array.from({ length: 1000 }, (_, i) => clock.sleep(i % 7, i % 2 === 0 ? longLived : undefined));
    expect(clock.pending).toBe(1000);
    await inner.advance(10);
    await Promise.all(sleeps);
    expect(clock.pending).toBe(0);
    expect(getEventListeners(longLived, "abort")).toHaveLength(0);
    expect(dependants(longLived)).toBe(0);
  });
});
