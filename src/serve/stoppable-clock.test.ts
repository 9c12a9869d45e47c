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
