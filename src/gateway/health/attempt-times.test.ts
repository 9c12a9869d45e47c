import { describe, expect, it } from "vitest";
import { createAttemptTimes } from "./attempt-times.js";

describe("createAttemptTimes", () => {
  it("counts attempts inside (now − window, now]", () => {
    const times = createAttemptTimes(300_000);
    [0, 1000, 30_000, 60_000, 61_000].forEach((at) => times.add(at));
    expect(times.countWithin(61_000, 60_000)).toBe(3); // 30 s, 60 s, 61 s; 1 s is exactly 60 s old
    expect(times.countWithin(61_000, 300_000)).toBe(5);
    expect(times.countWithin(30_000, 60_000)).toBe(3); // ignores attempts after `now`
  });

  it("forgets attempts older than the horizon, even across compaction", () => {
    const times = createAttemptTimes(10_000);
    for (let at = 0; at < 50_000; at += 10) times.add(at);
    expect(times.countWithin(49_990, 1_000_000)).toBe(1000);
    expect(times.countWithin(49_990, 5_000)).toBe(500);
  });

  it("starts over after clear", () => {
    const times = createAttemptTimes(60_000);
    times.add(1);
    times.clear();
    expect(times.countWithin(1, 60_000)).toBe(0);
  });
});
