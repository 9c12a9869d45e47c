import { describe, expect, it } from "vitest";
import { defaultGatewaySettings } from "../settings.js";
import { admission, afterProbe, closedBreaker, documentedWouldOpen, openBreaker, openDurationMs, probeSample, referenceWouldOpen } from "./breaker.js";
import { applyObservation, newHealthRecord } from "./health-record.js";

const settings = defaultGatewaySettings().breaker;

describe("breaker (health.ts:591-794)", () => {
  it("opening durations double from 30 s and cap at 900 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => openDurationMs(n, settings) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it("the reference rule never opens: rec_tot_ew_60s stays below the floor of 8 even after 1000 failures", () => {
    let record = newHealthRecord(800);
    for (let i = 1; i <= 1000; i++) {
      record = applyObservation(record, { provider: "p", model: "m", at: i * 50, ok: false, impact: "failure", latencyMs: 10 });
      expect(referenceWouldOpen({ record, attempts60: i, failures60: i }, 0.5)).toBe(false);
    }
  });

  it("the reference rule opens when the volume is injected (the only way at the pin)", () => {
    const record = { ...newHealthRecord(800), recTot60: 10, recOk60: 4 };
    expect(referenceWouldOpen({ record, attempts60: 0, failures60: 0 }, 0.5)).toBe(true);
  });

  it("the documented rule opens at error rate >= 0.5 over >= 8 attempts", () => {
    const record = newHealthRecord(800);
    expect(documentedWouldOpen({ record, attempts60: 7, failures60: 7 }, settings)).toBe(false);
    expect(documentedWouldOpen({ record, attempts60: 8, failures60: 4 }, settings)).toBe(true);
    expect(documentedWouldOpen({ record, attempts60: 8, failures60: 3 }, settings)).toBe(false);
  });

  it("admission: blocked inside the window, half-open after it, probes by FNV-1a sample < 0.05", () => {
    const open = openBreaker(closedBreaker(), 1000, settings);
    expect(admission(open, 30_999, "w|r", settings).admission).toBe("blocked");
    const keys = Array.from({ length: 2000 }, (_, i) => `gateway-sim|G-${i}`);
    const probes = keys.filter((k) => probeSample(k) < 0.05);
    for (const key of keys) {
      const decided = admission(open, 31_000, key, settings);
      expect(decided.next.state).toBe("half_open");
      expect(decided.admission).toBe(probes.includes(key) ? "probe" : "blocked");
    }
    // FNV-1a of short sequential ids is not uniform: 58 of these 2000 fall under 0.05.
    expect(probes.length).toBe(58);
    expect(admission(closedBreaker(), 0, "x", settings).admission).toBe("closed");
  });

  it("FNV-1a sample of a known key (32-bit offset basis 2166136261, prime 16777619)", () => {
    // FNV-1a("a") = 0xe40c292c.
    expect(probeSample("a")).toBeCloseTo(0xe40c292c / 0xffffffff, 12);
  });

  it("probes: 5 all ok close; error rate >= 0.5 reopens doubled; 4/5 stays half-open", () => {
    const half = { ...openBreaker(closedBreaker(), 0, settings), state: "half_open" as const };
    expect(afterProbe(half, { ok: 4, cnt: 4, expiresAt: 0 }, settings, 40_000)).toBe(half);
    expect(afterProbe(half, { ok: 5, cnt: 5, expiresAt: 0 }, settings, 40_000)).toEqual(closedBreaker());
    const reopened = afterProbe(half, { ok: 2, cnt: 5, expiresAt: 0 }, settings, 40_000);
    expect(reopened).toEqual({ state: "open", untilMs: 40_000 + 60_000, attempts: 2 });
    expect(afterProbe(half, { ok: 4, cnt: 5, expiresAt: 0 }, settings, 40_000)).toBe(half);
  });
});
