import { describe, expect, it } from "vitest";
import { defaultGatewaySettings } from "../settings.js";
import { breakerAt, closedBreaker, observeBreaker, openDurationMs, type BreakerObservation, type BreakerStatus } from "./breaker.js";

const settings = defaultGatewaySettings().breaker;
const fail = (at: number, errorRate = 1, volume = 10): BreakerObservation => ({ at, ok: false, errorRate, volume });
const ok = (at: number): BreakerObservation => ({ at, ok: true, errorRate: 0.2, volume: 10 });

function probeSuccesses(breaker: BreakerStatus, from: number, count: number): BreakerStatus {
  let b = breaker;
  for (let i = 0; i < count; i++) b = observeBreaker(b, ok(from + i * 1000), settings);
  return b;
}

describe("breaker", () => {
  it("doubles the open time per consecutive opening and caps it at openMaxMs", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => openDurationMs(n, settings))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
  });

  it("stays closed below the error-rate threshold or below the minimum volume", () => {
    expect(observeBreaker(closedBreaker(), fail(1000, 0.49, 20), settings).state).toBe("closed");
    expect(observeBreaker(closedBreaker(), fail(1000, 1, 7.99), settings).state).toBe("closed");
  });

  it("opens at the threshold with enough volume, for openBaseMs", () => {
    const b = observeBreaker(closedBreaker(), fail(5000, 0.5, 8), settings);
    expect(b).toEqual({ state: "open", openedAt: 5000, halfOpenAt: 35_000, consecutiveOpenings: 1, probeSuccesses: 0 });
  });

  it("turns half-open lazily when read at or after halfOpenAt, without mutating the stored state", () => {
    const b = observeBreaker(closedBreaker(), fail(5000), settings);
    expect(breakerAt(b, 34_999).state).toBe("open");
    expect(breakerAt(b, 35_000).state).toBe("half_open");
    expect(b.state).toBe("open");
  });

  it("ignores late answers while open", () => {
    const b = observeBreaker(closedBreaker(), fail(5000), settings);
    expect(observeBreaker(b, ok(6000), settings)).toEqual(b);
    expect(observeBreaker(b, fail(7000), settings)).toEqual(b);
  });

  it("runs open → half-open → reopen (doubled) → half-open → closed, then resets the doubling", () => {
    let b = observeBreaker(closedBreaker(), fail(0), settings);
    expect(b).toMatchObject({ state: "open", halfOpenAt: 30_000, consecutiveOpenings: 1 });

    // A failed probe reopens for 60 s.
    b = observeBreaker(b, fail(31_000, 0.9), settings);
    expect(b).toMatchObject({ state: "open", openedAt: 31_000, halfOpenAt: 91_000, consecutiveOpenings: 2 });

    // Four successful probes keep it half-open; a failure then reopens it for 120 s.
    b = probeSuccesses(b, 91_000, 4);
    expect(b).toMatchObject({ state: "half_open", probeSuccesses: 4 });
    b = observeBreaker(b, fail(96_000, 0.6), settings);
    expect(b).toMatchObject({ state: "open", halfOpenAt: 216_000, consecutiveOpenings: 3, probeSuccesses: 0 });

    // Five successful probes close it and reset n, so the next opening lasts 30 s again.
    b = probeSuccesses(b, 216_000, 5);
    expect(b).toEqual(closedBreaker());
    b = observeBreaker(b, fail(300_000), settings);
    expect(b).toMatchObject({ state: "open", halfOpenAt: 330_000, consecutiveOpenings: 1 });
  });

  it("honours overridden settings", () => {
    const custom = { ...settings, probesToClose: 1, openBaseMs: 1000, openMaxMs: 1500 };
    let b = observeBreaker(closedBreaker(), fail(0), custom);
    b = observeBreaker(b, fail(1000), custom);
    expect(b).toMatchObject({ halfOpenAt: 2500, consecutiveOpenings: 2 });
    expect(observeBreaker(b, ok(2500), custom).state).toBe("closed");
  });
});
